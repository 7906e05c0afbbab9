import { defineConfig } from "drizzle-kit";

// D1 migrations: `npm run db:generate` writes SQL that `wrangler d1 migrations apply` runs.
export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/db/index.ts",
  out: "./schema/migrations",
});

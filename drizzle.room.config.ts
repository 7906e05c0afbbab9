import { defineConfig } from "drizzle-kit";

// The TableRoom Durable Object's own SQLite: `npx drizzle-kit generate --config drizzle.room.config.ts`.
export default defineConfig({
  dialect: "sqlite",
  driver: "durable-sqlite",
  schema: "./schema/room/index.ts",
  out: "./schema/room-migrations",
});

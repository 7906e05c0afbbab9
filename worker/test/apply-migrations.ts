/** Applies the D1 migrations to each workerd test's database before it runs. */
import { applyD1Migrations, env } from "cloudflare:test";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

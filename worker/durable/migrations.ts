/**
 * The TableRoom's SQLite migrations (drizzle-kit output in schema/room-migrations), bundled as
 * text by Vite and applied by drizzle's durable-sqlite migrator when a room starts.
 */
import journal from "../../schema/room-migrations/meta/_journal.json";

const files = import.meta.glob<string>("../../schema/room-migrations/*.sql", {
  query: "?raw",
  import: "default",
  eager: true,
});

function byIndex(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of journal.entries) {
    const sql = files[`../../schema/room-migrations/${entry.tag}.sql`];
    if (!sql) throw new Error(`Room migration ${entry.tag}.sql is missing from the bundle`);
    out[`m${String(entry.idx).padStart(4, "0")}`] = sql;
  }
  return out;
}

export const roomMigrations = { journal, migrations: byIndex() };

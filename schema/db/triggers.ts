/**
 * The trigger rules the Worker must find without asking each TableRoom (it cannot list Durable
 * Objects): scheduled rules, for the cron tick, and webhook rules, for `/hooks/trigger/<ruleId>`.
 * A copy of what the rule in the table's manifest says, kept when rules are saved and deleted;
 * change rules are not listed.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { dataTable } from "./tables";
import { workspace } from "./workspaces";

export const triggerRegistry = sqliteTable(
  "trigger_registry",
  {
    tableId: text("table_id")
      .notNull()
      .references(() => dataTable.id, { onDelete: "cascade" }),
    ruleId: text("rule_id").notNull(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["schedule", "webhook"] }).notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    /** Scheduled rules: the cron expression and when it is next due. */
    cron: text("cron"),
    nextRunAt: integer("next_run_at", { mode: "timestamp_ms" }),
    /** Webhook rules: SHA-256 of the secret callers send (the secret is shown once, at creation). */
    secretHash: text("secret_hash").unique(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tableId, t.ruleId] }),
    index("trigger_registry_due").on(t.kind, t.nextRunAt),
    index("trigger_registry_rule").on(t.ruleId),
  ],
);

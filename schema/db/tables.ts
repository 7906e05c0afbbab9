/** Which tables exist and the workspace each belongs to; their content lives in a TableRoom. */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { workspace } from "./workspaces";

export const dataTable = sqliteTable(
  "data_table",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /**
     * What the table is for when a feature of the product keeps it (`outreach.projects`,
     * `outreach.dealerships`, `outreach.attempts`); null for the workspace's own tables.
     */
    kind: text("kind"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("data_table_workspace").on(t.workspaceId),
    // One table of each kind per workspace: two first requests at once cannot make two sets.
    uniqueIndex("data_table_kind_unique").on(t.workspaceId, t.kind).where(sql`${t.kind} IS NOT NULL`),
  ],
);

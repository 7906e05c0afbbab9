/**
 * Autopilot in D1: cycles (one Workflows instance each, its id the instance id; at most one
 * running per workspace, by a partial unique index), the item ledger that keeps a retried or
 * resumed phase from doing an item twice, when each schedule last ran, the latest health check
 * per provider, alerts (one raised per key until it clears) and spend per provider and day.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { workspace } from "./workspaces";

export const autopilotCycle = sqliteTable(
  "autopilot_cycle",
  {
    /** Also the Workflows instance id. */
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    /** running | finished | failed */
    status: text("status").notNull(),
    /** schedule | switch | button | cli | api */
    trigger: text("trigger").notNull(),
    /** The phases it runs, JSON array of names, in order. */
    plan: text("plan").notNull(),
    /** The finished phases' results, JSON array of PhaseResult. */
    phases: text("phases").notNull().default("[]"),
    error: text("error"),
    /** Its Cycles row. */
    rowId: text("row_id"),
    startedBy: text("started_by"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("autopilot_cycle_workspace").on(t.workspaceId, t.startedAt),
    // The single-cycle lock: a second running cycle of a workspace cannot be inserted.
    uniqueIndex("autopilot_cycle_running").on(t.workspaceId).where(sql`status = 'running'`),
  ],
);

export const autopilotItem = sqliteTable(
  "autopilot_item",
  {
    workspaceId: text("workspace_id").notNull(),
    /** What was done: scrape, qualify, generate, retry-site, publish, pitch, retry-pitch, send, clean. */
    action: text("action").notNull(),
    /** The row (or territory, message…) it was done to. */
    itemId: text("item_id").notNull(),
    cycleId: text("cycle_id").notNull(),
    /** claimed | done | failed */
    state: text("state").notNull(),
    detail: text("detail"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.action, t.itemId] }),
    index("autopilot_item_workspace").on(t.workspaceId, t.action, t.at),
  ],
);

export const autopilotSchedule = sqliteTable(
  "autopilot_schedule",
  {
    workspaceId: text("workspace_id").notNull(),
    /** scraping | generation | sending | health | cleanup */
    schedule: text("schedule").notNull(),
    lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.schedule] })],
);

export const autopilotHealth = sqliteTable(
  "autopilot_health",
  {
    workspaceId: text("workspace_id").notNull(),
    /** outscraper | anthropic | email | sms | payments | browser | queues */
    name: text("name").notNull(),
    /** ok | warning | down | off */
    light: text("light").notNull(),
    detail: text("detail").notNull(),
    /** Checks failed in a row (an alert at two). */
    failures: integer("failures").notNull().default(0),
    checkedAt: integer("checked_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.name] })],
);

export const autopilotAlert = sqliteTable(
  "autopilot_alert",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    /** `kind` or `kind:subject`. */
    key: text("key").notNull(),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    cycleId: text("cycle_id"),
    /** Its Alerts row. */
    rowId: text("row_id"),
    raisedAt: integer("raised_at", { mode: "timestamp_ms" }).notNull(),
    clearedAt: integer("cleared_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("autopilot_alert_workspace").on(t.workspaceId, t.raisedAt),
    // Raised once until it clears.
    uniqueIndex("autopilot_alert_open").on(t.workspaceId, t.key).where(sql`cleared_at IS NULL`),
  ],
);

export const providerSpend = sqliteTable(
  "provider_spend",
  {
    workspaceId: text("workspace_id").notNull(),
    /** UTC day, YYYY-MM-DD. */
    day: text("day").notNull(),
    /** outscraper | google | anthropic | email | sms */
    provider: text("provider").notNull(),
    /** USD. */
    amount: real("amount").notNull().default(0),
    /** Calls, places, messages or tokens: what the amount was for. */
    units: integer("units").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.provider] })],
);

/**
 * Journeys in D1: definitions and their published versions, enrollments (one Workflows instance
 * each, its id the instance id), the exactly-once step ledger analytics count from, and the two
 * per-lead ledgers that span every journey: the messages sent (frequency caps) and the events
 * heard (behaviour conditions, coalescing). A "lead" is any row: `(table_id, row_id)`.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { workspace } from "./workspaces";

export const journey = sqliteTable(
  "journey",
  {
    /** The journey's row id in the Journeys table. */
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** draft | active | paused | archived */
    status: text("status").notNull(),
    /** The draft definition, JSON (what PUT replaces). */
    draft: text("draft").notNull(),
    /** The latest published version; 0 before the first publish. */
    version: integer("version").notNull().default(0),
    /** The entry kind of the latest published version (the draft's before any): manual, event, webhook… */
    entryKind: text("entry_kind").notNull(),
    /** A webhook entry's secret, hashed (shown once). */
    hookSecretHash: text("hook_secret_hash"),
    createdBy: text("created_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("journey_workspace").on(t.workspaceId, t.status)],
);

export const journeyVersion = sqliteTable(
  "journey_version",
  {
    journeyId: text("journey_id")
      .notNull()
      .references(() => journey.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The published definition, JSON, never changed after. */
    definition: text("definition").notNull(),
    publishedBy: text("published_by"),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.journeyId, t.version] })],
);

export const journeyEnrollment = sqliteTable(
  "journey_enrollment",
  {
    /** Also the Workflows instance id. */
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    journeyId: text("journey_id")
      .notNull()
      .references(() => journey.id, { onDelete: "cascade" }),
    /** The version it entered, pinned until someone moves it. */
    version: integer("version").notNull(),
    tableId: text("table_id").notNull(),
    rowId: text("row_id").notNull(),
    /** active | finished | exited */
    status: text("status").notNull(),
    /** The node it is at (or ended at). */
    node: text("node"),
    /** deferred | dropped: the last cap decision that held or dropped a message. */
    capped: text("capped"),
    exitReason: text("exit_reason"),
    /** Waits, timeouts and cap windows counted in seconds instead of days. */
    compress: integer("compress", { mode: "boolean" }).notNull().default(false),
    /** What enrolled it: manual, api, rule, event, schedule, webhook, move. */
    source: text("source").notNull(),
    enteredAt: integer("entered_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    /** A row is in a journey at most once at a time, whatever its re-entry rule. */
    uniqueIndex("journey_enrollment_one_active").on(t.journeyId, t.tableId, t.rowId).where(sql`status = 'active'`),
    index("journey_enrollment_lead").on(t.workspaceId, t.tableId, t.rowId, t.status),
    index("journey_enrollment_journey").on(t.journeyId, t.status),
  ],
);

export const journeyStep = sqliteTable(
  "journey_step",
  {
    enrollmentId: text("enrollment_id").notNull(),
    /** The step's place in its enrollment's path (0, 1, 2…): with the enrollment, the exactly-once key. */
    seq: integer("seq").notNull(),
    workspaceId: text("workspace_id").notNull(),
    journeyId: text("journey_id").notNull(),
    version: integer("version").notNull(),
    nodeId: text("node_id").notNull(),
    nodeKind: text("node_kind").notNull(),
    /** Where it went next; null at an end. */
    nextNode: text("next_node"),
    outcome: text("outcome").notNull(),
    enteredAt: integer("entered_at", { mode: "timestamp_ms" }).notNull(),
    leftAt: integer("left_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    primaryKey({ columns: [t.enrollmentId, t.seq] }),
    index("journey_step_journey").on(t.journeyId, t.version, t.nodeId),
  ],
);

/** Every message a journey sent to a lead: what frequency caps count, across journeys and channels. */
export const leadTouch = sqliteTable(
  "lead_touch",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    tableId: text("table_id").notNull(),
    rowId: text("row_id").notNull(),
    channel: text("channel").notNull(),
    journeyId: text("journey_id"),
    enrollmentId: text("enrollment_id"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("lead_touch_lead").on(t.workspaceId, t.tableId, t.rowId, t.at)],
);

/** Events heard for a lead (opened, clicked, replied, visited, claimed, outside events). */
export const leadEvent = sqliteTable(
  "lead_event",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    tableId: text("table_id").notNull(),
    rowId: text("row_id").notNull(),
    type: text("type").notNull(),
    key: text("key"),
    /** The channel of the message it was about, when it was about one. */
    channel: text("channel"),
    data: text("data"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("lead_event_lead").on(t.workspaceId, t.tableId, t.rowId, t.type, t.at)],
);

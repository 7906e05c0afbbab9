/**
 * Storage of one TableRoom Durable Object (its own SQLite): the Yjs update log and snapshots of
 * each document, the row index used for sorting, filtering and counting, and the change history.
 * Migrations in `schema/room-migrations` (drizzle-kit, append-only) run when the room starts.
 */
import { blob, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Yjs updates appended before they are broadcast; folded into `snapshotPart` by compaction. */
export const updateLog = sqliteTable(
  "update_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    doc: text("doc").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    bytes: integer("bytes").notNull(),
  },
  (t) => [index("update_log_doc").on(t.doc, t.id)],
);

/** A document's compacted state, split in parts of at most 1 MB (a DO SQLite row holds 2 MB). */
export const snapshotPart = sqliteTable(
  "snapshot_part",
  {
    doc: text("doc").notNull(),
    part: integer("part").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.doc, t.part] })],
);

export const rowIndex = sqliteTable(
  "row_index",
  {
    rowId: text("row_id").primaryKey(),
    block: text("block").notNull(),
    pos: text("pos").notNull(),
  },
  (t) => [index("row_index_block").on(t.block), index("row_index_pos").on(t.pos)],
);

/** One row per non-empty cell: its JSON value, plus a text and a number form to sort and filter by. */
export const cellIndex = sqliteTable(
  "cell_index",
  {
    rowId: text("row_id").notNull(),
    colId: text("col_id").notNull(),
    value: text("value").notNull(),
    text: text("text"),
    num: real("num"),
  },
  (t) => [
    primaryKey({ columns: [t.rowId, t.colId] }),
    index("cell_index_num").on(t.colId, t.num),
    index("cell_index_text").on(t.colId, t.text),
  ],
);

/** Who changed which cell, when, from what to what: the row timeline. */
export const cellChange = sqliteTable(
  "cell_change",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    rowId: text("row_id").notNull(),
    colId: text("col_id"),
    kind: text("kind", { enum: ["insert", "update", "delete"] }).notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    origin: text("origin").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("cell_change_row").on(t.rowId, t.id)],
);

export const roomMeta = sqliteTable("room_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** What started an entry of the run log: a rule (by how it starts), a button press, or a payment that landed. */
export const RUN_SOURCES = ["change", "schedule", "webhook", "button", "payments"] as const;

/**
 * Every time a trigger rule fired on a row or a button was pressed (the key makes a firing happen
 * once), what its action did, and the rules it refused to run and why: the run log.
 */
export const triggerRun = sqliteTable(
  "trigger_run",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /**
     * Set when something fired: `<rule>@<version>:<row>` for a row change, with `/<run>` after the
     * version for a schedule tick or a webhook call, `button:<id>` for a press; null for a refusal.
     */
    key: text("key").unique(),
    /** The rule that fired; for a button press, the button's column id (see `columnId`). */
    ruleId: text("rule_id").notNull(),
    rowId: text("row_id").notNull(),
    at: integer("at").notNull(),
    action: text("action").notNull(),
    /**
     * queued, running, succeeded, failed, or the reason it did not run (chain_too_deep,
     * rate_limited, broken, loop_stopped).
     */
    outcome: text("outcome").notNull(),
    detail: text("detail"),
    source: text("source", { enum: RUN_SOURCES }).notNull().default("change"),
    /** The button column, for a press. */
    columnId: text("column_id"),
    /** The queue job that runs the action, for actions that leave the room. */
    jobId: text("job_id"),
    /** How many times the action was tried. */
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [index("trigger_run_rule_at").on(t.ruleId, t.at)],
);

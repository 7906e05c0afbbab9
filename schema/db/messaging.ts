/**
 * Sending pace: one row per sender of a workspace (its From address, or number for SMS) with its
 * first day of sending (warm-up counts from it), the sends of its current day and its last send.
 * Sends reserve a place here in one conditional UPDATE, so two send jobs at once never pass a cap.
 * Its bounces and complaints are counted here too, and a sender past the providers' limits pauses.
 */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspace } from "./workspaces";

export const senderPace = sqliteTable(
  "sender_pace",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    /** `email:<address>` or `sms:<number>`. */
    sender: text("sender").notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    /** The workspace's local date (YYYY-MM-DD) that `sentToday` counts. */
    day: text("day").notNull(),
    sentToday: integer("sent_today").notNull().default(0),
    lastSentAt: integer("last_sent_at", { mode: "timestamp_ms" }),
    /** Sends, hard bounces and complaints since the sender started or was last resumed: its health. */
    sentTotal: integer("sent_total").notNull().default(0),
    bounces: integer("bounces").notNull().default(0),
    complaints: integer("complaints").notNull().default(0),
    /** Set when the bounce or complaint rate passed its limit; nothing is sent until a person resumes it. */
    pausedAt: integer("paused_at", { mode: "timestamp_ms" }),
    pausedReason: text("paused_reason"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.sender] })],
);

/**
 * Provider webhook events already applied, so a redelivered one changes nothing. Providers retry
 * until they get a 2xx (SendGrid for 24 hours, Svix for about 28), and a signed request captured
 * once stays valid while its timestamp is fresh; ids are kept until `expires_at`
 * (REPLAY_MEMORY_MS after they arrived) and deleted by the next webhook write after that.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspace } from "./workspaces";

export const webhookEvent = sqliteTable(
  "webhook_event",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    /** resend, postmark, sendgrid, ses, twilio or recurrente: event ids are unique per provider only. */
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.provider, t.eventId] }),
    index("webhook_event_expiry").on(t.expiresAt),
  ],
);

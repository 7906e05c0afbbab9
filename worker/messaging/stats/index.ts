/**
 * The campaign dashboard's numbers, read from the workspace's Messages, Events and Campaigns
 * tables and counted by `messagingStats` (compute.ts).
 */
import type { MessagingStats } from "../../../schema/messaging-stats";
import type { RowRecord } from "../../../schema/tables";
import { reader, type TableHandle } from "../../kinds/tables";
import type { Messaging } from "../tables";
import { type LoggedEvent, messagingStats, type SentMessage } from "./compute";

export { messagingStats, NO_CAMPAIGN } from "./compute";

/** Rows read from a room per call; a table is read page by page. */
const PAGE = 1000;

async function allRows(table: TableHandle): Promise<RowRecord[]> {
  const rows: RowRecord[] = [];
  for (;;) {
    const page = await table.room.queryRows({ filters: [], sort: [], limit: PAGE, offset: rows.length });
    rows.push(...page.rows);
    if (page.rows.length < PAGE || rows.length >= page.total) return rows;
  }
}

const firstLink = (value: unknown): string | null =>
  Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;

/** Stats of the `days` days ending today in `zone`; no messaging tables yet means nothing sent. */
export async function readMessagingStats(
  messaging: Messaging | null,
  options: { days: number; zone: string; now?: Date },
): Promise<MessagingStats> {
  const now = options.now ?? new Date();
  if (!messaging) return messagingStats({ messages: [], events: [], campaigns: new Map(), ...options, now });
  const [messageRows, eventRows, campaignRows] = await Promise.all([
    allRows(messaging.messages),
    allRows(messaging.events),
    allRows(messaging.campaigns),
  ]);
  const messages: SentMessage[] = [];
  for (const row of messageRows) {
    const r = reader(messaging.messages, row.cells);
    const sentAt = r.text("sentAt");
    if (!sentAt || r.text("direction") === "in") continue;
    messages.push({
      id: row.id,
      sentAt,
      from: r.text("from"),
      campaignId: firstLink(r.get("campaign")),
      status: r.text("status"),
    });
  }
  const events: LoggedEvent[] = [];
  for (const row of eventRows) {
    const r = reader(messaging.events, row.cells);
    const messageId = firstLink(r.get("message"));
    if (messageId) events.push({ messageId, type: r.text("type"), machine: r.get("machine") === true });
  }
  const campaigns = new Map(campaignRows.map((row) => [row.id, reader(messaging.campaigns, row.cells).text("name")]));
  return messagingStats({ messages, events, campaigns, days: options.days, zone: options.zone, now });
}

/**
 * Campaign numbers from plain rows: each outgoing message sent within the days is counted once
 * under the day it was sent, and once for each outcome its events (or its Status, for outcomes
 * written before the Events log existed) show.
 */
import { addDays, formatDate, localTime } from "../../../automation/messaging/zoned-time";
import type { MessagingStats, StatsCounts, StatsLine } from "../../../schema/messaging-stats";

export type SentMessage = { id: string; sentAt: string; from: string; campaignId: string | null; status: string };
export type LoggedEvent = { messageId: string; type: string; machine: boolean };

export const NO_CAMPAIGN = "No campaign";

type Outcome = Exclude<keyof StatsCounts, "sent">;

/** What each event type proves happened; a click and a reply prove an open and a delivery too. */
const PROVES: Record<string, Outcome[]> = {
  delivered: ["delivered"],
  opened: ["delivered", "opened"],
  clicked: ["delivered", "opened", "clicked"],
  replied: ["delivered", "opened", "replied"],
  bounced: ["bounced"],
  // The unsubscribe link is in the message: whoever followed it had it delivered.
  unsubscribed: ["delivered", "unsubscribed"],
  complained: ["delivered"],
};

const zero = (): StatsCounts => ({
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  replied: 0,
  bounced: 0,
  unsubscribed: 0,
});

const share = (n: number, of: number) => (of > 0 ? n / of : 0);

export function withRates(c: StatsCounts): StatsLine {
  return {
    ...c,
    deliveryRate: share(c.delivered, c.sent),
    openRate: share(c.opened, c.sent),
    clickRate: share(c.clicked, c.sent),
    replyRate: share(c.replied, c.sent),
    bounceRate: share(c.bounced, c.sent),
    unsubscribeRate: share(c.unsubscribed, c.sent),
  };
}

function outcomesOf(message: SentMessage, events: LoggedEvent[]): Set<Outcome> {
  const found = new Set<Outcome>();
  for (const e of events) {
    if (e.type === "opened" && e.machine) continue;
    for (const o of PROVES[e.type] ?? []) found.add(o);
  }
  for (const o of PROVES[message.status] ?? []) found.add(o);
  return found;
}

/**
 * The stats of `messages` sent in the `days` days ending today (`now` in `zone`).
 * @example messagingStats({ messages, events, campaigns: new Map(), days: 30, zone: "America/Chicago", now })
 */
export function messagingStats(input: {
  messages: SentMessage[];
  events: LoggedEvent[];
  campaigns: Map<string, string>;
  days: number;
  zone: string;
  now: Date;
}): MessagingStats {
  const { days, zone } = input;
  const today = localTime(input.now, zone).date;
  const dayList = Array.from({ length: days }, (_, i) => formatDate(addDays(today, i - days + 1)));
  const first = dayList[0]!;
  const last = dayList[dayList.length - 1]!;
  const eventsOf = new Map<string, LoggedEvent[]>();
  for (const e of input.events) eventsOf.set(e.messageId, [...(eventsOf.get(e.messageId) ?? []), e]);

  const totals = zero();
  const byDay = new Map(dayList.map((d) => [d, zero()]));
  const bySender = new Map<string, StatsCounts>();
  const byCampaign = new Map<string | null, StatsCounts>();
  const group = <K>(map: Map<K, StatsCounts>, key: K) => {
    const counts = map.get(key) ?? zero();
    map.set(key, counts);
    return counts;
  };
  for (const m of input.messages) {
    const at = new Date(m.sentAt);
    if (Number.isNaN(at.getTime())) continue;
    const day = formatDate(localTime(at, zone).date);
    if (day < first || day > last) continue;
    const lines = [totals, byDay.get(day)!, group(bySender, m.from || "(no sender)"), group(byCampaign, m.campaignId)];
    const outcomes = outcomesOf(m, eventsOf.get(m.id) ?? []);
    for (const line of lines) {
      line.sent++;
      for (const o of outcomes) line[o]++;
    }
  }
  const campaignName = (id: string | null) =>
    id === null ? NO_CAMPAIGN : input.campaigns.get(id) || "Untitled campaign";
  return {
    days,
    zone,
    from: first,
    to: last,
    totals: withRates(totals),
    byDay: [...byDay].map(([day, c]) => ({ day, ...withRates(c) })),
    bySender: [...bySender]
      .map(([sender, c]) => ({ sender, ...withRates(c) }))
      .sort((a, b) => b.sent - a.sent || a.sender.localeCompare(b.sender)),
    byCampaign: [...byCampaign]
      .map(([campaignId, c]) => ({ campaignId, campaign: campaignName(campaignId), ...withRates(c) }))
      .sort((a, b) => b.sent - a.sent || a.campaign.localeCompare(b.campaign)),
  };
}

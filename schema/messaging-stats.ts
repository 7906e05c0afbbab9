/**
 * What `GET /api/messaging/stats?days=30` answers: outgoing messages of the last days counted by
 * what happened to them, per day (the day each was sent, in the workspace's zone), per sender
 * and per campaign.
 */
import { z } from "zod";

/** A quarter of a year: enough for trends, and the Messages and Events tables read in one go. */
export const MAX_STATS_DAYS = 90;

export const StatsQuery = z.object({
  days: z.coerce.number().int().min(1).max(MAX_STATS_DAYS).default(30),
});

/** Messages sent, and how many of them reached each outcome (each message counted once). */
export type StatsCounts = {
  sent: number;
  delivered: number;
  /** Opened by a person: machine opens (privacy proxies, scanners) left out; a click counts as an open. */
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  unsubscribed: number;
};

/** Each outcome's share of the messages sent (0 when none were sent). */
export type StatsRates = {
  deliveryRate: number;
  openRate: number;
  clickRate: number;
  replyRate: number;
  bounceRate: number;
  unsubscribeRate: number;
};

export type StatsLine = StatsCounts & StatsRates;

export type MessagingStats = {
  days: number;
  zone: string;
  /** First and last day (YYYY-MM-DD, the workspace's zone). */
  from: string;
  to: string;
  totals: StatsLine;
  byDay: (StatsLine & { day: string })[];
  bySender: (StatsLine & { sender: string })[];
  /** `campaignId` null: messages with no Campaign ("No campaign"). */
  byCampaign: (StatsLine & { campaignId: string | null; campaign: string })[];
};

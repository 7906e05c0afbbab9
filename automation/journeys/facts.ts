/**
 * A lead's facts as conditions read them, gathered from its row: the zone (its Time zone cell
 * when that is a real IANA zone, else the workspace's), the Engagement score and the per-channel
 * scores the event feed writes into Channel scores ("email 4 · sms 1 · chat 0").
 */
import { JOURNEY_CHANNELS, type JourneyChannel } from "../../schema/journeys";
import type { CellValue } from "../../schema/tables";
import { isTimeZone } from "../messaging/zoned-time";
import type { LeadFacts } from "./conditions";
import { cellFor } from "./values";

const CHANNEL_SCORE = /\b(email|sms|chat)\s*[:=]?\s*(-?\d+(?:\.\d+)?)/gi;

/** The lead's zone: the row's Time zone when valid, else `fallback`. */
export function leadZone(row: Record<string, CellValue>, fallback: string): string {
  const zone = cellFor(row, "Time zone");
  return typeof zone === "string" && zone.trim() && isTimeZone(zone.trim()) ? zone.trim() : fallback;
}

/**
 * Per-channel scores read from the Channel scores text.
 * @example parseChannelScores("email 4 · sms 1 · chat 0") // { email: 4, sms: 1, chat: 0 }
 */
export function parseChannelScores(text: CellValue | undefined): Partial<Record<JourneyChannel, number>> {
  const scores: Partial<Record<JourneyChannel, number>> = {};
  if (typeof text !== "string") return scores;
  for (const [, channel, score] of text.matchAll(CHANNEL_SCORE)) {
    const name = channel!.toLowerCase() as JourneyChannel;
    if (JOURNEY_CHANNELS.includes(name)) scores[name] = Number(score);
  }
  return scores;
}

/**
 * The facts of a lead whose row is `row`.
 * @example leadFacts({ row, events: [], now: Date.now(), enteredAt, zone: settings.zone })
 */
export function leadFacts(input: {
  row: Record<string, CellValue>;
  events: LeadFacts["events"];
  now: number;
  enteredAt: number;
  /** The workspace's zone, used when the row names none. */
  zone: string;
}): LeadFacts {
  const engagement = cellFor(input.row, "Engagement");
  return {
    row: input.row,
    events: input.events,
    now: input.now,
    enteredAt: input.enteredAt,
    zone: leadZone(input.row, input.zone),
    engagement: typeof engagement === "number" && Number.isFinite(engagement) ? engagement : null,
    channelScores: parseChannelScores(cellFor(input.row, "Channel scores")),
  };
}

/**
 * Channel preference learning: each lead's engagement per channel as a visible score (the Leads'
 * Channel scores column), and the channel a `best` send goes on. A reply is worth more than a
 * click, a click more than an open; an unsubscribe or a bounce marks the channel as one not to use.
 */
import { JOURNEY_CHANNELS, type JourneyChannel } from "../../schema/journeys";

/** Points per event on the channel of the message it was about. */
const POINTS: Record<string, number> = { opened: 1, clicked: 3, replied: 10 };
/** Events after which a channel must not be chosen again: the score they leave, whatever came before. */
const CLOSING_EVENTS = new Set(["unsubscribed", "bounced"]);
export const CLOSED_SCORE = -10;

function isChannel(value: string | null): value is JourneyChannel {
  return (JOURNEY_CHANNELS as readonly (string | null)[]).includes(value);
}

/**
 * Scores per channel from a lead's events: opened 1, clicked 3, replied 10 on the event's
 * channel; a channel the lead unsubscribed from or that bounced scores −10 and stays there.
 */
export function channelScores(events: { channel: string | null; type: string }[]): Record<JourneyChannel, number> {
  const scores: Record<JourneyChannel, number> = { email: 0, sms: 0, chat: 0 };
  const closed = new Set<JourneyChannel>();
  for (const { channel, type } of events) {
    if (!isChannel(channel)) continue;
    if (CLOSING_EVENTS.has(type)) closed.add(channel);
    else scores[channel] += POINTS[type] ?? 0;
  }
  for (const channel of closed) scores[channel] = CLOSED_SCORE;
  return scores;
}

/**
 * The channel to send on: a stated preference (email, sms, chat) when it is available; else
 * ("auto", empty, unknown) the available channel with the highest score, ties going to email,
 * then SMS, then chat. A channel with a negative score (unsubscribed, bounced) is never chosen,
 * not even when preferred. Null when none is left.
 * @example bestChannel("auto", { email: 1, sms: 4 }, ["email", "sms"]) // "sms"
 */
export function bestChannel(
  preference: string | null,
  scores: Partial<Record<JourneyChannel, number>>,
  available: JourneyChannel[],
): JourneyChannel | null {
  const usable = JOURNEY_CHANNELS.filter((c) => available.includes(c) && (scores[c] ?? 0) >= 0);
  const stated = preference?.trim().toLowerCase() ?? "";
  if (isChannel(stated) && usable.includes(stated)) return stated;
  let best: JourneyChannel | null = null;
  for (const channel of usable) if (best === null || (scores[channel] ?? 0) > (scores[best] ?? 0)) best = channel;
  return best;
}

/** "email 4 · sms 1 · chat 0", for the Leads' Channel scores column. */
export function formatChannelScores(scores: Partial<Record<JourneyChannel, number>>): string {
  return JOURNEY_CHANNELS.map((c) => `${c} ${scores[c] ?? 0}`).join(" · ");
}

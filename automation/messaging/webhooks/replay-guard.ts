/**
 * Skips events seen before. Providers retry a webhook until they get a 2xx, and a signed request
 * captured once stays valid while its timestamp is fresh, so the same event can arrive twice;
 * applying it twice would double-count opens or re-suppress an address.
 */

/** Where seen event ids live: memory in tests, a Durable Object's storage or D1 in the Worker. */
export type SeenEvents = {
  has(eventId: string): Promise<boolean>;
  add(eventId: string, expiresAt: number): Promise<void>;
};

/**
 * How long an event id is remembered. Longer than any provider's retry window: SendGrid retries for
 * 24 hours and Svix (Resend) for about 28 hours (its schedule ends with two 10-hour waits), so
 * three days covers both with room.
 */
export const REPLAY_MEMORY_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * The events not seen before, each remembered as seen; order kept, repeats within one batch dropped.
 * @example const fresh = await skipReplays(events(body), seen, Date.now());
 */
export async function skipReplays<T extends { eventId: string }>(
  events: T[],
  seen: SeenEvents,
  now: number,
): Promise<T[]> {
  const fresh: T[] = [];
  for (const event of events) {
    if (await seen.has(event.eventId)) continue;
    await seen.add(event.eventId, now + REPLAY_MEMORY_MS);
    fresh.push(event);
  }
  return fresh;
}

/** An in-memory `SeenEvents` that forgets ids once they expire (tests, local dev). */
export function memorySeenEvents(clock: () => number = Date.now): SeenEvents {
  const expiry = new Map<string, number>();
  return {
    async has(eventId) {
      const until = expiry.get(eventId);
      if (until === undefined) return false;
      if (until > clock()) return true;
      expiry.delete(eventId);
      return false;
    },
    async add(eventId, expiresAt) {
      expiry.set(eventId, expiresAt);
    },
  };
}

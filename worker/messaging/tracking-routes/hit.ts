/**
 * What a tracking hit needs besides its token: the message it names (found through the
 * workspace's messaging tables), who fetched it (user agent class, a salted hash of the IP, never
 * the IP itself), and a bounded wait for the event to be written, so a person's click or a mail
 * client's image fetch never hangs on a slow room.
 */
import type { TrackingPayload } from "../../../automation/messaging/tracking";
import type { RowRecord } from "../../../schema/tables";
import { getDb } from "../../db";
import { findMessaging, type Messaging } from "../tables";

export { ipHashOf } from "../tracker";

export type TrackedMessage = { messaging: Messaging; row: RowRecord };

/** The message a verified token names, or null when its workspace or row is gone. */
export async function trackedMessage(
  env: Env,
  payload: Pick<TrackingPayload, "workspaceId" | "messageId">,
): Promise<TrackedMessage | null> {
  const messaging = await findMessaging(env, getDb(env.DB), payload.workspaceId);
  if (!messaging) return null;
  const [row] = await messaging.messages.room.readRows([payload.messageId]);
  return row ? { messaging, row } : null;
}

/** The client's address as Cloudflare gives it; null when absent (never a guess from other headers). */
export const clientIp = (request: Request) => request.headers.get("cf-connecting-ip");

/**
 * How long a hit waits for its event to be written before answering anyway. A room answers in
 * milliseconds; this only bounds a stuck one, and the write goes on after the answer (waitUntil).
 */
export const RECORD_WAIT_MS = 2_000;

/**
 * Waits for `work` at most RECORD_WAIT_MS, keeping it alive past the answer; a failure is logged,
 * never thrown, because the pixel must still be served and the click must still land.
 */
export async function recordWithin(
  ctx: { waitUntil(promise: Promise<unknown>): void },
  what: string,
  work: Promise<unknown>,
): Promise<void> {
  const logged = work.catch((error) => console.error(`rowpilot: could not record ${what}`, error));
  ctx.waitUntil(logged);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`rowpilot: recording ${what} took over ${RECORD_WAIT_MS} ms; answering first`);
      resolve();
    }, RECORD_WAIT_MS);
  });
  await Promise.race([logged, late]);
  clearTimeout(timer);
}

/**
 * The wire format. Per doc, the y-websocket protocol (y-protocols): a varUint message type, then
 * sync (step 1 / step 2 / update), awareness, auth or query-awareness. Per table, the app's
 * multiplexed socket prefixes every such message with the doc name as a varString.
 * Decoders never throw: malformed input comes back as `null`.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * The app's own message (y-websocket uses 0–3): the multiplexed client stops following a doc, as a
 * windowed grid does with blocks far from its screen. A standard y-websocket client never sends it.
 */
export const MESSAGE_UNSUBSCRIBE = 100;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Largest frame accepted from a client; Cloudflare caps a WebSocket message at 1 MiB. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * The close code for a page older than the tables' layout (sync/layout LAYOUT_VERSION): it stops
 * reconnecting and asks to be reloaded.
 */
export const CLOSE_OUTDATED = 4426;

export type Message =
  | { type: "sync-step-1"; stateVector: Uint8Array }
  | { type: "sync-step-2"; update: Uint8Array }
  | { type: "sync-update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "auth"; denied: boolean; reason: string }
  | { type: "query-awareness" }
  | { type: "unsubscribe" };

/** One y-websocket message, or null when it is truncated, unknown or has trailing bytes. */
export function decodeMessage(data: Uint8Array): Message | null {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    let message: Message | null = null;
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === SYNC_STEP_1) message = { type: "sync-step-1", stateVector: payload };
      else if (step === SYNC_STEP_2) message = { type: "sync-step-2", update: payload };
      else if (step === SYNC_UPDATE) message = { type: "sync-update", update: payload };
    } else if (type === MESSAGE_AWARENESS) {
      message = { type: "awareness", update: decoding.readVarUint8Array(d) };
    } else if (type === MESSAGE_AUTH) {
      const denied = decoding.readVarUint(d) === 0;
      message = { type: "auth", denied, reason: denied ? decoding.readVarString(d) : "" };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { type: "query-awareness" };
    } else if (type === MESSAGE_UNSUBSCRIBE) {
      message = { type: "unsubscribe" };
    }
    return message && !decoding.hasContent(d) ? message : null;
  } catch {
    return null;
  }
}

export function encodeMessage(message: Message): Uint8Array {
  const e = encoding.createEncoder();
  switch (message.type) {
    case "sync-step-1":
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_STEP_1);
      encoding.writeVarUint8Array(e, message.stateVector);
      break;
    case "sync-step-2":
    case "sync-update":
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, message.type === "sync-step-2" ? SYNC_STEP_2 : SYNC_UPDATE);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case "awareness":
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case "auth":
      encoding.writeVarUint(e, MESSAGE_AUTH);
      encoding.writeVarUint(e, message.denied ? 0 : 1);
      if (message.denied) encoding.writeVarString(e, message.reason);
      break;
    case "query-awareness":
      encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS);
      break;
    case "unsubscribe":
      encoding.writeVarUint(e, MESSAGE_UNSUBSCRIBE);
      break;
  }
  return encoding.toUint8Array(e);
}

/** A multiplexed frame: the doc name, then one y-websocket message. */
export function encodeFrame(doc: string, message: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeUint8Array(e, message);
  return encoding.toUint8Array(e);
}

let lastFrame: { doc: string; message: Uint8Array; frame: Uint8Array } | null = null;

/**
 * `encodeFrame`, reusing the frame just made when the same message goes to the next peer: a
 * broadcast frames one message for every subscriber, and re-encoding the doc name each time was
 * a measurable part of a room's cost per edit.
 */
export function encodeFrameOnce(doc: string, message: Uint8Array): Uint8Array {
  if (lastFrame?.message !== message || lastFrame.doc !== doc) {
    lastFrame = { doc, message, frame: encodeFrame(doc, message) };
  }
  return lastFrame.frame;
}

export function decodeFrame(frame: Uint8Array): { doc: string; message: Uint8Array } | null {
  try {
    const d = decoding.createDecoder(frame);
    const doc = decoding.readVarString(d);
    if (!decoding.hasContent(d)) return null;
    return { doc, message: decoding.readTailAsUint8Array(d) };
  } catch {
    return null;
  }
}

// ── awareness ─────────────────────────────────────────────────────────────────────────────

export type AwarenessEntry = { clientId: number; clock: number; state: string };

/** The entries of an awareness update (`state` is JSON text, "null" for a client that left). */
export function decodeAwareness(update: Uint8Array): AwarenessEntry[] | null {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    const out: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const state = decoding.readVarString(d);
      JSON.parse(state);
      out.push({ clientId, clock, state });
    }
    return decoding.hasContent(d) ? null : out;
  } catch {
    return null;
  }
}

export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, state);
  }
  return encoding.toUint8Array(e);
}

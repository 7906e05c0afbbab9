/**
 * What a chat socket accepts from a visitor: a JSON text frame `{ type: "message", body }` within
 * the length limit, and at most `CHAT_FLOOD.messages` of them in `CHAT_FLOOD.windowMs`. Anything
 * else is answered with an error frame and stored nowhere; the socket stays up.
 */
import { CHAT_MAX_CHARS, ChatClientFrame, type ChatClientFrame as Frame } from "../../../schema/inbox-api";

/**
 * A person types a few lines a minute; ten a minute from one visitor is a script or a stuck key.
 * The brief's own figure, kept per visitor (one chat room each).
 */
export const CHAT_FLOOD = { messages: 10, windowMs: 60_000 } as const;

/** A frame bigger than this is refused before it is parsed: the longest message, every character JSON-escaped (`\uXXXX`), and its envelope. */
const MAX_FRAME_CHARS = 6 * CHAT_MAX_CHARS + 100;

export type FrameRead = { ok: true; frame: Frame } | { ok: false; message: string };

/** A visitor's frame read, or why it was refused (in words the widget shows). */
export function readChatFrame(data: string | ArrayBuffer): FrameRead {
  if (typeof data !== "string") return { ok: false, message: "Send text frames of JSON, not binary ones" };
  if (data.length > MAX_FRAME_CHARS) return { ok: false, message: "That message is too long to send" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { ok: false, message: "That frame is not JSON" };
  }
  const frame = ChatClientFrame.safeParse(parsed);
  if (!frame.success) {
    const issue = frame.error.issues[0];
    const field = issue?.path.join(".") || "frame";
    return { ok: false, message: `Message not sent: ${field} ${issue?.message ?? "is malformed"}` };
  }
  return { ok: true, frame: frame.data };
}

export type FloodCheck = { ok: true; recent: number[] } | { ok: false; recent: number[]; retryInMs: number };

/** Admits a message at `now` unless the visitor has sent the most the window allows; `recent` is kept trimmed. */
export function admitMessage(recent: readonly number[], now: number, limit = CHAT_FLOOD): FloodCheck {
  const inWindow = recent.filter((t) => now - t < limit.windowMs);
  if (inWindow.length >= limit.messages) {
    return { ok: false, recent: inWindow, retryInMs: limit.windowMs - (now - inWindow[0]!) };
  }
  return { ok: true, recent: [...inWindow, now] };
}

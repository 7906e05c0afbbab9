/**
 * The few WebCrypto pieces the webhook verifiers share: base64, HMAC, a constant-time compare and
 * the verdict every verifier returns. WebCrypto only, so the same code runs in Node and workerd.
 */

/** What a verifier answers: accepted, or refused with a reason fit for a log line and a 401 body. */
export type Verdict = { ok: true } | { ok: false; reason: string };

export const OK: Verdict = { ok: true };
export const refuse = (reason: string): Verdict => ({ ok: false, reason });

/** The parts of an HTTP request a verifier reads: the raw body exactly as received (signatures cover bytes, not parsed JSON). */
export type WebhookRequest = { url: string; headers: Headers; body: string };

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text);

/** Decodes standard base64; `null` when the text is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function hmac(hash: "SHA-1" | "SHA-256", key: Uint8Array<ArrayBuffer>, data: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, utf8(data)));
}

/** Compares two strings in time that depends only on their lengths, so a forger learns nothing from how fast we refuse. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = utf8(a);
  const y = utf8(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** Whether a Unix-seconds timestamp header lies within `toleranceMs` of now, either side. */
export function timestampFresh(seconds: string, now: Date, toleranceMs: number): Verdict {
  if (!/^\d+$/.test(seconds.trim())) return refuse(`timestamp "${seconds}" is not Unix seconds`);
  const skew = Math.abs(now.getTime() - Number(seconds) * 1000);
  if (skew > toleranceMs)
    return refuse(`timestamp is ${Math.round(skew / 1000)} s from now, more than ${toleranceMs / 1000} s`);
  return OK;
}

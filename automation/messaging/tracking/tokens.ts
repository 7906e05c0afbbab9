/**
 * Signed tracking tokens: the open pixel (`o`), a tracked link (`c`) and the unsubscribe link
 * (`u`). A token is `<payload>.<signature>`, both base64url; the payload is a compact JSON array
 * and the signature an HMAC-SHA256 over it. Nothing is stored per link: the token carries the
 * URL, and only a token we signed yields one, so the click route is not an open redirect.
 */
import { fromBase64url, toBase64url } from "./base64url";

export type TrackingPurpose = "o" | "c" | "u";

export type TrackingPayload = {
  purpose: TrackingPurpose;
  workspaceId: string;
  messageId: string;
  /** Only on click tokens: exactly the link as written in the message. */
  url?: string;
};

export type TokenFailure = "malformed" | "bad_signature" | "wrong_purpose";

export type TokenCheck = { ok: true; payload: TrackingPayload } | { ok: false; reason: TokenFailure };

/** 128 bits of HMAC: NIST SP 800-107 §5.3.4 allows truncation to at least 64; this keeps links short. */
const SIGNATURE_BYTES = 16;
/** RFC 2104 §3: a key shorter than the hash output (32 bytes) weakens the MAC. */
const MIN_SECRET_LENGTH = 32;
/** Separates these keys from anything else derived from the same secret. */
const KEY_INFO = "rowpilot tracking tokens v1";
const PURPOSES: readonly string[] = ["o", "c", "u"];

export class TrackingSecretError extends Error {
  override name = "TrackingSecretError";
}

/**
 * The signing key for tracking tokens, derived (HKDF-SHA256) from a secret string.
 * @example const key = await trackingKey(env.TRACKING_SECRET);
 */
export async function trackingKey(secret: string): Promise<CryptoKey> {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new TrackingSecretError(
      `The tracking secret has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} random ones (e.g. \`openssl rand -base64 32\`).`,
    );
  }
  const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode(KEY_INFO) },
    base,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
}

async function signature(key: CryptoKey, body: string): Promise<Uint8Array> {
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body));
  return new Uint8Array(mac, 0, SIGNATURE_BYTES);
}

/** Compares every byte whatever the first difference, so timing tells nothing about the MAC. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * A token for one message's pixel, link or unsubscribe.
 * @example await signToken(key, { purpose: "c", workspaceId: "w1", messageId: "m1", url: "https://a.example/" })
 */
export async function signToken(key: CryptoKey, payload: TrackingPayload): Promise<string> {
  const fields = [payload.purpose, payload.workspaceId, payload.messageId];
  if (payload.url !== undefined) fields.push(payload.url);
  const body = toBase64url(new TextEncoder().encode(JSON.stringify(fields)));
  return `${body}.${toBase64url(await signature(key, body))}`;
}

function decodePayload(body: string): TrackingPayload | null {
  const bytes = fromBase64url(body);
  if (!bytes) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length < 3 || fields.length > 4) return null;
  if (!fields.every((field) => typeof field === "string")) return null;
  const [purpose, workspaceId, messageId, url] = fields as string[];
  if (!PURPOSES.includes(purpose!) || !workspaceId || !messageId) return null;
  if (purpose === "c" && !isHttpUrl(url)) return null;
  if (purpose !== "c" && url !== undefined) return null;
  const payload: TrackingPayload = { purpose: purpose as TrackingPurpose, workspaceId, messageId };
  if (url !== undefined) payload.url = url;
  return payload;
}

function isHttpUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * The payload of a token we signed for `purpose`, or why it is refused. The signature is checked
 * before anything in the payload is trusted.
 * @example const check = await verifyToken(key, token, "c"); if (check.ok) redirect(check.payload.url);
 */
export async function verifyToken(key: CryptoKey, token: string, purpose: TrackingPurpose): Promise<TokenCheck> {
  const parts = token.split(".");
  const given = parts.length === 2 ? fromBase64url(parts[1]!) : null;
  if (!given || given.length !== SIGNATURE_BYTES || !parts[0]) return { ok: false, reason: "malformed" };
  const body = parts[0];
  if (!equalBytes(await signature(key, body), given)) return { ok: false, reason: "bad_signature" };
  const payload = decodePayload(body);
  if (!payload) return { ok: false, reason: "malformed" };
  if (payload.purpose !== purpose) return { ok: false, reason: "wrong_purpose" };
  return { ok: true, payload };
}

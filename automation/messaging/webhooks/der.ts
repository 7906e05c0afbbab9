/**
 * Just enough DER (ITU-T X.690) to reach what WebCrypto needs: the r‖s form of an ECDSA signature
 * (SendGrid sends DER) and the public key inside an X.509 certificate (SNS signs with one).
 * Readers return `null` on anything malformed.
 */
import { fromBase64 } from "./crypto";

type Tlv = { tag: number; start: number; contentStart: number; end: number };

/** Reads one tag-length-value at `offset`; `null` when it runs past the buffer or uses long-form lengths over 4 bytes. */
function readTlv(bytes: Uint8Array, offset: number): Tlv | null {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) return null;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) return null;
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = bytes[contentStart + i];
      if (byte === undefined) return null;
      length = length * 256 + byte;
    }
    contentStart += count;
  }
  const end = contentStart + length;
  return end > bytes.length ? null : { tag, start: offset, contentStart, end };
}

/** The TLVs directly inside a constructed TLV. */
function children(bytes: Uint8Array, parent: Tlv): Tlv[] | null {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const child = readTlv(bytes, at);
    if (!child || child.end > parent.end) return null;
    out.push(child);
    at = child.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
/** `[0] EXPLICIT Version` opens a v2/v3 certificate's tbsCertificate. */
const VERSION_TAG = 0xa0;

/** `SEQUENCE { r INTEGER, s INTEGER }` → r‖s, each left-padded to `size` bytes. */
export function derToRawEcdsa(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> | null {
  const seq = readTlv(der, 0);
  if (seq?.tag !== SEQUENCE || seq.end !== der.length) return null;
  const parts = children(der, seq);
  if (parts?.length !== 2 || parts.some((p) => p.tag !== INTEGER)) return null;
  const raw = new Uint8Array(size * 2);
  for (const [i, part] of parts.entries()) {
    let value = der.subarray(part.contentStart, part.end);
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) return null;
    raw.set(value, (i + 1) * size - value.length);
  }
  return raw;
}

/**
 * The SubjectPublicKeyInfo of a DER X.509 certificate (RFC 5280 §4.1: Certificate → tbsCertificate →
 * [version], serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo).
 */
export function certificatePublicKey(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const cert = readTlv(der, 0);
  if (cert?.tag !== SEQUENCE) return null;
  const tbs = children(der, cert)?.[0];
  if (tbs?.tag !== SEQUENCE) return null;
  const fields = children(der, tbs);
  if (!fields) return null;
  const spki = fields[fields[0]?.tag === VERSION_TAG ? 6 : 5];
  return spki?.tag === SEQUENCE ? der.slice(spki.start, spki.end) : null;
}

/** The DER bytes of the first `-----BEGIN CERTIFICATE-----` block in a PEM text. */
export function pemToDer(pem: string): Uint8Array<ArrayBuffer> | null {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem)?.[1];
  return body ? fromBase64(body.replace(/\s+/g, "")) : null;
}

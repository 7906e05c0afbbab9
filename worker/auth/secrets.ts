/**
 * Encryption of workspace provider secrets at rest: AES-256-GCM (WebCrypto) with a key from the
 * SETTINGS_KEY wrangler secret (32 bytes, base64). The workspace id and setting name are bound
 * in as additional data, so a ciphertext copied to another row or workspace fails to decrypt.
 */

const IV_BYTES = 12;

export class SettingsKeyError extends Error {
  override name = "SettingsKeyError";
}

export async function importSettingsKey(base64Key: string | undefined): Promise<CryptoKey> {
  if (!base64Key) throw new SettingsKeyError("SETTINGS_KEY is not set: run `wrangler secret put SETTINGS_KEY`");
  const raw = Uint8Array.from(atob(base64Key), (c) => c.charCodeAt(0));
  if (raw.length !== 32) throw new SettingsKeyError("SETTINGS_KEY must be 32 bytes, base64-encoded");
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function encryptSecret(key: CryptoKey, slot: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(slot) },
    key,
    new TextEncoder().encode(plaintext),
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return btoa(String.fromCharCode(...out));
}

export async function decryptSecret(key: CryptoKey, slot: string, ciphertext: string): Promise<string> {
  const raw = Uint8Array.from(atob(ciphertext), (c) => c.charCodeAt(0));
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: raw.slice(0, IV_BYTES), additionalData: new TextEncoder().encode(slot) },
    key,
    raw.slice(IV_BYTES),
  );
  return new TextDecoder().decode(plain);
}

/** What the UI may show of a secret: its last four characters. */
export function secretHint(plaintext: string): string {
  return plaintext.length <= 8 ? "••••" : `••••${plaintext.slice(-4)}`;
}

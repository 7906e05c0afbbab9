/**
 * Opaque bearer secrets (API tokens, invitation links, webhook rules' secrets). 32 random bytes,
 * base64url, with a readable prefix; only their SHA-256 is stored. A fast hash is right here:
 * the secrets are high-entropy, so there is nothing to brute-force, unlike passwords.
 */

const SECRET_BYTES = 32;

export type TokenKind = "rp" | "inv" | "hook";

/**
 * A new random secret, e.g. `rp_3q2…`.
 * @example const token = newSecret("rp");
 */
export function newSecret(kind: TokenKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  return `${kind}_${base64url(bytes)}`;
}

export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return base64url(new Uint8Array(digest));
}

/** A random id for rows we create (URL-safe, 16 bytes). */
export function newId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** One-time sign-in links for browser tests, made as `npm start` and `rowpilot login-link` make theirs. */
import { openLocal, signInLink } from "../scripts/local-db";

/** A link that signs `email` in on the server at `base` (storage in `state`) and lands on `path`. */
export async function oneTimeLink(state: string, base: string, email: string, path: string): Promise<string> {
  const local = await openLocal(state);
  try {
    return await signInLink(local, base, email, path);
  } finally {
    await local.dispose();
  }
}

/**
 * Identity through better-auth: email + password, one-time sign-in links, sessions in D1.
 * Built per request because its base URL and secrets come from the request's environment.
 */
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { magicLink } from "better-auth/plugins/magic-link";
import { account, rateLimit, session, user, verification } from "../../schema/db/auth";
import type { Db } from "../db";

/** A sign-in link stays usable this long; the CLI prints a new one on demand. */
export const SIGN_IN_LINK_TTL_S = 15 * 60;
/** Sign-in and sign-up attempts allowed per client address per window (better-auth counts). */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_S = 60;
export const MIN_PASSWORD_LENGTH = 10;

export type AuthConfig = {
  db: Db;
  baseURL: string;
  secret: string;
  /** Where a freshly made sign-in link goes: the console locally, the email channel later. */
  deliverSignInLink: (email: string, url: string) => Promise<void> | void;
};

export function createAuth({ db, baseURL, secret, deliverSignInLink }: AuthConfig) {
  const local = isLocalOrigin(baseURL);
  return betterAuth({
    baseURL,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [new URL(baseURL).origin],
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: { user, session, account, verification, rateLimit },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    plugins: [
      magicLink({
        expiresIn: SIGN_IN_LINK_TTL_S,
        disableSignUp: true,
        storeToken: "hashed",
        sendMagicLink: ({ email, url }) => deliverSignInLink(email, url),
      }),
    ],
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 120,
      customRules: {
        "/sign-in/email": { window: SIGN_IN_WINDOW_S, max: SIGN_IN_ATTEMPTS },
        "/sign-up/email": { window: SIGN_IN_WINDOW_S, max: SIGN_IN_ATTEMPTS },
        "/sign-in/magic-link": { window: SIGN_IN_WINDOW_S, max: SIGN_IN_ATTEMPTS },
      },
    },
    advanced: {
      // Secure cookies everywhere but plain-http localhost, where browsers would drop them.
      useSecureCookies: !local,
      // Only Cloudflare's own header: x-forwarded-for is set by clients and would dodge the limit.
      ipAddress: { ipAddressHeaders: ["cf-connecting-ip"] },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** http://localhost, 127.x and [::1] origins, where cookies cannot be Secure. */
export function isLocalOrigin(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && (hostname === "localhost" || hostname === "[::1]" || hostname.startsWith("127."));
}

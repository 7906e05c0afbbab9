/**
 * Helpers for tests inside workerd: requests through the real Worker (`SELF`), each from a
 * fresh client address so better-auth's per-address sign-in limit is only met where a test
 * means to meet it.
 */
import { SELF } from "cloudflare:test";

export const ORIGIN = "http://rowpilot.test";

let address = 0;
export const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

export type Client = { cookie?: string; token?: string; ip?: string };

export async function call(
  client: Client,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const h = new Headers({ origin: ORIGIN, "cf-connecting-ip": client.ip ?? nextAddress(), ...headers });
  if (client.cookie) h.set("cookie", client.cookie);
  if (client.token) h.set("authorization", `Bearer ${client.token}`);
  if (body !== undefined) h.set("content-type", "application/json");
  return SELF.fetch(`${ORIGIN}${path}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    redirect: "manual",
  });
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Secure origins get the `__Secure-` prefixed name, plain-http localhost the bare one. */
export const SESSION_COOKIE = /^(__Secure-)?better-auth\.session_token=/;

export function sessionCookie(res: Response): string {
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => SESSION_COOKIE.test(c));
  if (!cookie) throw new Error(`No session cookie in response ${res.status}`);
  return cookie;
}

let people = 0;

/** A new account, signed in. */
export async function signUp(name = `Person ${++people}`) {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await call({}, "POST", "/api/auth/sign-up/email", { name, email, password: "a long enough password" });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const body = await json<{ user: { id: string } }>(res);
  return { cookie: sessionCookie(res), email, name, id: body.user.id };
}

/** A workspace owned by a new account. */
export async function ownerWithWorkspace(name = "Acme Motors") {
  const owner = await signUp("Owner");
  const res = await call(owner, "POST", "/api/workspaces", { name });
  if (res.status !== 201) throw new Error(`workspace creation failed: ${res.status} ${await res.text()}`);
  const ws = await json<{ id: string; slug: string }>(res);
  return { owner, ws, base: `/api/workspaces/${ws.slug}` };
}

/** A new account that joined `base`'s workspace with `role` through an invitation link. */
export async function memberWithRole(owner: Client, base: string, role: "editor" | "viewer") {
  const invite = await json<{ url: string }>(await call(owner, "POST", `${base}/invitations`, { role }));
  const member = await signUp(role === "editor" ? "Editor" : "Viewer");
  const token = invite.url.split("/invite/")[1]!;
  const res = await call(member, "POST", `/api/invitations/${token}/accept`);
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${await res.text()}`);
  return member;
}

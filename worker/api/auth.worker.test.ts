import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, json, nextAddress, SESSION_COOKIE, sessionCookie, signUp } from "../test/http";

afterEach(() => vi.restoreAllMocks());

describe("sign-up and sign-in", () => {
  it("signs up with a session cookie that is HttpOnly, SameSite=Lax and Secure off localhost", async () => {
    const email = `new.${crypto.randomUUID()}@example.com`;
    const res = await call({}, "POST", "/api/auth/sign-up/email", {
      name: "New",
      email,
      password: "a long enough password",
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => SESSION_COOKIE.test(c))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await json<{ user: { email: string } }>(await call({ cookie: sessionCookie(res) }, "GET", "/api/me"));
    expect(me.user.email).toBe(email);
  });

  it("refuses a short password", async () => {
    const res = await call({}, "POST", "/api/auth/sign-up/email", {
      name: "X",
      email: "x@example.com",
      password: "short",
    });
    expect(res.status).toBe(400);
  });

  it("signs in with the right password and refuses the wrong one", async () => {
    const person = await signUp();
    const ok = await call({}, "POST", "/api/auth/sign-in/email", {
      email: person.email,
      password: "a long enough password",
    });
    expect(ok.status).toBe(200);
    expect(sessionCookie(ok)).toBeTruthy();
    const wrong = await call({}, "POST", "/api/auth/sign-in/email", {
      email: person.email,
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
  });

  it("limits sign-in attempts from one address", async () => {
    const person = await signUp();
    const ip = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await call({ ip }, "POST", "/api/auth/sign-in/email", {
        email: person.email,
        password: "guess guess guess",
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const elsewhere = await call({}, "POST", "/api/auth/sign-in/email", {
      email: person.email,
      password: "a long enough password",
    });
    expect(elsewhere.status).toBe(200);
  });

  it("answers 401 to the API without a session or token", async () => {
    expect((await call({}, "GET", "/api/me")).status).toBe(401);
    expect((await call({ token: "rp_not-a-token" }, "GET", "/api/workspaces")).status).toBe(401);
  });
});

describe("one-time sign-in links", () => {
  async function requestLink(email: string): Promise<string> {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const res = await call({}, "POST", "/api/auth/sign-in/magic-link", {
      email,
      callbackURL: "/w/somewhere",
      errorCallbackURL: "/sign-in/link-error",
    });
    expect(res.status).toBe(200);
    const printed = log.mock.calls.map((args) => String(args[0])).join("\n");
    const url = /(http\S+magic-link\/verify\S+)/.exec(printed)?.[1];
    if (!url) throw new Error(`no link printed: ${printed}`);
    return url;
  }

  it("signs in once and then refuses the same link", async () => {
    const person = await signUp();
    const url = await requestLink(person.email);
    const first = await call({}, "GET", new URL(url).pathname + new URL(url).search);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toMatch(/\/w\/somewhere$/);
    const me = await json<{ user: { email: string } }>(await call({ cookie: sessionCookie(first) }, "GET", "/api/me"));
    expect(me.user.email).toBe(person.email);
    const again = await call({}, "GET", new URL(url).pathname + new URL(url).search);
    expect(again.headers.get("location")).toMatch(/\/sign-in\/link-error\?error=INVALID_TOKEN/);
  });

  it("refuses an expired link", async () => {
    const person = await signUp();
    const url = await requestLink(person.email);
    await env.DB.prepare("UPDATE verification SET expires_at = ?")
      .bind(Date.now() - 1000)
      .run();
    const res = await call({}, "GET", new URL(url).pathname + new URL(url).search);
    expect(res.headers.get("location")).toMatch(/\/sign-in\/link-error\?error=(INVALID|EXPIRED)_TOKEN/);
    expect(res.headers.getSetCookie().some((c) => SESSION_COOKIE.test(c) && !c.includes("Max-Age=0"))).toBe(false);
  });

  it("does not create accounts for unknown addresses", async () => {
    const email = `nobody.${crypto.randomUUID()}@example.com`;
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await call({}, "POST", "/api/auth/sign-in/magic-link", { email, errorCallbackURL: "/sign-in/link-error" });
    const url = /(http\S+magic-link\/verify\S+)/.exec(log.mock.calls.map((a) => String(a[0])).join("\n"))?.[1];
    if (url) {
      const res = await call({}, "GET", new URL(url).pathname + new URL(url).search);
      expect(res.headers.get("location")).toMatch(/link-error\?error=/);
    }
    const row = await env.DB.prepare("SELECT id FROM user WHERE email = ?").bind(email).first();
    expect(row).toBeNull();
  });
});

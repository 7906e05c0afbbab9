import { describe, expect, it } from "vitest";
import { fromBase64url, toBase64url } from "./base64url";
import { signToken, TrackingSecretError, trackingKey, verifyToken } from "./tokens";

const SECRET = "a-test-secret-that-is-long-enough-for-hmac";
const key = await trackingKey(SECRET);
const click = { purpose: "c", workspaceId: "ws1", messageId: "msg1", url: "https://example.com/a?b=1#c" } as const;

/** The token with one character of its payload or signature changed. */
function flip(token: string, index: number): string {
  const char = token[index] === "A" ? "B" : "A";
  return token.slice(0, index) + char + token.slice(index + 1);
}

describe("tracking tokens", () => {
  it("gives back exactly what was signed, for each purpose", async () => {
    expect(await verifyToken(key, await signToken(key, click), "c")).toEqual({ ok: true, payload: click });
    const open = { purpose: "o", workspaceId: "ws1", messageId: "msg1" } as const;
    expect(await verifyToken(key, await signToken(key, open), "o")).toEqual({ ok: true, payload: open });
  });

  it("is compact and URL-safe", async () => {
    const token = await signToken(key, { purpose: "o", workspaceId: "ws1", messageId: "msg1" });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(token.length).toBeLessThan(60);
  });

  it("never yields a URL from a tampered click token", async () => {
    const token = await signToken(key, click);
    for (const index of [0, 5, token.indexOf(".") - 1, token.indexOf(".") + 1, token.length - 1]) {
      const check = await verifyToken(key, flip(token, index), "c");
      expect(check.ok).toBe(false);
      expect(check).not.toHaveProperty("payload");
    }
  });

  it("refuses a payload swapped for another URL under the old signature", async () => {
    const [, sig] = (await signToken(key, click)).split(".");
    const forged = toBase64url(new TextEncoder().encode(JSON.stringify(["c", "ws1", "msg1", "https://evil.example/"])));
    expect(await verifyToken(key, `${forged}.${sig}`, "c")).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a token signed with another secret", async () => {
    const other = await trackingKey(`${SECRET}-rotated`);
    expect(await verifyToken(other, await signToken(key, click), "c")).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a token used for another purpose (an open token cannot unsubscribe)", async () => {
    const open = await signToken(key, { purpose: "o", workspaceId: "ws1", messageId: "msg1" });
    expect(await verifyToken(key, open, "u")).toEqual({ ok: false, reason: "wrong_purpose" });
    expect(await verifyToken(key, await signToken(key, click), "o")).toEqual({ ok: false, reason: "wrong_purpose" });
  });

  it("calls garbage malformed", async () => {
    for (const token of ["", ".", "abc", "a.b.c", "a$b.cc", "abc.AAAA", `.${"A".repeat(22)}`]) {
      expect(await verifyToken(key, token, "c")).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("calls a signed click token without an http(s) URL malformed", async () => {
    const token = await signToken(key, { ...click, url: "javascript:alert(1)" });
    expect(await verifyToken(key, token, "c")).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses a short secret with a message saying what to use", async () => {
    await expect(trackingKey("short")).rejects.toThrow(TrackingSecretError);
    await expect(trackingKey("short")).rejects.toThrow(/at least 32/);
  });
});

describe("base64url", () => {
  it("round-trips every byte value", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64url(toBase64url(bytes))).toEqual(bytes);
    expect(fromBase64url("a+b/")).toBeNull();
  });
});

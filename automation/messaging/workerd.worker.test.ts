/**
 * The messaging logic runs inside workerd as it does in Node: WebCrypto's HKDF and HMAC, `Intl`
 * time zones (DST included) and htmlparser2.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_PACE, nextInWindow } from "./pace";
import { trackEmail, trackingKey, verifyToken } from "./tracking";

describe("messaging logic in workerd", () => {
  it("signs, tracks and verifies a link", async () => {
    const key = await trackingKey("a-test-secret-that-is-long-enough-for-hmac");
    const links = { origin: "https://app.rowpilot.test", key, workspaceId: "ws1", messageId: "m1" };
    const { html } = await trackEmail({ text: "See https://例え.jp/パス?q=1#x", html: null }, links);
    const token = /\/t\/c\/([\w-]+\.[\w-]+)"/.exec(html)?.[1] ?? "";
    expect(await verifyToken(key, token, "c")).toMatchObject({
      ok: true,
      payload: { url: "https://例え.jp/パス?q=1#x" },
    });
  });

  it("opens a window at 09:00 New York time after the clocks change", () => {
    const monday = nextInWindow(new Date("2026-03-06T23:00:00Z"), "America/New_York", DEFAULT_PACE.window);
    expect(monday).toEqual(new Date("2026-03-09T13:00:00Z"));
  });
});

import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { verifyRecurrenteWebhook } from "./verify";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const OTHER = "whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldCBrZXk=";
const BODY = JSON.stringify({ id: "pa_1", event_type: "payment_intent.succeeded", amount_in_cents: 12800 });

function signed(options: { secret?: string; id?: string; at?: Date; body?: string } = {}) {
  const at = options.at ?? new Date();
  const id = options.id ?? "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  const signature = new Webhook(options.secret ?? SECRET).sign(id, at, options.body ?? BODY);
  return { "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature };
}

describe("verifyRecurrenteWebhook", () => {
  it("accepts a delivery signed with the workspace's secret, naming its id and time", () => {
    const headers = signed();
    const verdict = verifyRecurrenteWebhook(SECRET, new Headers(headers), BODY, new Date());
    expect(verdict).toMatchObject({ ok: true, id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W" });
    expect(verdict.ok && verdict.timestamp.getTime()).toBe(Number(headers["svix-timestamp"]) * 1000);
  });

  it("refuses a delivery signed with another secret", () => {
    const verdict = verifyRecurrenteWebhook(SECRET, signed({ secret: OTHER }), BODY, new Date());
    expect(verdict).toEqual({ ok: false, reason: "signature refused: no matching signature found" });
  });

  it("refuses a body changed after signing", () => {
    const altered = BODY.replace("12800", "1");
    expect(verifyRecurrenteWebhook(SECRET, signed(), altered, new Date()).ok).toBe(false);
  });

  it("refuses a delivery older than five minutes, and one dated more than five minutes ahead", () => {
    const now = new Date();
    const old = signed({ at: new Date(now.getTime() - 6 * 60_000) });
    const future = signed({ at: new Date(now.getTime() + 6 * 60_000) });
    expect(verifyRecurrenteWebhook(SECRET, old, BODY, now)).toEqual({
      ok: false,
      reason: "the delivery is older than 5 minutes",
    });
    expect(verifyRecurrenteWebhook(SECRET, future, BODY, now)).toEqual({
      ok: false,
      reason: "the delivery is dated more than 5 minutes ahead",
    });
  });

  it("accepts a delivery four minutes old", () => {
    const now = new Date();
    const headers = signed({ at: new Date(now.getTime() - 4 * 60_000) });
    expect(verifyRecurrenteWebhook(SECRET, headers, BODY, now).ok).toBe(true);
  });

  it("accepts several signatures when only the second matches (a secret being rotated)", () => {
    const good = signed();
    const stale = signed({ secret: OTHER })["svix-signature"];
    const headers = { ...good, "svix-signature": `${stale} ${good["svix-signature"]}` };
    expect(verifyRecurrenteWebhook(SECRET, headers, BODY, new Date()).ok).toBe(true);
  });

  it("refuses an unsigned delivery", () => {
    const { "svix-signature": _, ...unsigned } = signed();
    expect(verifyRecurrenteWebhook(SECRET, unsigned, BODY, new Date())).toEqual({
      ok: false,
      reason: "missing svix-id, svix-timestamp or svix-signature header",
    });
  });

  it("refuses to check with a secret that is not whsec_ and base64", () => {
    const verdict = verifyRecurrenteWebhook(SECRET.slice("whsec_".length), signed(), BODY, new Date());
    expect(verdict).toEqual({
      ok: false,
      reason: "the webhook secret is not a Svix signing secret (whsec_ followed by base64)",
    });
  });
});

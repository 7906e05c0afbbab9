import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { NormalizedEvent } from "../../../schema/messaging-events";
import { events, verify } from "./resend";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const OTHER_SECRET = "whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldCBrZXk=";
const NOW = new Date("2026-12-06T12:00:00Z");

/** Signed by Svix's own library, exactly as Resend's endpoint signs. */
function signed(body: string, at = NOW, secret = SECRET, id = "msg_2LmW1a") {
  const signature = new Webhook(secret).sign(id, at, body);
  const headers = new Headers({
    "svix-id": id,
    "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
    "svix-signature": signature,
  });
  return { url: "https://app.example/hooks/email/resend/acme", headers, body };
}

/** Resend's documented email.bounced sample (trimmed), with our tag added. */
const BOUNCED = JSON.stringify({
  type: "email.bounced",
  created_at: "2024-11-22T23:41:12.126Z",
  data: {
    created_at: "2024-11-22T23:41:11.894719+00:00",
    email_id: "56761188-7520-42d8-8898-ff6fc54ce618",
    from: "Acme <onboarding@resend.dev>",
    to: ["delivered@resend.dev"],
    subject: "Sending this example",
    bounce: {
      message:
        "The recipient's email address is on the suppression list because it has a recent history of producing hard bounces.",
      subType: "Suppressed",
      type: "Permanent",
    },
    tags: { message_id: "msg_row_1" },
  },
});

describe("Resend webhooks — signature", () => {
  it("accepts a body signed with the endpoint's secret", async () => {
    expect(await verify(signed(BOUNCED), SECRET, NOW)).toEqual({ ok: true });
  });

  it("accepts when one of several signatures matches (secret rotation)", async () => {
    const request = signed(BOUNCED);
    const old = new Webhook(OTHER_SECRET).sign("msg_2LmW1a", NOW, BOUNCED);
    request.headers.set("svix-signature", `${old} ${request.headers.get("svix-signature")}`);
    expect(await verify(request, SECRET, NOW)).toEqual({ ok: true });
  });

  it("refuses a body signed with another secret", async () => {
    const verdict = await verify(signed(BOUNCED, NOW, OTHER_SECRET), SECRET, NOW);
    expect(verdict).toEqual({ ok: false, reason: "no svix-signature matches the body and secret" });
  });

  it("refuses a changed body", async () => {
    const request = { ...signed(BOUNCED), body: BOUNCED.replace("Permanent", "Transient") };
    expect((await verify(request, SECRET, NOW)).ok).toBe(false);
  });

  it("refuses a timestamp older than five minutes, even correctly signed", async () => {
    const sixMinutesAgo = new Date(NOW.getTime() - 6 * 60 * 1000);
    const verdict = await verify(signed(BOUNCED, sixMinutesAgo), SECRET, NOW);
    expect(verdict).toEqual({ ok: false, reason: "timestamp is 360 s from now, more than 300 s" });
  });

  it("refuses a request without the svix headers", async () => {
    const verdict = await verify({ url: "https://x", headers: new Headers(), body: BOUNCED }, SECRET, NOW);
    expect(verdict).toEqual({ ok: false, reason: "missing svix-id, svix-timestamp or svix-signature header" });
  });
});

describe("Resend webhooks — events", () => {
  it("turns the documented bounce sample into a hard bounce for our message", () => {
    const [event] = events(BOUNCED);
    expect(NormalizedEvent.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      provider: "resend",
      providerMessageId: "56761188-7520-42d8-8898-ff6fc54ce618",
      messageId: "msg_row_1",
      type: "bounced",
      bounce: "hard",
      at: "2024-11-22T23:41:12.126Z",
      recipient: "delivered@resend.dev",
    });
  });

  it("calls a transient bounce soft", () => {
    expect(events(BOUNCED.replace("Permanent", "Transient"))[0]?.bounce).toBe("soft");
  });

  it("reads a click's link, user agent and IP, and maps the other kinds", () => {
    const click = {
      type: "email.clicked",
      created_at: "2024-11-22T23:41:12.126Z",
      data: {
        email_id: "e1",
        to: ["a@b.test"],
        click: {
          ipAddress: "122.115.53.11",
          link: "https://resend.com",
          timestamp: "2024-11-24T05:00:57.163Z",
          userAgent: "Mozilla/5.0",
        },
      },
    };
    expect(events(JSON.stringify(click))[0]).toMatchObject({
      type: "clicked",
      url: "https://resend.com",
      ip: "122.115.53.11",
      userAgent: "Mozilla/5.0",
      at: "2024-11-24T05:00:57.163Z",
      messageId: null,
    });
    const kinds = ["email.delivered", "email.complained", "email.opened", "email.delivery_delayed", "email.sent"].map(
      (type) => events(JSON.stringify({ ...click, type, data: { email_id: "e1", to: ["a@b.test"] } }))[0]?.type,
    );
    expect(kinds).toEqual(["delivered", "complained", "opened", "delayed", undefined]);
  });

  it("names the provider when a signed body is not JSON", () => {
    expect(() => events("not json")).toThrow("Resend webhook body is not JSON");
  });
});

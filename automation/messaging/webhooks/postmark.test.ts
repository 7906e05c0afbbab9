import { describe, expect, it } from "vitest";
import { NormalizedEvent } from "../../../schema/messaging-events";
import { events, verify } from "./postmark";

const SECRET = "rowpilot:s3cret-hook-pass";
const NOW = new Date("2026-12-06T12:00:00Z");

/** What Postmark sends when the webhook URL is https://rowpilot:s3cret-hook-pass@app.example/… */
function request(credentials: string | null, body = "{}") {
  const headers = new Headers(credentials === null ? {} : { authorization: `Basic ${btoa(credentials)}` });
  return { url: "https://app.example/hooks/email/postmark/acme", headers, body };
}

/** Postmark's documented Bounce webhook sample (trimmed), with our message id in Metadata. */
const BOUNCE = {
  RecordType: "Bounce",
  ID: 42,
  Type: "HardBounce",
  TypeCode: 1,
  Name: "Hard bounce",
  Tag: "Test",
  MessageID: "883953f4-6105-42a2-a16a-77a8eac79483",
  Description: "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
  Details: "Test bounce details",
  Email: "john@example.com",
  BouncedAt: "2014-08-01T13:28:10.2735393-04:00",
  Inactive: true,
  Subject: "Test subject",
  Metadata: { message_id: "msg_row_1" },
};

/** Postmark's documented Delivery webhook sample. */
const DELIVERY = {
  RecordType: "Delivery",
  ServerID: 23,
  MessageStream: "outbound",
  MessageID: "883953f4-6105-42a2-a16a-77a8eac79483",
  Recipient: "john@example.com",
  Tag: "welcome-email",
  DeliveredAt: "2019-11-05T16:33:54.9070259Z",
  Details: "Test delivery webhook details",
  Metadata: { a_key: "a_value", b_key: "b_value" },
};

/** Postmark's documented inbound webhook sample (trimmed). */
const INBOUND = {
  FromName: "Postmarkapp Support",
  MessageStream: "inbound",
  From: "support@postmarkapp.com",
  FromFull: { Email: "support@postmarkapp.com", Name: "Postmarkapp Support", MailboxHash: "" },
  To: '"Firstname Lastname" <yourhash+SampleHash@inbound.postmarkapp.com>',
  Subject: "Test subject",
  MessageID: "73e6d360-66eb-11e1-8e72-a8904824019b",
  Date: "Fri, 1 Aug 2014 16:45:32 -04:00",
  TextBody: "This is a test text body.",
  HtmlBody: "<html><body><p>This is a test html body.</p></body></html>",
  StrippedTextReply: "This is the reply text",
  Headers: [
    { Name: "X-Spam-Status", Value: "No" },
    { Name: "In-Reply-To", Value: "<msg_row_1@mail.rowpilot.test>" },
    { Name: "References", Value: "<first@mail.rowpilot.test> <msg_row_1@mail.rowpilot.test>" },
  ],
  Attachments: [],
};

describe("Postmark webhooks — Basic auth", () => {
  it("accepts the credentials written into the webhook URL", async () => {
    expect(await verify(request(SECRET), SECRET, NOW)).toEqual({ ok: true });
  });

  it("refuses other credentials", async () => {
    expect(await verify(request("rowpilot:guess"), SECRET, NOW)).toEqual({
      ok: false,
      reason: "Basic credentials do not match the webhook secret",
    });
  });

  it("refuses a request with no credentials", async () => {
    expect((await verify(request(null), SECRET, NOW)).ok).toBe(false);
  });
});

describe("Postmark webhooks — events", () => {
  it("turns the documented bounce into a hard bounce for our message", () => {
    const [event] = events(JSON.stringify(BOUNCE));
    expect(NormalizedEvent.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      provider: "postmark",
      eventId: "postmark:bounce:42",
      providerMessageId: "883953f4-6105-42a2-a16a-77a8eac79483",
      messageId: "msg_row_1",
      type: "bounced",
      bounce: "hard",
      at: "2014-08-01T17:28:10.273Z",
      recipient: "john@example.com",
    });
  });

  it("calls a transient or soft bounce soft", () => {
    for (const Type of ["Transient", "SoftBounce", "DnsError"])
      expect(events(JSON.stringify({ ...BOUNCE, Type }))[0]?.bounce).toBe("soft");
  });

  it("reads deliveries, complaints, opens and clicks", () => {
    expect(events(JSON.stringify(DELIVERY))[0]).toMatchObject({
      type: "delivered",
      recipient: "john@example.com",
      messageId: null,
      at: "2019-11-05T16:33:54.907Z",
    });
    expect(events(JSON.stringify({ ...BOUNCE, RecordType: "SpamComplaint" }))[0]).toMatchObject({
      type: "complained",
      recipient: "john@example.com",
    });
    const open = {
      RecordType: "Open",
      MessageID: "m1",
      Recipient: "john@example.com",
      ReceivedAt: "2019-11-05T16:33:54Z",
      UserAgent: "Mozilla/5.0",
      Geo: { IP: "188.2.95.4" },
    };
    expect(events(JSON.stringify(open))[0]).toMatchObject({
      type: "opened",
      userAgent: "Mozilla/5.0",
      ip: "188.2.95.4",
    });
    const click = { ...open, RecordType: "Click", OriginalLink: "https://example.com" };
    expect(events(JSON.stringify(click))[0]).toMatchObject({ type: "clicked", url: "https://example.com" });
  });

  it("turns an inbound email into a reply naming the message it answers", () => {
    const [event] = events(JSON.stringify(INBOUND));
    expect(NormalizedEvent.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      type: "inbound",
      recipient: "support@postmarkapp.com",
      at: "2014-08-01T20:45:32.000Z",
      inbound: {
        from: "support@postmarkapp.com",
        subject: "Test subject",
        text: "This is a test text body.",
        html: "<html><body><p>This is a test html body.</p></body></html>",
        inReplyTo: "<msg_row_1@mail.rowpilot.test>",
      },
    });
  });

  it("falls back to the last References entry when In-Reply-To is absent", () => {
    const headers = INBOUND.Headers.filter((h) => h.Name !== "In-Reply-To");
    expect(events(JSON.stringify({ ...INBOUND, Headers: headers }))[0]?.inbound?.inReplyTo).toBe(
      "<msg_row_1@mail.rowpilot.test>",
    );
  });

  it("gives no event for record types we do not track, and an error for a broken bounce", () => {
    expect(events(JSON.stringify({ RecordType: "SubscriptionChange", MessageID: "m1" }))).toEqual([]);
    expect(() => events(JSON.stringify({ ...BOUNCE, Email: undefined }))).toThrow(
      /Postmark webhook body is not the documented shape/,
    );
  });
});

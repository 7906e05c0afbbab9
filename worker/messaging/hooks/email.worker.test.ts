import { afterEach, describe, expect, it, vi } from "vitest";
import { SNS_TEST_CERTIFICATE } from "../../../automation/messaging/webhooks/test-data";
import {
  POSTMARK_SECRET,
  postHook,
  postmarkSigned,
  RESEND_SECRET,
  resendSigned,
  SNS_CERT_URL,
  SNS_TOPIC,
  sendgridKeys,
  snsSigned,
} from "./test/signed";
import { hookWorkspace } from "./test/workspace";

const ROSE = "rose@bakery.example";
const now = () => new Date().toISOString();

/** SNS's certificate host and subscription host, answered locally; every other URL fails the test. */
function fakeSns() {
  const confirmed: string[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === SNS_CERT_URL) return new Response(SNS_TEST_CERTIFICATE);
    if (url.startsWith("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription")) {
      confirmed.push(url);
      return new Response("<ConfirmSubscriptionResponse/>");
    }
    throw new Error(`unexpected fetch of ${url}`);
  });
  return { spy, confirmed };
}

afterEach(() => vi.restoreAllMocks());

describe("email webhooks — Resend", { timeout: 30_000 }, () => {
  it("marks the message delivered once, however often the same event is delivered", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: RESEND_SECRET });
    const id = await t.sent("email", "Resend", "re-1");
    const path = `/hooks/email/resend/${t.ws.slug}`;
    const event = {
      type: "email.delivered",
      created_at: now(),
      data: { email_id: "re-1", to: [ROSE], tags: { message_id: id } },
    };
    const signed = await resendSigned(event, "msg_delivered_1");
    const first = await postHook(path, signed);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ received: 1, applied: 1, replayed: 0 });
    expect((await t.read(id)).status).toBe("delivered");
    const again = await postHook(path, signed);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ received: 1, applied: 0, replayed: 1 });
    expect(await t.eventsOf(id)).toEqual([{ type: "delivered", source: "resend", machine: false }]);
  });

  it("suppresses the address on a permanent bounce, found by Resend's id when our tag is missing", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: RESEND_SECRET });
    const id = await t.sent("email", "Resend", "re-2");
    const event = {
      type: "email.bounced",
      created_at: now(),
      data: { email_id: "re-2", to: [ROSE], bounce: { type: "Permanent" } },
    };
    const res = await postHook(`/hooks/email/resend/${t.ws.slug}`, await resendSigned(event));
    expect(res.status).toBe(200);
    expect(await t.read(id)).toMatchObject({ status: "bounced", error: "Hard bounce reported by resend" });
    expect(await t.suppressions()).toEqual([[ROSE, "hard bounce"]]);
  });

  it("refuses a wrong signature with 401 and changes nothing", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: RESEND_SECRET });
    const id = await t.sent("email", "Resend", "re-3");
    const signed = await resendSigned({
      type: "email.complained",
      created_at: now(),
      data: { email_id: "re-3", to: [ROSE], tags: { message_id: id } },
    });
    const forged = { ...signed, body: signed.body.replace("email.complained", "email.delivered") };
    const res = await postHook(`/hooks/email/resend/${t.ws.slug}`, forged);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("no svix-signature matches");
    expect((await t.read(id)).status).toBe("sent");
    expect(await t.eventsOf(id)).toEqual([]);
  });
});

describe("email webhooks — Postmark", { timeout: 30_000 }, () => {
  it("suppresses on a hard bounce and keeps a soft one from suppressing", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: POSTMARK_SECRET });
    const id = await t.sent("email", "Postmark", "pm-1");
    const path = `/hooks/email/postmark/${t.ws.slug}`;
    const bounce = (ID: number, Type: string) =>
      postmarkSigned({
        RecordType: "Bounce",
        ID,
        Type,
        MessageID: "pm-1",
        Email: ROSE,
        BouncedAt: now(),
        Metadata: { message_id: id },
      });
    expect((await postHook(path, bounce(41, "SoftBounce"))).status).toBe(200);
    expect(await t.suppressions()).toEqual([]);
    expect((await postHook(path, bounce(42, "HardBounce"))).status).toBe(200);
    expect((await t.read(id)).status).toBe("bounced");
    expect(await t.suppressions()).toEqual([[ROSE, "hard bounce"]]);
  });

  it("counts a person's open from Postmark's tracking and logs Apple's proxy fetch without counting it", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: POSTMARK_SECRET });
    const id = await t.sent("email", "Postmark", "pm-open");
    const open = (UserAgent: string, ReceivedAt: string) =>
      postmarkSigned({
        RecordType: "Open",
        MessageID: "pm-open",
        Recipient: ROSE,
        ReceivedAt,
        UserAgent,
        Metadata: { message_id: id },
      });
    const path = `/hooks/email/postmark/${t.ws.slug}`;
    expect((await postHook(path, open("Mozilla/5.0", "2026-12-06T12:00:00Z"))).status).toBe(200);
    const desktop =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    expect((await postHook(path, open(desktop, "2026-12-06T12:05:00Z"))).status).toBe(200);
    expect(await t.read(id)).toMatchObject({ status: "opened", opens: 1 });
    expect((await t.eventsOf(id)).map((e) => e.machine)).toEqual([true, false]);
  });

  it("refuses wrong Basic credentials with 401 and changes nothing", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: POSTMARK_SECRET });
    const id = await t.sent("email", "Postmark", "pm-2");
    const signed = postmarkSigned(
      { RecordType: "Delivery", MessageID: "pm-2", Recipient: ROSE, DeliveredAt: now(), Metadata: { message_id: id } },
      "hooks:guessed",
    );
    const res = await postHook(`/hooks/email/postmark/${t.ws.slug}`, signed);
    expect(res.status).toBe(401);
    expect((await t.read(id)).status).toBe("sent");
  });

  it("keeps an inbound reply as an inbound row in the original's thread and marks the original replied", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: POSTMARK_SECRET });
    const id = await t.sent("email", "Postmark", "pm-3");
    const reply = {
      From: ROSE,
      FromFull: { Email: ROSE, Name: "Rose", MailboxHash: "" },
      To: "replies@rowpilot.example",
      Subject: "Re: A website for Rose's Bakery",
      TextBody: "Yes please, call me tomorrow.",
      HtmlBody: "",
      Date: now(),
      MessageID: "pm-inbound-1",
      // Postmark's own Message-ID for the message it sent us: <its MessageID@mtasv.net>.
      Headers: [{ Name: "In-Reply-To", Value: "<pm-3@mtasv.net>" }],
    };
    const res = await postHook(`/hooks/email/postmark/${t.ws.slug}`, postmarkSigned(reply));
    expect(res.status).toBe(200);
    expect(await t.inbound()).toEqual([
      expect.objectContaining({
        channel: "email",
        from: ROSE,
        subject: "Re: A website for Rose's Bakery",
        body: "Yes please, call me tomorrow.",
        status: "delivered",
        threadId: id,
        recipientRowId: t.rose,
      }),
    ]);
    expect((await t.read(id)).status).toBe("replied");
  });

  it("finds the original of a reply without In-Reply-To by the newest message sent to its sender", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: POSTMARK_SECRET });
    const older = await t.sent("email", "Postmark", "pm-4");
    const newer = await t.sent("email", "Postmark", "pm-5");
    const reply = {
      From: "Rose <Rose@Bakery.example>",
      FromFull: { Email: ROSE, Name: "Rose", MailboxHash: "" },
      To: "replies@rowpilot.example",
      Subject: "Re: hello",
      TextBody: "Interested.",
      Date: now(),
      MessageID: "pm-inbound-2",
    };
    expect((await postHook(`/hooks/email/postmark/${t.ws.slug}`, postmarkSigned(reply))).status).toBe(200);
    expect((await t.read(newer)).status).toBe("replied");
    expect((await t.read(older)).status).toBe("sent");
    expect((await t.inbound())[0]).toMatchObject({ from: ROSE, threadId: newer });
  });
});

describe("email webhooks — SendGrid", { timeout: 30_000 }, () => {
  it("suppresses on a spam report, once for a batch delivered twice", async () => {
    const keys = await sendgridKeys();
    const t = await hookWorkspace({ emailWebhookSecret: keys.publicKey });
    const id = await t.sent("email", "SendGrid", "sg-1");
    const timestamp = Math.floor(Date.now() / 1000);
    const batch = [
      {
        email: ROSE,
        timestamp,
        event: "delivered",
        sg_event_id: "sg-e-1",
        sg_message_id: "sg-1.filter0001",
        message_id: id,
      },
      {
        email: ROSE,
        timestamp,
        event: "spamreport",
        sg_event_id: "sg-e-2",
        sg_message_id: "sg-1.filter0001",
        message_id: id,
      },
    ];
    const path = `/hooks/email/sendgrid/${t.ws.slug}`;
    const first = await postHook(path, await keys.sign(batch));
    expect(await first.json()).toMatchObject({ received: 2, applied: 2, replayed: 0 });
    const again = await postHook(path, await keys.sign(batch));
    expect(await again.json()).toMatchObject({ received: 2, applied: 0, replayed: 2 });
    expect((await t.read(id)).status).toBe("complained");
    expect(await t.suppressions()).toEqual([[ROSE, "complaint"]]);
    expect((await t.eventsOf(id)).map((e) => e.type)).toEqual(["delivered", "complained"]);
  });

  it("refuses a signature made with another key with 401 and changes nothing", async () => {
    const keys = await sendgridKeys();
    const other = await sendgridKeys();
    const t = await hookWorkspace({ emailWebhookSecret: keys.publicKey });
    const id = await t.sent("email", "SendGrid", "sg-2");
    const batch = [{ email: ROSE, timestamp: 1, event: "spamreport", sg_event_id: "sg-e-3", message_id: id }];
    const res = await postHook(`/hooks/email/sendgrid/${t.ws.slug}`, await other.sign(batch));
    expect(res.status).toBe(401);
    expect(await t.suppressions()).toEqual([]);
    expect((await t.read(id)).status).toBe("sent");
  });
});

describe("email webhooks — Amazon SES through SNS", { timeout: 30_000 }, () => {
  const delivery = (id: string) => ({
    eventType: "Delivery",
    mail: { messageId: "ses-1", timestamp: now(), destination: [ROSE], tags: { message_id: [id] } },
    delivery: { recipients: [ROSE], timestamp: now() },
  });

  it("marks the message delivered once for an SNS notification delivered twice", async () => {
    const sns = fakeSns();
    const t = await hookWorkspace({ emailWebhookSecret: SNS_TOPIC });
    const id = await t.sent("email", "Amazon SES", "ses-1");
    const signed = await snsSigned("Notification", delivery(id));
    const path = `/hooks/email/ses/${t.ws.slug}`;
    expect((await postHook(path, signed)).status).toBe(200);
    expect((await postHook(path, signed)).status).toBe(200);
    expect((await t.read(id)).status).toBe("delivered");
    expect(await t.eventsOf(id)).toEqual([{ type: "delivered", source: "ses", machine: false }]);
    expect(sns.spy).toHaveBeenCalled();
  });

  it("refuses a notification whose message was changed after signing", async () => {
    fakeSns();
    const t = await hookWorkspace({ emailWebhookSecret: SNS_TOPIC });
    const id = await t.sent("email", "Amazon SES", "ses-1");
    const signed = await snsSigned("Notification", delivery(id));
    const forged = { ...signed, body: signed.body.replace("Delivery", "Complaint") };
    const res = await postHook(`/hooks/email/ses/${t.ws.slug}`, forged);
    expect(res.status).toBe(401);
    expect((await t.read(id)).status).toBe("sent");
  });

  it("confirms a signed subscription by fetching its SubscribeURL on SNS's host", async () => {
    const sns = fakeSns();
    const t = await hookWorkspace({ emailWebhookSecret: SNS_TOPIC });
    const subscribe = `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${SNS_TOPIC}&Token=tok-1`;
    const signed = await snsSigned("SubscriptionConfirmation", "You have chosen to subscribe…", {
      SubscribeURL: subscribe,
      Token: "tok-1",
    });
    const res = await postHook(`/hooks/email/ses/${t.ws.slug}`, signed);
    expect(res.status).toBe(200);
    expect(sns.confirmed).toEqual([subscribe]);
  });
});

describe("email webhooks — what is refused or ignored", { timeout: 30_000 }, () => {
  it("answers 404 for an unknown workspace or provider, and 401 when no secret is set", async () => {
    const t = await hookWorkspace({});
    const signed = await resendSigned({
      type: "email.delivered",
      created_at: now(),
      data: { email_id: "x", to: [ROSE] },
    });
    expect((await postHook("/hooks/email/resend/no-such-workspace", signed)).status).toBe(404);
    expect((await postHook(`/hooks/email/mailchimp/${t.ws.slug}`, signed)).status).toBe(404);
    const res = await postHook(`/hooks/email/resend/${t.ws.slug}`, signed);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("no webhook secret is set for this workspace");
  });

  it("acknowledges an event for a message it does not know, and stores nothing", async () => {
    const t = await hookWorkspace({ emailWebhookSecret: RESEND_SECRET });
    const id = await t.sent("email", "Resend", "re-known");
    const event = {
      type: "email.bounced",
      created_at: now(),
      data: { email_id: "re-elsewhere", to: ["x@y.example"], bounce: { type: "Permanent" } },
    };
    const res = await postHook(`/hooks/email/resend/${t.ws.slug}`, await resendSigned(event));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 1, applied: 0, unknownMessages: 1 });
    expect(await t.suppressions()).toEqual([]);
    expect(await t.eventsOf(id)).toEqual([]);
  });
});

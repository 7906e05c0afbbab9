import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { NormalizedEvent } from "../../../schema/messaging-events";
import { events, subscribeUrl, verify } from "./ses";
import { fetchSigningCertificate, type SnsEnvelope } from "./sns";
import { SNS_TEST_CERTIFICATE, SNS_TEST_PRIVATE_KEY } from "./test-data";

const TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-events";
const CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem";
const NOW = new Date("2026-12-06T12:00:00Z");

/** SES's documented Bounce event record (trimmed), published through a configuration set with our tag. */
const BOUNCE = {
  eventType: "Bounce",
  bounce: {
    bounceType: "Permanent",
    bounceSubType: "General",
    bouncedRecipients: [
      {
        emailAddress: "recipient@example.com",
        action: "failed",
        status: "5.1.1",
        diagnosticCode: "smtp; 550 5.1.1 user unknown",
      },
    ],
    timestamp: "2017-08-05T00:41:02.669Z",
    feedbackId: "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000",
    reportingMTA: "dsn; mta.example.com",
  },
  mail: {
    timestamp: "2017-08-05T00:40:02.012Z",
    source: "Sender Name <sender@example.com>",
    sendingAccountId: "123456789012",
    messageId: "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
    destination: ["recipient@example.com"],
    tags: { "ses:configuration-set": ["ConfigSet"], message_id: ["msg_row_1"] },
  },
};

/** AWS's steps, written out separately from the code under test: each field as "Name\nvalue\n", in this order, Subject only when present. */
function documentedStringToSign(m: SnsEnvelope): string {
  const line = (name: string, value: string | undefined) => (value === undefined ? "" : `${name}\n${value}\n`);
  if (m.Type === "Notification")
    return (
      line("Message", m.Message) +
      line("MessageId", m.MessageId) +
      line("Subject", m.Subject) +
      line("Timestamp", m.Timestamp) +
      line("TopicArn", m.TopicArn) +
      line("Type", m.Type)
    );
  return (
    line("Message", m.Message) +
    line("MessageId", m.MessageId) +
    line("SubscribeURL", m.SubscribeURL) +
    line("Timestamp", m.Timestamp) +
    line("Token", m.Token) +
    line("TopicArn", m.TopicArn) +
    line("Type", m.Type)
  );
}

/** An SNS envelope signed as SNS documents: RSA over the `Key\nValue\n` string, SHA1 (v1) or SHA256 (v2). */
function envelope(
  fields: Partial<SnsEnvelope> = {},
  { key = SNS_TEST_PRIVATE_KEY as string | import("node:crypto").KeyObject } = {},
): SnsEnvelope {
  const unsigned: SnsEnvelope = {
    Type: "Notification",
    MessageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    TopicArn: TOPIC,
    Subject: "Amazon SES Email Event Notification",
    Message: JSON.stringify(BOUNCE),
    Timestamp: "2026-12-06T11:59:30.000Z",
    SignatureVersion: "2",
    Signature: "",
    SigningCertURL: CERT_URL,
    ...fields,
  };
  const hash = unsigned.SignatureVersion === "1" ? "sha1" : "sha256";
  return { ...unsigned, Signature: sign(hash, Buffer.from(documentedStringToSign(unsigned)), key).toString("base64") };
}

const request = (body: SnsEnvelope | string) => ({
  url: "https://app.example/hooks/email/ses/acme",
  headers: new Headers({ "x-amz-sns-message-type": "Notification" }),
  body: typeof body === "string" ? body : JSON.stringify(body),
});

/** SNS's certificate endpoint, faked: only CERT_URL answers. */
const snsFetch = vi.fn(async (url: string | URL | Request) =>
  String(url) === CERT_URL ? new Response(SNS_TEST_CERTIFICATE) : new Response("", { status: 404 }),
);
const certificate = (url: string) => fetchSigningCertificate(url, snsFetch as typeof fetch);

describe("Amazon SES via SNS — signature", () => {
  it("accepts SignatureVersion 2 (SHA256withRSA) and 1 (SHA1withRSA) messages signed by SNS's certificate", async () => {
    expect(await verify(request(envelope()), TOPIC, NOW, certificate)).toEqual({ ok: true });
    expect(await verify(request(envelope({ SignatureVersion: "1" })), TOPIC, NOW, certificate)).toEqual({ ok: true });
  });

  it("accepts a signed message without a Subject (the field is then left out of the string to sign)", async () => {
    expect(await verify(request(envelope({ Subject: undefined })), TOPIC, NOW, certificate)).toEqual({ ok: true });
  });

  it("refuses a message signed by another key", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const verdict = await verify(request(envelope({}, { key: privateKey })), TOPIC, NOW, certificate);
    expect(verdict).toEqual({ ok: false, reason: "SignatureVersion 2 signature does not match the message" });
  });

  it("refuses a changed message", async () => {
    const forged = { ...envelope(), Message: JSON.stringify({ ...BOUNCE, eventType: "Delivery" }) };
    expect((await verify(request(forged), TOPIC, NOW, certificate)).ok).toBe(false);
  });

  it("refuses a message older than SNS's retry window", async () => {
    const verdict = await verify(request(envelope({ Timestamp: "2026-12-06T10:00:00.000Z" })), TOPIC, NOW, certificate);
    expect(verdict).toEqual({
      ok: false,
      reason: "Timestamp 2026-12-06T10:00:00.000Z is outside SNS's 3900 s retry window",
    });
  });

  it("refuses another topic's message", async () => {
    const verdict = await verify(
      request(envelope({ TopicArn: "arn:aws:sns:us-east-1:999999999999:other" })),
      TOPIC,
      NOW,
      certificate,
    );
    expect(verdict.ok).toBe(false);
  });

  it("never fetches a certificate from a host that is not SNS", async () => {
    snsFetch.mockClear();
    for (const url of [
      "https://sns.us-east-1.amazonaws.com.evil.test/cert.pem",
      "https://evil.test/SimpleNotificationService.pem",
      "http://sns.us-east-1.amazonaws.com/SimpleNotificationService.pem",
      "https://sns.us-east-1.amazonaws.com@evil.test/cert.pem",
      "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
      "https://sns.us-east-1.amazonaws.com/not-a-cert.txt",
    ]) {
      await expect(fetchSigningCertificate(url, snsFetch as typeof fetch)).rejects.toThrow(
        "is not an https://sns.<region>.amazonaws.com/….pem URL",
      );
      const verdict = await verify(request(envelope({ SigningCertURL: url })), TOPIC, NOW, certificate);
      expect(verdict.ok).toBe(false);
    }
    expect(snsFetch).not.toHaveBeenCalled();
  });

  it("refuses when SNS's certificate cannot be fetched", async () => {
    const failing = (url: string) =>
      fetchSigningCertificate(url, (async () => new Response("", { status: 503 })) as typeof fetch);
    expect(await verify(request(envelope()), TOPIC, NOW, failing)).toEqual({
      ok: false,
      reason: `the SNS signing certificate ${CERT_URL} answered 503`,
    });
  });
});

describe("Amazon SES via SNS — subscription confirmation", () => {
  const confirmation = (url: string) =>
    envelope({
      Type: "SubscriptionConfirmation",
      Subject: undefined,
      Message: "You have chosen to subscribe…",
      SubscribeURL: url,
      Token: "2336412f37fb687f5d51e6e2425f004a",
    });
  const confirmUrl = `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336412f37fb687f5d51e6e2425f004a`;

  it("verifies a signed confirmation and gives the SubscribeURL to visit", async () => {
    const body = JSON.stringify(confirmation(confirmUrl));
    expect(await verify(request(body), TOPIC, NOW, certificate)).toEqual({ ok: true });
    expect(subscribeUrl(body)).toBe(confirmUrl);
    expect(events(body)).toEqual([]);
  });

  it("refuses a SubscribeURL on another host", () => {
    expect(() => subscribeUrl(JSON.stringify(confirmation("https://evil.test/?Action=ConfirmSubscription")))).toThrow(
      /is not an https:\/\/sns/,
    );
  });

  it("gives no URL for a notification", () => {
    expect(subscribeUrl(JSON.stringify(envelope()))).toBeNull();
  });
});

describe("Amazon SES via SNS — events", () => {
  const notification = (event: object) => JSON.stringify(envelope({ Message: JSON.stringify(event) }));

  it("turns the documented bounce record into a hard bounce for our message", () => {
    const [event] = events(notification(BOUNCE));
    expect(NormalizedEvent.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      provider: "ses",
      providerMessageId: "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
      messageId: "msg_row_1",
      type: "bounced",
      bounce: "hard",
      at: "2017-08-05T00:41:02.669Z",
      recipient: "recipient@example.com",
    });
  });

  it("calls a transient bounce soft, and reads identity notifications (notificationType, no tags)", () => {
    const { eventType: _, ...rest } = BOUNCE;
    const transient = {
      ...rest,
      notificationType: "Bounce",
      bounce: { ...BOUNCE.bounce, bounceType: "Transient" },
      mail: { ...BOUNCE.mail, tags: undefined },
    };
    expect(events(notification(transient))[0]).toMatchObject({ type: "bounced", bounce: "soft", messageId: null });
  });

  it("reads deliveries, complaints, delays, opens and clicks", () => {
    const mail = BOUNCE.mail;
    const at = "2017-08-05T00:41:02.669Z";
    const cases = [
      {
        eventType: "Delivery",
        mail,
        delivery: { timestamp: at, recipients: ["recipient@example.com"], processingTimeMillis: 546 },
      },
      {
        eventType: "Complaint",
        mail,
        complaint: { timestamp: at, complainedRecipients: [{ emailAddress: "recipient@example.com" }] },
      },
      {
        eventType: "DeliveryDelay",
        mail,
        deliveryDelay: { timestamp: at, delayedRecipients: [{ emailAddress: "recipient@example.com" }] },
      },
      { eventType: "Open", mail, open: { timestamp: at, ipAddress: "192.0.2.1", userAgent: "Mozilla/5.0" } },
      {
        eventType: "Click",
        mail,
        click: {
          timestamp: at,
          ipAddress: "192.0.2.1",
          userAgent: "Mozilla/5.0",
          link: "http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html",
        },
      },
      { eventType: "Send", mail, send: {} },
    ];
    expect(cases.map((c) => events(notification(c))[0]?.type)).toEqual([
      "delivered",
      "complained",
      "delayed",
      "opened",
      "clicked",
      undefined,
    ]);
    expect(events(notification(cases[4]!))[0]).toMatchObject({
      url: "http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html",
      ip: "192.0.2.1",
      userAgent: "Mozilla/5.0",
    });
  });
});

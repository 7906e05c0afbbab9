import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NormalizedEvent } from "../../../schema/messaging-events";
import { events, SIGNATURE_HEADER, TIMESTAMP_HEADER, verify } from "./sendgrid";

const NOW = new Date("2026-12-06T12:00:00Z");

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privateKey, verificationKey: publicKey.export({ format: "der", type: "spki" }).toString("base64") };
}
const ACCOUNT = keyPair();
const OTHER_ACCOUNT = keyPair();

/** Signed as SendGrid documents: ECDSA SHA-256 over timestamp + payload, base64 of the DER signature. */
function signed(body: string, at = NOW, privateKey = ACCOUNT.privateKey) {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = sign("sha256", Buffer.from(timestamp + body), privateKey).toString("base64");
  return {
    url: "https://app.example/hooks/email/sendgrid/acme",
    headers: new Headers({ [SIGNATURE_HEADER]: signature, [TIMESTAMP_HEADER]: timestamp }),
    body,
  };
}

/** SendGrid's documented event samples (trimmed), with our custom arg on the first two. */
const EVENTS = [
  {
    email: "example@test.com",
    timestamp: 1513299569,
    "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
    event: "delivered",
    category: "cat facts",
    sg_event_id: "rWVYmVk90MjZJ9iohOBa3w==",
    sg_message_id: "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
    response: "250 OK",
    message_id: "msg_row_1",
  },
  {
    email: "example@test.com",
    timestamp: 1513299569,
    event: "bounce",
    type: "bounce",
    reason: "500 unknown recipient",
    status: "5.0.0",
    sg_event_id: "6g4ZI7SA-xmRDv57GoPIPw==",
    sg_message_id: "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
    message_id: "msg_row_1",
  },
  {
    email: "example@test.com",
    timestamp: 1513299569,
    event: "bounce",
    type: "blocked",
    sg_event_id: "b2",
    sg_message_id: "m2",
  },
  {
    email: "example@test.com",
    timestamp: 1513299569,
    event: "dropped",
    reason: "Bounced Address",
    sg_event_id: "d1",
    sg_message_id: "m3",
  },
  { email: "example@test.com", timestamp: 1513299569, event: "spamreport", sg_event_id: "s1", sg_message_id: "m4" },
  {
    email: "example@test.com",
    timestamp: 1513299569,
    event: "open",
    useragent: "Mozilla/4.0",
    ip: "255.255.255.255",
    sg_event_id: "o1",
    sg_message_id: "m5",
  },
  {
    email: "example@test.com",
    timestamp: 1513299569,
    event: "click",
    url: "http://www.sendgrid.com/",
    useragent: "Mozilla/4.0",
    ip: "255.255.255.255",
    sg_event_id: "c1",
    sg_message_id: "m6",
  },
  { email: "example@test.com", timestamp: 1513299569, event: "processed", sg_event_id: "p1", sg_message_id: "m7" },
];
const BODY = JSON.stringify(EVENTS);

describe("SendGrid Signed Event Webhook — signature", () => {
  it("accepts a POST signed with the account's key", async () => {
    expect(await verify(signed(BODY), ACCOUNT.verificationKey, NOW)).toEqual({ ok: true });
  });

  it("refuses a POST signed by another key", async () => {
    const verdict = await verify(signed(BODY, NOW, OTHER_ACCOUNT.privateKey), ACCOUNT.verificationKey, NOW);
    expect(verdict).toEqual({ ok: false, reason: "signature does not match the body and verification key" });
  });

  it("refuses a changed body", async () => {
    const request = { ...signed(BODY), body: BODY.replace('"type":"bounce"', '"type":"blocked"') };
    expect((await verify(request, ACCOUNT.verificationKey, NOW)).ok).toBe(false);
  });

  it("refuses a stale timestamp", async () => {
    const verdict = await verify(signed(BODY, new Date(NOW.getTime() - 10 * 60 * 1000)), ACCOUNT.verificationKey, NOW);
    expect(verdict).toEqual({ ok: false, reason: "timestamp is 600 s from now, more than 300 s" });
  });

  it("says so when the verification key is not a P-256 key", async () => {
    const verdict = await verify(signed(BODY), btoa("not a key"), NOW);
    expect(verdict.ok === false && verdict.reason).toMatch(/not a P-256 public key/);
  });
});

describe("SendGrid Signed Event Webhook — events", () => {
  it("maps the documented samples and carries our custom arg", () => {
    const out = events(BODY);
    for (const event of out) expect(NormalizedEvent.parse(event)).toEqual(event);
    expect(out.map((e) => [e.type, e.bounce ?? null])).toEqual([
      ["delivered", null],
      ["bounced", "hard"],
      ["bounced", "soft"],
      ["failed", null],
      ["complained", null],
      ["opened", null],
      ["clicked", null],
    ]);
    expect(out[0]).toMatchObject({
      provider: "sendgrid",
      eventId: "rWVYmVk90MjZJ9iohOBa3w==",
      providerMessageId: "14c5d75ce93",
      messageId: "msg_row_1",
      at: "2017-12-15T00:59:29.000Z",
      recipient: "example@test.com",
    });
    expect(out[6]).toMatchObject({
      url: "http://www.sendgrid.com/",
      userAgent: "Mozilla/4.0",
      ip: "255.255.255.255",
      messageId: null,
    });
  });
});

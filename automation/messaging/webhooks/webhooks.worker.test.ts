/**
 * The same verifiers inside workerd, where only WebCrypto exists: SHA-1 RSA (SNS SignatureVersion 1),
 * SHA-256 RSA, ECDSA P-256 from an SPKI key, and HMAC-SHA1/SHA256. Signing here uses WebCrypto too.
 */
import { describe, expect, it } from "vitest";
import { toBase64, utf8 } from "./crypto";
import { resend, sendgrid, ses, twilio } from "./index";
import { rawToDer, SNS_TEST_CERTIFICATE, SNS_TEST_PRIVATE_KEY } from "./test-data";

const NOW = new Date("2026-12-06T12:00:00Z");
const seconds = String(NOW.getTime() / 1000);

describe("Webhook verifiers in workerd", () => {
  it("verifies SNS SignatureVersion 1 (SHA1withRSA) and 2 (SHA256withRSA)", async () => {
    const topic = "arn:aws:sns:us-east-1:123456789012:ses-events";
    const certUrl = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem";
    const pkcs8 = Uint8Array.from(atob(SNS_TEST_PRIVATE_KEY.replace(/-----[A-Z ]+-----|\s+/g, "")), (c) =>
      c.charCodeAt(0),
    );
    for (const [version, hash] of [
      ["1", "SHA-1"],
      ["2", "SHA-256"],
    ] as const) {
      const key = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash }, false, ["sign"]);
      const fields = {
        Message: "{}",
        MessageId: "m1",
        Timestamp: NOW.toISOString(),
        TopicArn: topic,
        Type: "Notification",
      };
      const text = Object.entries(fields)
        .map(([k, v]) => `${k}\n${v}\n`)
        .join("");
      const signature = toBase64(new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, utf8(text))));
      const body = JSON.stringify({
        ...fields,
        SignatureVersion: version,
        Signature: signature,
        SigningCertURL: certUrl,
      });
      const request = { url: "https://app.example/hooks/email/ses/acme", headers: new Headers(), body };
      expect(await ses.verify(request, topic, NOW, async () => SNS_TEST_CERTIFICATE)).toEqual({ ok: true });
    }
  });

  it("verifies a SendGrid ECDSA P-256 signature against a base64 SPKI key", async () => {
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const spki = toBase64(new Uint8Array((await crypto.subtle.exportKey("spki", pair.publicKey)) as ArrayBuffer));
    const body = '[{"email":"a@b.test","timestamp":1,"event":"open","sg_event_id":"e1"}]';
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, utf8(seconds + body)),
    );
    const headers = new Headers({
      [sendgrid.SIGNATURE_HEADER]: toBase64(rawToDer(raw)),
      [sendgrid.TIMESTAMP_HEADER]: seconds,
    });
    expect(await sendgrid.verify({ url: "https://x", headers, body }, spki, NOW)).toEqual({ ok: true });
  });

  it("verifies Resend (HMAC-SHA256) and Twilio (HMAC-SHA1) signatures", async () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const key = await crypto.subtle.importKey(
      "raw",
      Uint8Array.from(atob(secret.slice(6)), (c) => c.charCodeAt(0)),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const body = '{"type":"email.opened"}';
    const signature = toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8(`msg_1.${seconds}.${body}`))));
    const headers = new Headers({ "svix-id": "msg_1", "svix-timestamp": seconds, "svix-signature": `v1,${signature}` });
    expect(await resend.verify({ url: "https://x", headers, body }, secret, NOW)).toEqual({ ok: true });

    const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const form = "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212";
    const twilioHeaders = new Headers({ [twilio.SIGNATURE_HEADER]: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=" });
    expect(await twilio.verify({ url, headers: twilioHeaders, body: form }, "12345", NOW)).toEqual({ ok: true });
  });
});

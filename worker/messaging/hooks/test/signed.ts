/**
 * Webhook requests signed as each provider signs them, for the hook route tests: Svix HMAC
 * (Resend), Basic credentials (Postmark), ECDSA P-256 (SendGrid), SNS RSA with the test
 * certificate (SES), HMAC-SHA1 over URL and form (Twilio). WebCrypto only, so they run in workerd.
 */
import { SELF } from "cloudflare:test";
import { toBase64, utf8 } from "../../../../automation/messaging/webhooks/crypto";
import { rawToDer, SNS_TEST_PRIVATE_KEY } from "../../../../automation/messaging/webhooks/test-data";
import { signedText } from "../../../../automation/messaging/webhooks/twilio";
import { ORIGIN } from "../../../test/http";

export const RESEND_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const POSTMARK_SECRET = "hooks:a long postmark password";
export const TWILIO_TOKEN = "twilio-auth-token-for-tests";
export const SNS_TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-events";
export const SNS_CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem";

export type Signed = { headers: Record<string, string>; body: string };

const seconds = () => String(Math.floor(Date.now() / 1000));

export async function resendSigned(payload: unknown, id = `msg_${crypto.randomUUID()}`): Promise<Signed> {
  const body = JSON.stringify(payload);
  const timestamp = seconds();
  const key = await crypto.subtle.importKey(
    "raw",
    Uint8Array.from(atob(RESEND_SECRET.slice("whsec_".length)), (ch) => ch.charCodeAt(0)),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8(`${id}.${timestamp}.${body}`))));
  return {
    headers: { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` },
    body,
  };
}

export function postmarkSigned(payload: unknown, credentials = POSTMARK_SECRET): Signed {
  return { headers: { authorization: `Basic ${btoa(credentials)}` }, body: JSON.stringify(payload) };
}

/** A SendGrid key pair: the base64 SPKI public key for Settings, and a signer. */
export async function sendgridKeys() {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const publicKey = toBase64(new Uint8Array((await crypto.subtle.exportKey("spki", pair.publicKey)) as ArrayBuffer));
  const sign = async (payload: unknown): Promise<Signed> => {
    const body = JSON.stringify(payload);
    const timestamp = seconds();
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, utf8(timestamp + body)),
    );
    return {
      headers: {
        "X-Twilio-Email-Event-Webhook-Signature": toBase64(rawToDer(raw)),
        "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
      },
      body,
    };
  };
  return { publicKey, sign };
}

/** An SNS envelope signed (SignatureVersion 2) with the test certificate's key. */
export async function snsSigned(
  type: "Notification" | "SubscriptionConfirmation",
  message: unknown,
  extra: Record<string, string> = {},
): Promise<Signed> {
  const pkcs8 = Uint8Array.from(atob(SNS_TEST_PRIVATE_KEY.replace(/-----[A-Z ]+-----|\s+/g, "")), (ch) =>
    ch.charCodeAt(0),
  );
  const key = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const fields: Record<string, string> = {
    Message: typeof message === "string" ? message : JSON.stringify(message),
    MessageId: crypto.randomUUID(),
    ...extra,
    Timestamp: new Date().toISOString(),
    TopicArn: SNS_TOPIC,
    Type: type,
  };
  const text = Object.keys(fields)
    .sort()
    .map((k) => `${k}\n${fields[k]}\n`)
    .join("");
  const signature = toBase64(new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, utf8(text))));
  return {
    headers: {},
    body: JSON.stringify({ ...fields, SignatureVersion: "2", Signature: signature, SigningCertURL: SNS_CERT_URL }),
  };
}

/** A Twilio form POST to `path` (query included), signed over the URL the test Worker is called at. */
export async function twilioSigned(path: string, params: Record<string, string>): Promise<Signed> {
  const body = new URLSearchParams(params).toString();
  const key = await crypto.subtle.importKey("raw", utf8(TWILIO_TOKEN), { name: "HMAC", hash: "SHA-1" }, false, [
    "sign",
  ]);
  const signature = toBase64(
    new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8(signedText(`${ORIGIN}${path}`, body)))),
  );
  return {
    headers: { "X-Twilio-Signature": signature, "content-type": "application/x-www-form-urlencoded" },
    body,
  };
}

/** POSTs a signed webhook to the Worker. */
export function postHook(path: string, signed: Signed) {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signed.headers },
    body: signed.body,
  });
}

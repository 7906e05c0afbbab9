/**
 * Amazon SNS message signatures, the envelope Amazon SES events arrive in.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html and
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message-verify-message-signature.html
 * SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA, over `Key\nValue\n` lines of fixed fields;
 * the key is in the X.509 certificate at SigningCertURL, which must be fetched only from SNS itself.
 */
import { z } from "zod";
import { fromBase64, OK, refuse, utf8, type Verdict } from "./crypto";
import { certificatePublicKey, pemToDer } from "./der";
import { parseJson } from "./parse";

export const SnsEnvelope = z.object({
  Type: z.enum(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]),
  MessageId: z.string(),
  TopicArn: z.string(),
  Subject: z.string().optional(),
  Message: z.string(),
  Timestamp: z.string(),
  SignatureVersion: z.enum(["1", "2"]),
  Signature: z.string(),
  SigningCertURL: z.string(),
  SubscribeURL: z.string().optional(),
  Token: z.string().optional(),
});
export type SnsEnvelope = z.infer<typeof SnsEnvelope>;

/** SNS's hosts: `sns.<region>.amazonaws.com`, and `.com.cn` in the China regions. */
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** Whether a URL is https on an SNS host (no other port, no credentials); with `pem`, also a `.pem` path. */
export function isSnsUrl(url: string, { pem }: { pem: boolean }): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === "https:" &&
    SNS_HOST.test(parsed.hostname) &&
    parsed.port === "" &&
    !parsed.username &&
    !parsed.password &&
    (!pem || parsed.pathname.endsWith(".pem"))
  );
}

/** How long the certificate fetch may take: it is a small static file, and SNS is waiting on our answer meanwhile. */
export const CERT_FETCH_TIMEOUT_MS = 5_000;

export class SnsCertificateError extends Error {
  override readonly name = "SnsCertificateError";
}

/**
 * Fetches the signing certificate PEM, refusing any URL that is not SNS's own: otherwise a forger
 * names a certificate of their own and signs with its key.
 * @example const pem = await fetchSigningCertificate(envelope.SigningCertURL, fetch);
 */
export async function fetchSigningCertificate(url: string, fetcher: typeof fetch): Promise<string> {
  if (!isSnsUrl(url, { pem: true }))
    throw new SnsCertificateError(`SigningCertURL ${url} is not an https://sns.<region>.amazonaws.com/….pem URL`);
  let response: Response;
  try {
    response = await fetcher(url, { signal: AbortSignal.timeout(CERT_FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new SnsCertificateError(
      `could not fetch the SNS signing certificate ${url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) throw new SnsCertificateError(`the SNS signing certificate ${url} answered ${response.status}`);
  return response.text();
}

/** The fields SNS signs, in its order; Subject only when present. */
export function stringToSign(envelope: SnsEnvelope): string {
  const keys =
    envelope.Type === "Notification"
      ? (["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] as const)
      : (["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"] as const);
  return keys.map((key) => (envelope[key] === undefined ? "" : `${key}\n${envelope[key]}\n`)).join("");
}

/** Checks the envelope's signature with the signing certificate's public key. */
export async function verifySnsSignature(envelope: SnsEnvelope, certificatePem: string): Promise<Verdict> {
  const der = pemToDer(certificatePem);
  const spki = der && certificatePublicKey(der);
  if (!spki) return refuse("the SNS signing certificate is not a PEM X.509 certificate");
  const hash = envelope.SignatureVersion === "1" ? "SHA-1" : "SHA-256";
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash }, false, ["verify"]);
  } catch {
    return refuse("the SNS signing certificate does not hold an RSA key");
  }
  const signature = fromBase64(envelope.Signature);
  if (!signature) return refuse("Signature is not base64");
  const valid = await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, utf8(stringToSign(envelope)));
  return valid ? OK : refuse(`SignatureVersion ${envelope.SignatureVersion} signature does not match the message`);
}

/** The SNS envelope in a webhook body, or a payload error naming what is wrong. */
export const parseEnvelope = (body: string): SnsEnvelope => parseJson(body, SnsEnvelope, "Amazon SNS");

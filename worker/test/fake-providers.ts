/**
 * The messaging providers' stand-ins as the tests inside workerd see them: each fake's URL (set
 * into the Worker's `*_URL` var by the test), the key it takes, and its control routes on the
 * setup's control server: what it received, and the failures to answer next.
 */
import { inject } from "vitest";
import type { FakeFailure, FakeRequest } from "../../automation/messaging/providers/test/fake-provider";

export const SES_CREDENTIALS = {
  accessKeyId: "AKIAWIRETEST0000",
  secretAccessKey: "wire/test/secret/key/0123456789abcdef0000",
  region: "us-east-1",
};
export const TWILIO_ACCOUNT = { sid: "ACwiretest0000000000000000000000", token: "twilio-auth-token" };

/** The key each fake takes, in the form the workspace's emailApiKey / smsApiKey holds it. */
export const FAKE_KEYS = {
  resend: "re_wire_test_key",
  postmark: "postmark-server-token",
  sendgrid: "SG.wire-test-key",
  ses: `${SES_CREDENTIALS.accessKeyId}:${SES_CREDENTIALS.secretAccessKey}:${SES_CREDENTIALS.region}`,
  twilio: `${TWILIO_ACCOUNT.sid}:${TWILIO_ACCOUNT.token}`,
} as const;

export type FakeName = keyof typeof FAKE_KEYS;

declare module "vitest" {
  interface ProvidedContext {
    fakeProviders: { control: string; urls: Record<FakeName, string> };
  }
}

/** The fake's base URL, for its provider's `*_URL` var. */
export const fakeUrl = (name: FakeName) => inject("fakeProviders").urls[name];

/** What the fake has received so far. */
export async function fakeRequests(name: FakeName): Promise<FakeRequest[]> {
  const res = await fetch(`${inject("fakeProviders").control}/${name}/requests`);
  if (!res.ok) throw new Error(`fake ${name}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The fake answers its next requests with these failures, one each. */
export async function failNext(name: FakeName, ...failures: FakeFailure[]): Promise<void> {
  const res = await fetch(`${inject("fakeProviders").control}/${name}/fail`, {
    method: "POST",
    body: JSON.stringify(failures),
  });
  if (!res.ok) throw new Error(`fake ${name}: ${res.status} ${await res.text()}`);
}

/**
 * The failures every client must report the same way, run against its fake: a refused key stops,
 * a malformed request stops with the provider's reason, a rate limit and a server error are
 * retried (after the provider's Retry-After when it gave one), a silent or absent server is a
 * network failure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendError, type SendResult } from "../../outgoing";
import type { FakeProvider } from "./fake-provider";

type Client = { send(): Promise<SendResult> };

export type ErrorKindsSetup = {
  start(): Promise<FakeProvider>;
  /** The status the provider refuses a malformed send with: 422 (Resend, Postmark) or 400. */
  invalidStatus: number;
  /** A client pointed at `baseUrl` with the fake's key, or with a wrong one. */
  client(options: { baseUrl: string; wrongKey?: boolean; timeoutMs?: number }): Client;
};

/** Runs `send` and returns the `SendError` it throws; fails the test when it throws nothing or something else. */
export async function sendError(send: () => Promise<unknown>): Promise<SendError> {
  const error = await send().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

export function describeErrorKinds(provider: string, setup: ErrorKindsSetup): void {
  describe(`${provider} — failures the queue acts on`, () => {
    let fake: FakeProvider;
    beforeAll(async () => {
      fake = await setup.start();
    });
    afterAll(() => fake.close());

    it("stops on a refused key, naming the provider", async () => {
      const error = await sendError(() => setup.client({ baseUrl: fake.url, wrongKey: true }).send());
      expect(error).toMatchObject({ provider, kind: "auth", retryable: false });
      expect(error.message).toContain(provider);
    });

    it("stops on a request the provider refuses, with the provider's reason", async () => {
      fake.failNext({ status: setup.invalidStatus, message: "The 'to' address is not valid", code: 300 });
      const error = await sendError(() => setup.client({ baseUrl: fake.url }).send());
      expect(error).toMatchObject({ kind: "invalid", retryable: false });
      expect(error.message).toContain("The 'to' address is not valid");
    });

    it("reports a rate limit with the provider's Retry-After, then sends on the next try", async () => {
      fake.failNext({ status: 429, retryAfter: "7", message: "too many requests", code: 429 });
      const client = setup.client({ baseUrl: fake.url });
      const error = await sendError(() => client.send());
      expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 7000, retryable: true });
      await expect(client.send()).resolves.toMatchObject({ provider });
    });

    it("retries a server error", async () => {
      fake.failNext({ status: 500, message: "internal error", code: 500 });
      const error = await sendError(() => setup.client({ baseUrl: fake.url }).send());
      expect(error).toMatchObject({ kind: "server", retryable: true, retryAfterMs: null });
    });

    it("retries when the provider does not answer in time", async () => {
      fake.failNext("hang");
      const error = await sendError(() => setup.client({ baseUrl: fake.url, timeoutMs: 200 }).send());
      expect(error).toMatchObject({ kind: "network", retryable: true });
      expect(error.message).toContain("did not answer within 0.2 s");
    });

    it("retries when nothing listens at the address", async () => {
      const error = await sendError(() => setup.client({ baseUrl: "http://127.0.0.1:1" }).send());
      expect(error).toMatchObject({ kind: "network", retryable: true });
    });
  });
}

/**
 * The fake Recurrente as the tests inside workerd see it (started by fake-recurrente-setup.ts):
 * its URL and keys, what it received, failures to answer next, payments and events as signed
 * deliveries for the test to post to the Worker, and `workerWith(env)`: the real Worker with env
 * overrides (`{ RECURRENTE_URL: fake.url }`), since `SELF.fetch` runs with the fixed vars.
 *
 * One fake serves every test file: filter what it lists by your own ids, and pass `to` (your
 * workspace's hook URL, `hookUrl(slug)`) so deliveries do not include other files' endpoints.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { inject } from "vitest";
import type {
  FakeDelivery,
  FakeRecurrenteFailure,
  FakeRecurrenteRequest,
} from "../../automation/payments/recurrente/test/fake-recurrente";
import worker from "../test-entry";
import { ORIGIN } from "./http";

export type { FakeDelivery } from "../../automation/payments/recurrente/test/fake-recurrente";

declare module "vitest" {
  interface ProvidedContext {
    fakeRecurrente: {
      control: string;
      url: string;
      keys: { publicKey: string; secretKey: string };
      webhookSecret: string;
    };
  }
}

/** The webhook URL of a workspace on the Worker under test. */
export const hookUrl = (workspaceSlug: string) => `${ORIGIN}/hooks/payments/recurrente/${workspaceSlug}`;

async function control<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${inject("fakeRecurrente").control}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`fake Recurrente ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

/**
 * The fake and what a test can make it do.
 * @example const fake = recurrenteFake(); const deliveries = await fake.pay(checkoutId, undefined, { to: hookUrl(slug) });
 */
export function recurrenteFake() {
  const { url, keys, webhookSecret } = inject("fakeRecurrente");
  return {
    /** For `RECURRENTE_URL` (ends in /api). */
    url,
    /** What to store as paymentsPublicKey / paymentsApiKey. */
    keys,
    /** What deliveries to an unregistered `to` are signed with: store it as paymentsWebhookSecret. */
    webhookSecret,
    requests: () => control<FakeRecurrenteRequest[]>("GET", "/requests"),
    /** Deliveries of events the fake's API caused (subscription.cancel, refund.create), as attempted. */
    deliveries: () => control<FakeDelivery[]>("GET", "/deliveries"),
    failNext: (...failures: FakeRecurrenteFailure[]) => control("POST", "/fail", failures),
    /** Pays a checkout at the fake (4242… succeeds, 4000 0000 0000 0002 is declined); signed deliveries. */
    pay: (checkoutId: string, card?: string, options: { to?: string } = {}) =>
      control<FakeDelivery[]>("POST", "/pay", { checkoutId, card, ...options }),
    /** Signs `event` for every registered endpoint, or just `to`. */
    deliver: (event: Record<string, unknown>, options: { to?: string; id?: string; timestamp?: Date } = {}) =>
      control<FakeDelivery[]>("POST", "/deliver", {
        event,
        ...options,
        timestamp: options.timestamp?.toISOString(),
      }),
    setSubscriptionStatus: (
      id: string,
      status: "active" | "past_due" | "paused" | "cancelled",
      options: { to?: string } = {},
    ) => control<FakeDelivery[]>("POST", "/subscription-status", { id, status, ...options }),
  };
}

export type WorkerFetch = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * A fetch through the real Worker with `overrides` on the test env.
 * @example const fetchWorker = workerWith({ RECURRENTE_URL: recurrenteFake().url });
 */
export function workerWith(overrides: Partial<Env>): WorkerFetch {
  return async (path, init) => {
    const ctx = createExecutionContext();
    const request = new Request(new URL(path, ORIGIN), { redirect: "manual", ...init });
    const response = await worker.fetch!(
      request as Parameters<NonNullable<typeof worker.fetch>>[0],
      { ...env, ...overrides },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return response;
  };
}

/** Posts a signed delivery to the Worker at its URL's path, as Svix would. */
export function postDelivery(workerFetch: WorkerFetch, delivery: FakeDelivery): Promise<Response> {
  const url = new URL(delivery.url);
  return workerFetch(`${url.pathname}${url.search}`, {
    method: "POST",
    headers: delivery.headers,
    body: delivery.body,
  });
}

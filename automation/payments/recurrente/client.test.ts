import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recurrenteClient } from "./client";
import { type FakeRecurrente, startFakeRecurrente } from "./test/fake-recurrente";
import { startWebhookReceiver } from "./test/webhook-receiver";
import { PaymentsError, type Recurrente } from "./types";

let fake: FakeRecurrente;
let recurrente: Recurrente;

beforeAll(async () => {
  fake = await startFakeRecurrente();
  recurrente = recurrenteClient({ ...fake.keys, baseUrl: fake.url });
});
afterAll(() => fake.close());

const PLAN = {
  name: "Website plan",
  amountCents: 4900,
  currency: "USD" as const,
  chargeType: "recurring" as const,
  billingInterval: "month" as const,
};
const SETUP = { name: "Website setup", amountCents: 7900, currency: "USD" as const, chargeType: "one_time" as const };

const newCheckout = (metadata: Record<string, string> = {}) =>
  recurrente.createCheckout({
    items: [SETUP, PLAN],
    successUrl: "https://sites.example/s/joes/claim/done",
    cancelUrl: "https://sites.example/s/joes/claim",
    metadata,
  });

/** The failure a call ends in. */
async function failureOf(call: Promise<unknown>): Promise<PaymentsError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PaymentsError)) throw new Error(`expected a PaymentsError, got ${String(error)}`);
  return error;
}

/** A server that answers every request with `answer`, or never when it is null. */
async function bareServer(answer: { status: number; body: string; type: string } | null) {
  const server: Server = createServer((_req, res) => {
    if (!answer) return;
    res.writeHead(answer.status, { "content-type": answer.type });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("Recurrente client — calls", () => {
  it("checks the keys with GET /test and reads the account's greeting", async () => {
    expect(await recurrente.test()).toBe("Hello Cuenta de prueba 🌎");
    const last = fake.requests.at(-1)!;
    expect(last.headers["x-public-key"]).toBe(fake.keys.publicKey);
    expect(last.headers["x-secret-key"]).toBe(fake.keys.secretKey);
  });

  it("creates a checkout with inline items and gets its hosted page", async () => {
    const checkout = await newCheckout({ claim: "cl_1" });
    expect(checkout.id).toMatch(/^ch_/);
    expect(checkout.checkoutUrl).toBe(`${fake.url.replace(/\/api$/, "")}/checkout-session/${checkout.id}`);
    const sent = JSON.parse(fake.requests.at(-1)!.body);
    expect(sent.items[1]).toMatchObject({
      amount_in_cents: 4900,
      charge_type: "recurring",
      billing_interval: "month",
      billing_interval_count: 1,
      quantity: 1,
    });
    expect(sent.items[0]).not.toHaveProperty("billing_interval");
  });

  it("reads a checkout back, its total_in_cents string as a number, and its payment once paid", async () => {
    const { id } = await newCheckout({ claim: "cl_2", email: "ana@example.com" });
    const unpaid = await recurrente.getCheckout(id);
    expect(unpaid).toMatchObject({ status: "unpaid", totalCents: 12800, currency: "USD", paymentId: null });
    expect(unpaid.metadata).toEqual({ claim: "cl_2", email: "ana@example.com" });
    await fake.pay(id);
    const paid = await recurrente.getCheckout(id);
    expect(paid.status).toBe("paid");
    expect(paid.paymentId).toMatch(/^pa_/);
    expect(paid.subscriptionId).toMatch(/^su_/);
  });

  it("creates a product with a recurring price and reads it back", async () => {
    const made = await recurrente.createProduct({
      name: "Website plan",
      prices: [
        {
          amountCents: 4900,
          currency: "GTQ",
          chargeType: "recurring",
          billingInterval: "month",
          billingIntervalCount: 1,
        },
      ],
    });
    expect(made.id).toMatch(/^prod_/);
    const read = await recurrente.getProduct(made.id);
    expect(read.prices).toEqual([
      expect.objectContaining({
        amountCents: 4900,
        currency: "GTQ",
        chargeType: "recurring",
        billingInterval: "month",
      }),
    ]);
  });

  it("lists subscriptions ten a page, newest first, and an empty page after the last", async () => {
    const before = (await recurrente.listSubscriptions(1)).length;
    const made: string[] = [];
    for (let i = 0; i < 11; i++) {
      const { id } = await newCheckout({ email: `buyer${i}@example.com` });
      await fake.pay(id);
      made.push((await recurrente.getCheckout(id)).subscriptionId!);
    }
    const first = await recurrente.listSubscriptions(1);
    expect(first).toHaveLength(10);
    expect(first[0]!.id).toBe(made.at(-1));
    const all = [...first];
    for (let page = 2; ; page++) {
      const next = await recurrente.listSubscriptions(page);
      if (!next.length) break;
      all.push(...next);
    }
    expect(all.length).toBe(before + 11);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  });

  it("gets a subscription with its subscriber and cancels it, which Recurrente announces", async () => {
    const receiver = await startWebhookReceiver();
    const endpoint = await recurrente.createWebhookEndpoint({ url: receiver.url });
    try {
      const { id } = await newCheckout({ email: "rosa@example.com", name: "Rosa Pérez" });
      await fake.pay(id);
      const subscriptionId = (await recurrente.getCheckout(id)).subscriptionId!;
      const subscription = await recurrente.getSubscription(subscriptionId);
      expect(subscription).toMatchObject({ status: "active", checkoutId: id });
      expect(subscription.subscriber).toMatchObject({ email: "rosa@example.com", name: "Rosa Pérez" });
      await recurrente.cancelSubscription(subscriptionId);
      expect((await recurrente.getSubscription(subscriptionId)).status).toBe("cancelled");
      expect((await receiver.waitFor("subscription.cancel")).event.id).toBe(subscriptionId);
    } finally {
      await recurrente.deleteWebhookEndpoint(endpoint.id);
      await receiver.close();
    }
  });

  it("refunds a payment and reads the refund back", async () => {
    const { id } = await newCheckout({ email: "juan@example.com" });
    await fake.pay(id);
    const paymentId = (await recurrente.getCheckout(id)).paymentId!;
    const refund = await recurrente.createRefund(paymentId);
    expect(refund).toMatchObject({ status: "succeeded", amountCents: 12800, currency: "USD" });
    expect(refund.customer.email).toBe("juan@example.com");
    expect(await recurrente.getRefund(refund.id)).toEqual(refund);
  });

  it("registers, lists and deletes a webhook endpoint, with its signing secret", async () => {
    const endpoint = await recurrente.createWebhookEndpoint({
      url: "https://rowpilot.example/hooks",
      description: "Rowpilot",
    });
    expect(endpoint.signingSecret).toMatch(/^whsec_/);
    expect((await recurrente.listWebhookEndpoints()).map((e) => e.id)).toContain(endpoint.id);
    await recurrente.deleteWebhookEndpoint(endpoint.id);
    expect((await recurrente.listWebhookEndpoints()).map((e) => e.id)).not.toContain(endpoint.id);
  });
});

describe("Recurrente client — failures", () => {
  it("names the keys when Recurrente refuses them (401)", async () => {
    const wrong = recurrenteClient({ publicKey: "pk_test_wrong", secretKey: "sk_test_wrong", baseUrl: fake.url });
    const error = await failureOf(wrong.test());
    expect(error).toMatchObject({ kind: "auth", status: 401, retryable: false });
    expect(error.message).toMatch(/public and secret keys/);
  });

  it("keeps Recurrente's reason for a refused request (422)", async () => {
    const error = await failureOf(
      recurrente.createCheckout({
        items: [{ ...SETUP, quantity: 12 }],
        successUrl: "https://sites.example/done",
        cancelUrl: "https://sites.example/claim",
        metadata: {},
      }),
    );
    expect(error).toMatchObject({ kind: "invalid", status: 422, retryable: false });
    expect(error.message).toContain("items[0].quantity must be 1 to 9");
  });

  it("says what does not exist (404)", async () => {
    const error = await failureOf(recurrente.getSubscription("su_missing"));
    expect(error).toMatchObject({ kind: "not_found", status: 404 });
    expect(error.message).toContain("su_missing");
  });

  it("passes on Retry-After when rate limited (429)", async () => {
    fake.failNext({ status: 429, error: "Demasiadas solicitudes", retryAfter: "30" });
    const error = await failureOf(recurrente.test());
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 30_000, retryable: true });
    expect(error.message).toContain("Demasiadas solicitudes");
  });

  it("calls a 500 Recurrente's fault, worth another try", async () => {
    fake.failNext({ status: 500 });
    expect(await failureOf(recurrente.getCheckout("ch_any"))).toMatchObject({
      kind: "server",
      status: 500,
      retryable: true,
    });
  });

  it("gives up on a Recurrente that never answers within the timeout", async () => {
    const silent = await bareServer(null);
    try {
      const client = recurrenteClient({ ...fake.keys, baseUrl: silent.url, timeoutMs: 200 });
      const error = await failureOf(client.test());
      expect(error).toMatchObject({ kind: "network", retryable: true });
      expect(error.message).toMatch(/did not answer within 0.2 s/);
    } finally {
      await silent.close();
    }
  });

  it("refuses an answer that is not JSON", async () => {
    const page = await bareServer({ status: 200, body: "<html>Mantenimiento</html>", type: "text/html" });
    try {
      const client = recurrenteClient({ ...fake.keys, baseUrl: page.url });
      const error = await failureOf(client.getCheckout("ch_any"));
      expect(error).toMatchObject({ kind: "server", retryable: true });
      expect(error.message).toMatch(/not JSON: <html>Mantenimiento/);
    } finally {
      await page.close();
    }
  });

  it("cannot reach a Recurrente that is not there", async () => {
    const gone = await bareServer(null);
    const url = gone.url;
    await gone.close();
    const error = await failureOf(recurrenteClient({ ...fake.keys, baseUrl: url }).test());
    expect(error).toMatchObject({ kind: "network", status: null });
    expect(error.message).toMatch(/Could not reach Recurrente/);
  });
});

import { Webhook } from "svix";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DECLINED_CARD, type FakeRecurrente, startFakeRecurrente } from "./fake-recurrente";
import { startWebhookReceiver } from "./webhook-receiver";

let fake: FakeRecurrente;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let secret: string;

const api = (path: string, init: RequestInit = {}, keys = fake.keys) =>
  fetch(`${fake.url}${path}`, {
    ...init,
    headers: { "X-PUBLIC-KEY": keys.publicKey, "X-SECRET-KEY": keys.secretKey, "content-type": "application/json" },
  });

const CLAIM = {
  items: [
    { name: "Website setup", amount_in_cents: 7900, currency: "USD", charge_type: "one_time" },
    {
      name: "Website plan",
      amount_in_cents: 4900,
      currency: "USD",
      charge_type: "recurring",
      billing_interval: "month",
      billing_interval_count: 1,
    },
  ],
  success_url: "https://sites.example/s/joes/claim/done?claim=c1",
  cancel_url: "https://sites.example/s/joes/claim",
  metadata: { email: "ana@example.com", name: "Ana Pérez", claim: "c1" },
};

async function checkout(body: Record<string, unknown> = CLAIM): Promise<{ id: string; checkout_url: string }> {
  const res = await api("/checkouts", { method: "POST", body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`checkout: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ id: string; checkout_url: string }>;
}

const verified = (delivery: { headers: Record<string, string>; body: string }, with_ = secret) =>
  new Webhook(with_).verify(delivery.body, delivery.headers) as Record<string, unknown>;

beforeAll(async () => {
  fake = await startFakeRecurrente();
  receiver = await startWebhookReceiver();
  const res = await api("/webhook_endpoints", { method: "POST", body: JSON.stringify({ url: receiver.url }) });
  secret = ((await res.json()) as { signingSecret: string }).signingSecret;
});
afterEach(() => {
  receiver.received.length = 0;
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});

describe("Fake Recurrente — API", () => {
  it("refuses a request without both keys", async () => {
    const res = await api("/test", {}, { ...fake.keys, secretKey: "sk_wrong" });
    expect(res.status).toBe(401);
    expect(await res.json()).toHaveProperty("error");
  });

  it("refuses a checkout that breaks the documented rules with 422 and says why", async () => {
    const bad = {
      ...CLAIM,
      items: [{ name: "", amount_in_cents: -1, currency: "EUR", charge_type: "recurring" }],
      metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])),
    };
    const res = await api("/checkouts", { method: "POST", body: JSON.stringify(bad) });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: string };
    for (const part of ["name is required", "amount_in_cents", "GTQ or USD", "billing_interval", "at most 50 keys"])
      expect(error).toContain(part);
  });

  it("answers an unknown id with 404", async () => {
    expect((await api("/checkouts/ch_nope")).status).toBe(404);
  });
});

describe("Fake Recurrente — hosted checkout", () => {
  it("shows the items, the total, the test-mode notice and a prefilled test card", async () => {
    const { checkout_url } = await checkout();
    const html = await (await fetch(checkout_url)).text();
    for (const text of [
      "PRUEBA · test mode",
      "Website setup",
      "Website plan",
      "USD 128.00",
      "4242 4242 4242 4242",
      "Cancelar",
    ])
      expect(html).toContain(text);
  });

  it("takes the test card: back to success_url, paid, a subscription, and both events signed", async () => {
    const { id, checkout_url } = await checkout();
    const res = await fetch(`${checkout_url}/pay`, {
      method: "POST",
      body: new URLSearchParams({ card: "4242 4242 4242 4242" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(CLAIM.success_url);
    const [paid, created] = receiver.received.map((r) => verified(r));
    expect(paid).toMatchObject({
      event_type: "payment_intent.succeeded",
      amount_in_cents: 12800,
      currency: "USD",
      checkout: { id, status: "paid", metadata: CLAIM.metadata },
      customer: { email: "ana@example.com", full_name: "Ana Pérez" },
      payment: { paymentable: { type: "Subscription" } },
    });
    const subscriptionId = (paid as { payment: { paymentable: { id: string } } }).payment.paymentable.id;
    expect(created).toMatchObject({
      event_type: "subscription.create",
      id: subscriptionId,
      customer_email: "ana@example.com",
    });
    const subscription = (await (await api(`/subscriptions/${subscriptionId}`)).json()) as Record<string, string>;
    expect(subscription.status).toBe("active");
    expect(Date.parse(subscription.current_period_end!)).toBeGreaterThan(
      Date.parse(subscription.current_period_start!) + 27 * 86_400_000,
    );
    expect(await (await fetch(checkout_url)).text()).toContain("ya fue pagado");
  });

  it("declines the declined card on the page, with the reason, and announces the failure", async () => {
    const { id, checkout_url } = await checkout();
    const res = await fetch(`${checkout_url}/pay`, {
      method: "POST",
      body: new URLSearchParams({ card: DECLINED_CARD }),
    });
    expect(await res.text()).toContain("Tu banco ha rechazado la transacción");
    expect(verified(await receiver.waitFor("payment_intent.failed"))).toMatchObject({
      checkout: { id },
      failure_reason: expect.stringContaining("Tu banco ha rechazado"),
    });
    const read = (await (await api(`/checkouts/${id}`)).json()) as Record<string, unknown>;
    expect(read).toMatchObject({ status: "unpaid", total_in_cents: "12800" });
  });

  it("says an expired checkout has expired", async () => {
    const { id, checkout_url } = await checkout({ ...CLAIM, expires_at: "2020-01-01T00:00:00Z" });
    expect(await (await fetch(checkout_url)).text()).toContain("expiró");
    expect(((await (await api(`/checkouts/${id}`)).json()) as { status: string }).status).toBe("expired");
    await expect(fake.pay(id)).rejects.toThrow(/expired/);
  });
});

describe("Fake Recurrente — deliveries", () => {
  it("signs without sending, with a chosen id and time, for an unregistered target", async () => {
    const at = new Date(Date.now() - 60_000);
    const [delivery] = await fake.deliver(
      { event_type: "something.new" },
      { to: "http://rowpilot.test/hooks", id: "msg_fixed", timestamp: at, send: false },
    );
    expect(delivery).toMatchObject({ url: "http://rowpilot.test/hooks", status: null });
    expect(delivery!.headers["svix-id"]).toBe("msg_fixed");
    expect(delivery!.headers["svix-timestamp"]).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(verified(delivery!, fake.webhookSecret)).toEqual({ event_type: "something.new" });
    expect(receiver.received).toHaveLength(0);
  });

  it("reports what each endpoint answered, or null when unreachable", async () => {
    const [delivery] = await fake.deliver({ event_type: "x" }, { to: "http://127.0.0.1:9/nothing" });
    expect(delivery!.status).toBeNull();
    const [sent] = await fake.deliver({ event_type: "x" }, { to: receiver.url });
    expect(sent!.status).toBe(200);
  });

  it("announces a subscription falling past due, and its renewal charge when it is active again", async () => {
    const { id } = await checkout();
    const [paid] = await fake.pay(id, undefined, { send: false });
    const subscriptionId = (verified(paid!) as { payment: { paymentable: { id: string } } }).payment.paymentable.id;
    const [pastDue] = await fake.setSubscriptionStatus(subscriptionId, "past_due");
    expect(pastDue).toMatchObject({ status: 200 });
    expect(verified(pastDue!)).toMatchObject({ event_type: "subscription.past_due", id: subscriptionId });
    const [renewal] = await fake.setSubscriptionStatus(subscriptionId, "active", { send: false });
    expect(verified(renewal!)).toMatchObject({
      event_type: "payment_intent.succeeded",
      amount_in_cents: 4900,
      payment: { paymentable: { type: "Subscription", id: subscriptionId } },
    });
  });

  it("announces a refund as refund.create with the refunded payment", async () => {
    const { id } = await checkout();
    await fake.pay(id, undefined, { send: false });
    const paymentId = fake.store.checkouts.get(id)!.paymentId!;
    const res = await api("/refunds", { method: "POST", body: JSON.stringify({ payment_intent_id: paymentId }) });
    expect(res.status).toBe(200);
    expect(verified(await receiver.waitFor("refund.create"))).toMatchObject({
      payment_intent_id: paymentId,
      customer_refunded_amount_in_cents: 12800,
    });
  });
});

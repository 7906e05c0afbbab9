import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { paymentClaim } from "../../schema/db";
import { getDb } from "../db";
import { byKey } from "../kinds/tables";
import { hookUrl } from "../test/fake-recurrente";
import { BILLING_ORIGIN } from "./apply-rows";
import { ANA, billingWorkspace } from "./test/hooks-workspace";

const eventType = (d: { body: string }) => JSON.parse(d.body).event_type as string;

describe("Recurrente webhooks — a claim paid", { timeout: 60_000 }, () => {
  it("turns a paid checkout into customer, subscription and payment rows, and claims the site", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const deliveries = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    expect(deliveries.map(eventType)).toEqual(["payment_intent.succeeded", "subscription.create"]);
    expect(await t.postAll(deliveries)).toEqual([
      { status: 200, result: "applied" },
      { status: 200, result: "ignored" },
    ]);

    const [customer, ...otherCustomers] = await t.rows("customers");
    expect(otherCustomers).toEqual([]);
    expect(customer!.r.text("name")).toBe(ANA.name);
    expect(customer!.r.text("email")).toBe(ANA.email);
    expect(customer!.r.text("phone")).toBe(ANA.phone);
    expect(customer!.r.list("site")).toEqual([t.siteId]);
    expect(customer!.r.list("business")).toEqual([t.business.rowId]);
    expect(customer!.r.number("lifetimeValue")).toBe(128);
    expect(customer!.r.text("status")).toBe("active");
    expect(customer!.r.text("recurrenteId")).toMatch(/^us_/);

    const [subscription, ...otherSubscriptions] = await t.rows("subscriptions");
    expect(otherSubscriptions).toEqual([]);
    expect(subscription!.r.text("status")).toBe("active");
    expect(subscription!.r.text("recurrenteId")).toMatch(/^su_/);
    expect(subscription!.r.text("checkoutId")).toBe(claim.checkoutId);
    expect(subscription!.r.list("customer")).toEqual([customer!.id]);
    expect(subscription!.r.list("plan")).toHaveLength(1);
    expect(subscription!.r.text("periodEnd")).not.toBe("");

    const payments = await t.rows("payments");
    expect(payments.map(({ r }) => [r.text("kind"), r.number("amount"), r.text("currency"), r.text("status")])).toEqual(
      [["setup", 128, "USD", "succeeded"]],
    );
    expect(payments[0]!.r.text("recurrenteId")).toBe(JSON.parse(deliveries[0]!.body).id);
    expect(payments[0]!.r.text("flag")).toBe("");
    expect(payments[0]!.r.list("subscription")).toEqual([subscription!.id]);

    expect((await t.claimRow(claim.id)).state).toBe("paid");
    expect(await t.siteStatus()).toBe("claimed");
    expect(await t.leadStatus()).toBe("customer");
    const { runs } = await t.billing.customers.room.triggerRuns(10);
    expect(runs.map((r) => [r.source, r.outcome, r.detail])).toEqual([
      ["payments", "succeeded", "Ana Pérez claimed Rosa's Taquería: paid 128.00 USD"],
    ]);
    expect(await t.audits("billing.claim_paid")).toHaveLength(1);
    const events = await t.rows("webhookEvents");
    expect(events.map(({ r }) => [r.text("type"), r.text("result")])).toEqual([
      ["payment_intent.succeeded", "applied"],
      ["subscription.create", "ignored"],
    ]);
    expect(events[0]!.r.text("svixId")).toBe(deliveries[0]!.headers["svix-id"]);
    expect(events[0]!.r.text("payload")).toContain(claim.checkoutId);
  });

  it("changes nothing when the same deliveries come again, and says they were duplicates", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const deliveries = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    await t.postAll(deliveries);
    const before = await Promise.all([t.rows("customers"), t.rows("subscriptions"), t.rows("payments")]);
    expect(await t.postAll(deliveries)).toEqual([
      { status: 200, result: "duplicate" },
      { status: 200, result: "duplicate" },
    ]);
    const after = await Promise.all([t.rows("customers"), t.rows("subscriptions"), t.rows("payments")]);
    expect(after.map((rows) => rows.map((r) => r.id))).toEqual(before.map((rows) => rows.map((r) => r.id)));
    expect((await t.rows("customers"))[0]!.r.number("lifetimeValue")).toBe(128);
    expect((await t.billing.customers.room.triggerRuns(10)).runs).toHaveLength(1);
    expect(await t.audits("billing.claim_paid")).toHaveLength(1);
    expect((await t.rows("webhookEvents")).map(({ r }) => r.text("result"))).toEqual([
      "applied",
      "ignored",
      "duplicate",
      "duplicate",
    ]);
  });

  it("finishes a claim whose payment an earlier delivery recorded before failing", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const [payment] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    expect(await t.postAll([payment!])).toEqual([{ status: 200, result: "applied" }]);
    // As if that delivery had died after writing the Payments row and before the claim moved.
    await getDb(env.DB).update(paymentClaim).set({ state: "open" }).where(eq(paymentClaim.id, claim.id));
    const [again] = await t.fake.deliver(JSON.parse(payment!.body), { to: t.to });
    expect(await t.postAll([again!])).toEqual([{ status: 200, result: "applied" }]);
    expect((await t.claimRow(claim.id)).state).toBe("paid");
    expect(await t.rows("payments")).toHaveLength(1);
  });

  it("lets only the first of two people who both paid for one site claim it, and flags the second payment", async () => {
    const t = await billingWorkspace();
    const first = await t.claim();
    const second = await t.claim({ ...ANA, name: "Luis Ortega", email: "luis@example.com" });
    const [firstPaid] = await t.fake.pay(first.checkoutId, undefined, { to: t.to });
    const [secondPaid] = await t.fake.pay(second.checkoutId, undefined, { to: t.to });
    expect(await t.postAll([firstPaid!, secondPaid!])).toEqual([
      { status: 200, result: "applied" },
      { status: 200, result: "flagged" },
    ]);
    expect((await t.claimRow(first.id)).state).toBe("paid");
    expect((await t.claimRow(second.id)).state).not.toBe("paid");
    const payments = await t.rows("payments");
    expect(payments.map(({ r }) => r.text("flag"))).toEqual([
      "",
      `Rosa's Taquería's site was already paid for by another claim: refund ${JSON.parse(secondPaid!.body).id} and cancel its subscription in Recurrente`,
    ]);
    expect(await t.audits("billing.claim_paid")).toHaveLength(1);
  });

  it("ends in the same state when subscription.create lands before its payment", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const [payment, created] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    expect(await t.postAll([created!, payment!])).toEqual([
      { status: 200, result: "applied" },
      { status: 200, result: "applied" },
    ]);
    const customers = await t.rows("customers");
    const subscriptions = await t.rows("subscriptions");
    expect(customers).toHaveLength(1);
    expect(subscriptions.map(({ r }) => [r.text("status"), r.list("customer")])).toEqual([
      ["active", [customers[0]!.id]],
    ]);
    expect((await t.rows("payments")).map(({ r }) => [r.text("kind"), r.text("status")])).toEqual([
      ["setup", "succeeded"],
    ]);
    expect(customers[0]!.r.text("status")).toBe("active");
    expect((await t.claimRow(claim.id)).state).toBe("paid");
    expect(await t.siteStatus()).toBe("claimed");
  });

  it("makes one row of each when deliveries about one payment land at the same time", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const [payment, created] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    const event = JSON.parse(payment!.body);
    // Recurrente sending the same payment again under new delivery ids, all at once.
    const again = await Promise.all(
      ["msg_again_1", "msg_again_2"].map(async (id) => (await t.fake.deliver(event, { to: t.to, id }))[0]!),
    );
    const answers = await Promise.all([payment!, created!, ...again].map((d) => t.post(d)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(await t.rows("customers")).toHaveLength(1);
    expect(await t.rows("subscriptions")).toHaveLength(1);
    expect(await t.rows("payments")).toHaveLength(1);
    expect((await t.rows("customers"))[0]!.r.number("lifetimeValue")).toBe(128);
    expect((await t.billing.customers.room.triggerRuns(10)).runs).toHaveLength(1);
  });
});

describe("Recurrente webhooks — refused and flagged", { timeout: 60_000 }, () => {
  it("refuses a forged, wrongly signed or stale delivery with 401 and writes nothing", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const [payment] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    const forged = { ...payment!, body: payment!.body.replace(/"amount_in_cents":\d+/, '"amount_in_cents":1') };
    const event = JSON.parse(payment!.body);
    const [stale] = await t.fake.deliver(event, { to: t.to, timestamp: new Date(Date.now() - 10 * 60_000) });
    const unsigned = { ...payment!, headers: { "content-type": "application/json" } };
    for (const delivery of [forged, stale!, unsigned]) {
      const res = await t.post(delivery);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /^Recurrente webhook refused: /,
      );
    }
    expect(await t.rows("payments")).toEqual([]);
    expect(await t.rows("webhookEvents")).toEqual([]);
    expect((await t.claimRow(claim.id)).state).toBe("open");

    const other = await billingWorkspace({ webhookSecret: "whsec_c29tZW9uZSBlbHNlJ3Mgc2lnbmluZyBrZXk=" });
    const otherClaim = await other.claim();
    const [paid] = await other.fake.pay(otherClaim.checkoutId, undefined, { to: other.to });
    expect((await other.post(paid!)).status).toBe(401);
    expect(await other.rows("payments")).toEqual([]);
  });

  it("answers 404 for an unknown workspace and 401 saying so when no secret is set", async () => {
    const t = await billingWorkspace({ webhookSecret: null });
    const claim = await t.claim();
    const [payment] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    const res = await t.post(payment!);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("No Recurrente webhook secret is set for this workspace");
    const nowhere = await t.post({ ...payment!, url: hookUrl("no-such-workspace") });
    expect(nowhere.status).toBe(404);
  });

  it("flags a payment for a checkout we never made and records nothing", async () => {
    const t = await billingWorkspace();
    const stranger = await t.recurrente.createCheckout({
      items: [{ name: "Something else", amountCents: 5000, currency: "USD", chargeType: "one_time" }],
      successUrl: "http://rowpilot.test/done",
      cancelUrl: "http://rowpilot.test/cancel",
      metadata: { email: "someone@example.com" },
    });
    const [payment] = await t.fake.pay(stranger.id, undefined, { to: t.to });
    expect(await t.postAll([payment!])).toEqual([{ status: 200, result: "flagged" }]);
    expect(await t.rows("payments")).toEqual([]);
    expect(await t.rows("customers")).toEqual([]);
    const [event] = await t.rows("webhookEvents");
    expect(event!.r.text("error")).toContain(`Checkout ${stranger.id} is not one of our claims`);
  });

  it("asks again for a fresh payment event Recurrente does not confirm yet, flags an old one, and records no money", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const other = await t.claim({ ...ANA, email: "someone@example.com" });
    const [paid] = await t.fake.pay(other.checkoutId, undefined, { to: t.to });
    // A real, signed event whose checkout was never paid: Recurrente's checkout says unpaid.
    const event = JSON.parse(paid!.body);
    const unpaidEvent = { ...event, checkout: { ...event.checkout, id: claim.checkoutId }, id: "pa_never_paid" };
    const [fresh] = await t.fake.deliver(unpaidEvent, { to: t.to });
    expect((await t.post(fresh!)).status).toBe(503);
    const [old] = await t.fake.deliver(
      { ...unpaidEvent, created_at: new Date(Date.now() - 60 * 60_000).toISOString() },
      { to: t.to },
    );
    expect(await t.postAll([old!])).toEqual([{ status: 200, result: "flagged" }]);
    const rows = await t.rows("webhookEvents");
    expect(rows.map(({ r }) => r.text("result"))).toEqual(["failed", "flagged"]);
    expect(rows[1]!.r.text("error")).toBe(`Recurrente does not confirm it: checkout ${claim.checkoutId} is unpaid`);
    expect(await t.rows("payments")).toEqual([]);
    expect((await t.claimRow(claim.id)).state).toBe("open");
  });

  it("flags a payment whose amount is not what the claim asked for, and does not claim the site", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim(ANA, { setupCents: 100, monthlyCents: 2900 });
    const [payment] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    expect(await t.postAll([payment!])).toEqual([{ status: 200, result: "flagged" }]);
    const payments = await t.rows("payments");
    expect(payments.map(({ r }) => [r.number("amount"), r.text("status"), r.text("flag")])).toEqual([
      [30, "succeeded", "Charged 30.00 USD; the claim asked for 128.00 USD"],
    ]);
    expect((await t.claimRow(claim.id)).state).toBe("open");
    expect(await t.siteStatus()).toBe("published");
  });

  it("keeps a declined card's reason on the claim, with a failed payment and nothing claimed", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const deliveries = await t.fake.pay(claim.checkoutId, "4000 0000 0000 0002", { to: t.to });
    expect(deliveries.map(eventType)).toEqual(["payment_intent.failed"]);
    expect(await t.postAll(deliveries)).toEqual([{ status: 200, result: "applied" }]);
    const state = await t.claimRow(claim.id);
    expect(state.state).toBe("failed");
    expect(state.failureReason).toContain("Tu banco ha rechazado la transacción");
    expect((await t.rows("payments")).map(({ r }) => [r.text("kind"), r.text("status")])).toEqual([
      ["setup", "failed"],
    ]);
    expect((await t.rows("payments"))[0]!.r.text("failureReason")).toContain("Tu banco");
    expect(await t.rows("customers")).toEqual([]);
    expect(await t.siteStatus()).toBe("published");
    expect(await t.leadStatus()).not.toBe("customer");
  });

  it("answers 503 when Recurrente fails while confirming, and applies the redelivery once", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const [payment] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    await t.fake.failNext({ status: 500, error: "Internal Server Error" });
    const failed = await t.post(payment!);
    expect(failed.status).toBe(503);
    expect(await t.rows("payments")).toEqual([]);
    expect((await t.claimRow(claim.id)).state).toBe("open");
    expect((await t.rows("webhookEvents")).map(({ r }) => r.text("result"))).toEqual(["failed"]);
    expect(await t.postAll([payment!])).toEqual([{ status: 200, result: "applied" }]);
    expect(await t.rows("payments")).toHaveLength(1);
    // One row per delivery id: the retry's outcome, with the failed try's reason kept beside it.
    const events = await t.rows("webhookEvents");
    expect(events.map(({ r }) => r.text("result"))).toEqual(["applied"]);
    expect(events[0]!.r.text("error")).toMatch(/^An earlier try failed: .*500/);
    // Once applied, the same delivery again is a duplicate.
    expect(await t.postAll([payment!])).toEqual([{ status: 200, result: "duplicate" }]);
    expect(await t.rows("payments")).toHaveLength(1);
  });

  it("asks Recurrente to try again while a delivery is being applied, and applies one left by a Worker that died once it is stale", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const [payment] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    const svixId = payment!.headers["svix-id"]!;
    const table = t.billing.webhookEvents;
    const left = (minutesAgo: number) =>
      byKey(table, {
        svixId,
        type: "payment_intent.succeeded",
        result: "processing",
        received: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      });
    const inserted = await table.room.insertRow(left(1), BILLING_ORIGIN);
    if (!inserted.ok) throw new Error(inserted.message);
    // Still being applied (it might yet fail): not a 2xx, so Recurrente tries again later.
    expect(await t.postAll([payment!])).toEqual([{ status: 409, result: null }]);
    expect(await t.rows("payments")).toEqual([]);

    await table.room.patchRow(inserted.value, left(3), BILLING_ORIGIN);
    expect(await t.postAll([payment!])).toEqual([{ status: 200, result: "applied" }]);
    expect(await t.rows("payments")).toHaveLength(1);
  });

  it("stores an event type it does not act on and answers 200", async () => {
    const t = await billingWorkspace();
    const [delivery] = await t.fake.deliver(
      { id: "in_123", event_type: "invoice.created", created_at: new Date().toISOString() },
      { to: t.to },
    );
    expect(await t.postAll([delivery!])).toEqual([{ status: 200, result: "stored" }]);
    const [event] = await t.rows("webhookEvents");
    expect([event!.r.text("type"), event!.r.text("objectId"), event!.r.text("result")]).toEqual([
      "invoice.created",
      "in_123",
      "stored",
    ]);
  });
});

describe("Recurrente webhooks — a subscription over time", { timeout: 60_000 }, () => {
  it("marks a subscription and its customer past due, then active again with the renewal paid", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    await t.postAll(await t.fake.pay(claim.checkoutId, undefined, { to: t.to }));
    const subscriptionId = (await t.rows("subscriptions"))[0]!.r.text("recurrenteId");

    const late = await t.fake.setSubscriptionStatus(subscriptionId, "past_due", { to: t.to });
    expect(await t.postAll(late)).toEqual([{ status: 200, result: "applied" }]);
    let [subscription] = await t.rows("subscriptions");
    expect(subscription!.r.text("status")).toBe("past_due");
    expect(subscription!.r.text("pastDueSince")).not.toBe("");
    expect((await t.rows("customers"))[0]!.r.text("status")).toBe("past_due");

    const renewed = await t.fake.setSubscriptionStatus(subscriptionId, "active", { to: t.to });
    expect(renewed.map(eventType)).toEqual(["payment_intent.succeeded"]);
    expect(await t.postAll(renewed)).toEqual([{ status: 200, result: "applied" }]);
    [subscription] = await t.rows("subscriptions");
    expect(subscription!.r.text("status")).toBe("active");
    expect(subscription!.r.text("pastDueSince")).toBe("");
    const payments = await t.rows("payments");
    expect(payments.map(({ r }) => [r.text("kind"), r.number("amount"), r.text("status")])).toEqual([
      ["setup", 128, "succeeded"],
      ["renewal", 29, "succeeded"],
    ]);
    const [customer] = await t.rows("customers");
    expect([customer!.r.text("status"), customer!.r.number("lifetimeValue")]).toEqual(["active", 157]);
  });

  it("records a refund as a negative payment, once, and takes it off the lifetime value", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    await t.postAll(await t.fake.pay(claim.checkoutId, undefined, { to: t.to }));
    const paymentId = (await t.rows("payments"))[0]!.r.text("recurrenteId");
    const refund = await t.recurrente.createRefund(paymentId);
    const event = {
      id: refund.id,
      event_type: "refund.create",
      status: "succeeded",
      customer_refunded_amount_in_cents: refund.amountCents,
      currency: refund.currency,
      payment_intent_id: paymentId,
      created_at: new Date().toISOString(),
    };
    const [delivery] = await t.fake.deliver(event, { to: t.to });
    const [again] = await t.fake.deliver(event, { to: t.to, id: "msg_refund_again" });
    expect(await t.postAll([delivery!, again!])).toEqual([
      { status: 200, result: "applied" },
      { status: 200, result: "ignored" },
    ]);
    const payments = await t.rows("payments");
    expect(payments.map(({ r }) => [r.text("kind"), r.number("amount"), r.text("status")])).toEqual([
      ["setup", 128, "refunded"],
      ["refund", -128, "succeeded"],
    ]);
    expect((await t.rows("customers"))[0]!.r.number("lifetimeValue")).toBe(0);
    const [stranger] = await t.fake.deliver(
      { ...event, id: "re_unknown", payment_intent_id: "pa_unknown" },
      { to: t.to },
    );
    expect(await t.postAll([stranger!])).toEqual([{ status: 200, result: "flagged" }]);
  });

  it("never lets an older event undo a newer state: a cancelled subscription stays cancelled", async () => {
    const t = await billingWorkspace();
    const claim = await t.claim();
    const [payment, created] = await t.fake.pay(claim.checkoutId, undefined, { to: t.to });
    await t.postAll([payment!]);
    const subscriptionId = (await t.rows("subscriptions"))[0]!.r.text("recurrenteId");
    expect(await t.postAll(await t.fake.setSubscriptionStatus(subscriptionId, "cancelled", { to: t.to }))).toEqual([
      { status: 200, result: "applied" },
    ]);
    expect(await t.postAll([created!])).toEqual([{ status: 200, result: "ignored" }]);
    const [subscription] = await t.rows("subscriptions");
    expect(subscription!.r.text("status")).toBe("cancelled");
    expect(subscription!.r.text("cancelledAt")).not.toBe("");
    expect((await t.rows("customers"))[0]!.r.text("status")).toBe("cancelled");
  });
});

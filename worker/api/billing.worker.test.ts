import { env } from "cloudflare:test";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { paymentClaim } from "../../schema/db";
import type {
  BillingReport,
  BillingSettings,
  CustomerItem,
  PaymentItem,
  SubscriptionItem,
  WebhookEndpointAnswer,
} from "../../schema/payments-api";
import type { CellValue } from "../../schema/tables";
import { byKey } from "../kinds/tables";
import { billingOrigin } from "../payments/subscription-rows";
import { billingWorkspace, fake } from "../payments/subscriptions.fixtures";
import { hookUrl } from "../test/fake-recurrente";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import { readWorkspaceSecret } from "./settings";

type Failure = { error: { status: number; message: string } };
type Billed = Awaited<ReturnType<typeof billingWorkspace>>;

async function payment(t: Billed, cells: Record<string, CellValue>) {
  const row = await t.billing.payments.room.insertRow(byKey(t.billing.payments, cells), billingOrigin);
  if (!row.ok) throw new Error(row.message);
  return row.value;
}

describe("Billing API — lists", { timeout: 30_000 }, () => {
  it("lists customers, subscriptions and payments with our ids, Recurrente's ids and amounts in cents", async () => {
    const t = await billingWorkspace();
    const { rowId, customerId } = await t.subscriptionRow({
      recurrenteId: "su_list0001",
      status: "active",
      periodStart: "2026-12-01T00:00:00.000Z",
      periodEnd: "2027-01-01T00:00:00.000Z",
    });
    await t.billing.customers.room.patchRow(
      customerId,
      byKey(t.billing.customers, { lifetimeValue: 128.29, currency: "USD", recurrenteId: "us_rosa" }),
      billingOrigin,
    );
    const setup = await payment(t, {
      customer: [customerId],
      subscription: [rowId],
      recurrenteId: "pa_setup01",
      kind: "setup",
      amount: 99.29,
      currency: "USD",
      status: "succeeded",
      paidAt: "2026-12-01T10:00:00.000Z",
    });
    const refund = await payment(t, {
      customer: [customerId],
      recurrenteId: "re_back01",
      kind: "refund",
      amount: -10.1,
      currency: "USD",
      status: "succeeded",
      paidAt: "2026-12-03T10:00:00.000Z",
    });

    const { customers } = await json<{ customers: CustomerItem[] }>(await t.api("GET", "/customers"));
    expect(customers).toEqual([
      expect.objectContaining({
        id: customerId,
        recurrenteId: "us_rosa",
        email: "rosa@bakery.example",
        status: "active",
        lifetimeValueCents: 12829,
        currency: "USD",
      }),
    ]);
    const { subscriptions } = await json<{ subscriptions: SubscriptionItem[] }>(await t.api("GET", "/subscriptions"));
    expect(subscriptions).toEqual([
      {
        id: rowId,
        recurrenteId: "su_list0001",
        customerId,
        customerEmail: "rosa@bakery.example",
        planId: null,
        status: "active",
        periodStart: "2026-12-01T00:00:00.000Z",
        periodEnd: "2027-01-01T00:00:00.000Z",
        cancelledAt: null,
        requested: null,
      },
    ]);
    const { payments } = await json<{ payments: PaymentItem[] }>(await t.api("GET", "/payments"));
    expect(payments.map((p) => [p.id, p.recurrenteId, p.kind, p.amountCents, p.customerEmail])).toEqual([
      [refund, "re_back01", "refund", -1010, "rosa@bakery.example"],
      [setup, "pa_setup01", "setup", 9929, "rosa@bakery.example"],
    ]);
    const newest = await json<{ payments: PaymentItem[] }>(await t.api("GET", "/payments?limit=1"));
    expect(newest.payments.map((p) => p.id)).toEqual([refund]);
    expect((await t.api("GET", "/payments?limit=0")).status).toBe(400);
  });
});

describe("Billing API — the report", { timeout: 30_000 }, () => {
  it("counts MRR, customers, setup fees, refunds, lifetime value and the funnel from the rows and claims", async () => {
    const t = await billingWorkspace();
    const now = new Date();
    const thisMonth = now.toISOString().slice(0, 7);
    const [plan] = await t.billing.plans.room
      .queryRows({ filters: [], sort: [], limit: 1, offset: 0 })
      .then((r) => r.rows);
    const { rowId, customerId } = await t.subscriptionRow({
      recurrenteId: "su_rep0001",
      status: "active",
      plan: [plan!.id],
    });
    await t.billing.customers.room.patchRow(
      customerId,
      byKey(t.billing.customers, { lifetimeValue: 118, currency: "USD", firstPaid: now.toISOString() }),
      billingOrigin,
    );
    const paidAt = now.toISOString();
    await payment(t, {
      subscription: [rowId],
      kind: "setup",
      amount: 99,
      currency: "USD",
      status: "succeeded",
      paidAt,
    });
    await payment(t, {
      subscription: [rowId],
      kind: "renewal",
      amount: 29,
      currency: "USD",
      status: "succeeded",
      paidAt,
    });
    await payment(t, {
      subscription: [rowId],
      kind: "refund",
      amount: -10,
      currency: "USD",
      status: "succeeded",
      paidAt,
    });
    await payment(t, { kind: "renewal", amount: 500, currency: "GTQ", status: "succeeded", paidAt });
    const claim = (state: string, checkoutId: string | null) => ({
      id: crypto.randomUUID(),
      workspaceId: t.ws.id,
      claimKey: `site:${crypto.randomUUID()}`,
      siteId: "site",
      siteSlug: "rosas-bakery",
      businessName: "Rosa's Bakery",
      planId: plan!.id,
      setupCents: 9900,
      monthlyCents: 2900,
      currency: "USD",
      name: "Rosa",
      email: "rosa@bakery.example",
      phone: "",
      checkoutId,
      state,
      createdAt: now,
      updatedAt: now,
    });
    await t.db
      .insert(paymentClaim)
      .values([
        claim("paid", `ch_${crypto.randomUUID()}`),
        claim("open", `ch_${crypto.randomUUID()}`),
        claim("creating", null),
      ]);

    const report = await json<BillingReport>(await t.api("GET", "/billing/report"));
    expect(report).toMatchObject({
      currency: "USD",
      mrrCents: 2900,
      activeCustomers: 1,
      pastDueCustomers: 0,
      setupFeesCents: 9900,
      refundsCents: 1000,
      averageLifetimeValueCents: 11800,
      funnel: { pitched: 0, claimed: 2, paid: 1 },
      otherCurrencyPayments: 1,
    });
    expect(report.revenueByMonth.at(-1)).toEqual({ month: thisMonth, cents: 9900 + 2900 - 1000 });
    expect(report.claimsPerWeek.at(-1)!.claims).toBe(1);
  });
});

describe("Billing API — settings, webhook endpoint and refunds", { timeout: 30_000 }, () => {
  it("keeps the grace period: members read it, owners change it, bad values are refused", async () => {
    const t = await billingWorkspace();
    expect(await json<BillingSettings>(await t.api("GET", "/billing/settings"))).toEqual({ graceDays: 7 });
    expect(await json<BillingSettings>(await t.api("PUT", "/billing/settings", { graceDays: 3 }))).toEqual({
      graceDays: 3,
    });
    const editor = await memberWithRole(t.owner, t.base, "editor");
    expect(await json<BillingSettings>(await t.api("GET", "/billing/settings", undefined, editor))).toEqual({
      graceDays: 3,
    });
    expect((await t.api("PUT", "/billing/settings", { graceDays: 5 }, editor)).status).toBe(403);
    const bad = await t.api("PUT", "/billing/settings", { graceDays: 90 });
    expect(bad.status).toBe(400);
    expect((await json<Failure>(bad)).error.message).toMatch(/^graceDays:/);
  });

  it("registers the workspace's webhook at Recurrente once and stores the signing secret it returns", async () => {
    const t = await billingWorkspace();
    const res = await t.api("POST", "/billing/webhook-endpoint");
    expect(res.status).toBe(200);
    const answer = await json<WebhookEndpointAnswer>(res);
    expect(answer).toEqual({ endpointId: expect.any(String), url: hookUrl(t.ws.slug), secretStored: true });
    const secret = await readWorkspaceSecret(env, t.db, t.ws.id, "paymentsWebhookSecret");
    expect(secret).toMatch(/^whsec_/);

    // What Recurrente signs for that endpoint verifies with the stored secret.
    const [delivery] = await fake.deliver({ event_type: "subscription.create", id: "su_x" }, { to: answer.url });
    expect(() => new Webhook(secret!).verify(delivery!.body, delivery!.headers)).not.toThrow();

    const again = await json<WebhookEndpointAnswer>(await t.api("POST", "/billing/webhook-endpoint"));
    expect(again.endpointId).toBe(answer.endpointId);
    expect((await t.recurrente.listWebhookEndpoints()).filter((e) => e.url === answer.url)).toHaveLength(1);

    const editor = await memberWithRole(t.owner, t.base, "editor");
    expect((await t.api("POST", "/billing/webhook-endpoint", undefined, editor)).status).toBe(403);
  });

  it("asks Recurrente to refund a succeeded payment and refuses one that cannot be refunded", async () => {
    const t = await billingWorkspace();
    const sub = await t.subscriptionAtFake();
    const paid = await t.recurrente.getCheckout(sub.checkoutId);
    const row = await payment(t, {
      recurrenteId: paid.paymentId!,
      kind: "setup",
      amount: 29,
      currency: "USD",
      status: "succeeded",
    });
    const res = await t.api("POST", `/payments/${row}/refund`);
    expect(res.status).toBe(202);
    expect(await json(res)).toMatchObject({
      refund: { id: expect.stringMatching(/^re_/) },
      message: /when Recurrente confirms/,
    });
    const asked = () =>
      fake.requests().then((all) => all.filter((r) => r.path === "/api/refunds" && r.body.includes(paid.paymentId!)));
    expect(await asked()).toHaveLength(1);
    // A second click, or two at once, asks Recurrente nothing more.
    const again = await Promise.all([1, 2].map(() => t.api("POST", `/payments/${row}/refund`)));
    expect(again.map((r) => r.status)).toEqual([409, 409]);
    expect(await asked()).toHaveLength(1);

    // Refused by Recurrente: nothing was refunded, so it may be asked again.
    const sub2 = await t.subscriptionAtFake();
    const paid2 = await t.recurrente.getCheckout(sub2.checkoutId);
    const row2 = await payment(t, {
      recurrenteId: paid2.paymentId!,
      kind: "setup",
      amount: 29,
      currency: "USD",
      status: "succeeded",
    });
    await fake.failNext({ status: 500, error: "Internal Server Error" });
    expect((await t.api("POST", `/payments/${row2}/refund`)).status).toBe(502);
    expect((await t.api("POST", `/payments/${row2}/refund`)).status).toBe(202);

    const failed = await payment(t, {
      recurrenteId: "pa_failed1",
      kind: "renewal",
      amount: 29,
      currency: "USD",
      status: "failed",
    });
    const refused = await t.api("POST", `/payments/${failed}/refund`);
    expect(refused.status).toBe(409);
    expect((await json<Failure>(refused)).error.message).toBe(
      "Only a succeeded payment can be refunded; this one is failed",
    );
    const editor = await memberWithRole(t.owner, t.base, "editor");
    expect((await t.api("POST", `/payments/${row}/refund`, undefined, editor)).status).toBe(403);
  });
});

describe("Billing API — without billing tables", { timeout: 30_000 }, () => {
  it("answers empty lists and a zero report", async () => {
    const { owner, ws } = await ownerWithWorkspace("Fresh Motors");
    const get = async <T>(path: string) => json<T>(await call(owner, "GET", `/api${path}?workspace=${ws.slug}`));
    expect(await get("/customers")).toEqual({ customers: [] });
    expect(await get("/subscriptions")).toEqual({ subscriptions: [] });
    expect(await get("/payments")).toEqual({ payments: [] });
    const report = await get<BillingReport>("/billing/report");
    expect(report).toMatchObject({ mrrCents: 0, activeCustomers: 0, funnel: { pitched: 0, claimed: 0, paid: 0 } });
    expect(report.claimsPerWeek).toHaveLength(12);
    expect(await get("/billing/tables")).toBeNull();
  });

  it("names the billing tables by what they are once billing is used, whatever people renamed them", async () => {
    const { owner, ws } = await ownerWithWorkspace("Renamed Motors");
    await call(owner, "GET", `/api/billing/plans?workspace=${ws.slug}`);
    const ids = await json<Record<string, string>>(
      await call(owner, "GET", `/api/billing/tables?workspace=${ws.slug}`),
    );
    expect(Object.keys(ids).sort()).toEqual(["customers", "payments", "plans", "subscriptions", "webhookEvents"]);
    await call(owner, "PATCH", `/api/tables/${ids.customers}?workspace=${ws.slug}`, { name: "Clientes" });
    const again = await json<Record<string, string>>(
      await call(owner, "GET", `/api/billing/tables?workspace=${ws.slug}`),
    );
    expect(again.customers).toBe(ids.customers);
  });
});

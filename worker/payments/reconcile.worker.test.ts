import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, paymentClaim } from "../../schema/db";
import { EVERY_MINUTE, NIGHTLY } from "../cron";
import { allRows } from "../projects/store";
import worker from "../test-entry";
import { applyGrace, GRACE_CHECK_MINUTE } from "./grace";
import { reconcileWorkspace } from "./reconcile";
import { billingWorkspace, fake, fakeEnv } from "./subscriptions.fixtures";

const DAY_MS = 86_400_000;

/** A paid claim of the checkout, as the webhook leaves it; answers its offlineAt (ms) when asked. */
async function paidClaimIn(t: Awaited<ReturnType<typeof billingWorkspace>>, checkoutId: string) {
  const id = crypto.randomUUID();
  const at = new Date();
  await t.db.insert(paymentClaim).values({
    id,
    workspaceId: t.ws.id,
    claimKey: `site-1:${id}@bakery.example`,
    siteId: "site-1",
    siteSlug: "rosas-bakery",
    businessName: "Rosa's Bakery",
    planId: "plan-1",
    setupCents: 9900,
    monthlyCents: 2900,
    currency: "USD",
    name: "Rosa",
    email: `${id}@bakery.example`,
    phone: "",
    checkoutId,
    checkoutUrl: "http://fake/checkout",
    state: "paid",
    createdAt: at,
    updatedAt: at,
  });
  return async () =>
    (await t.db.query.paymentClaim.findFirst({ where: eq(paymentClaim.id, id) }))?.offlineAt?.getTime() ?? null;
}

describe("Nightly reconcile", { timeout: 30_000 }, () => {
  it("sets a drifted status to Recurrente's, reports unknown and missing subscriptions, and records the run", async () => {
    const t = await billingWorkspace();
    const drifted = await t.subscriptionAtFake();
    const theirsOnly = await t.subscriptionAtFake();
    const same = await t.subscriptionAtFake();
    // The webhook that said it recovered was lost: the row still says past due.
    const late = await t.subscriptionRow({
      recurrenteId: drifted.id,
      status: "past_due",
      pastDueSince: "2026-11-01T00:00:00Z",
    });
    const fine = await t.subscriptionRow({ recurrenteId: same.id, status: "active" });
    const gone = await t.subscriptionRow({ recurrenteId: "su_gone0001", status: "active" });
    const now = new Date();

    const report = (await reconcileWorkspace(fakeEnv, t.db, t.ws.id, now))!;
    expect(report.complete).toBe(true);
    expect(report.applied).toEqual([`${drifted.id}: past_due → active`]);
    expect(report.unknown).toContainEqual(`${theirsOnly.id} (${theirsOnly.email}), active`);
    expect(report.unknown.some((line) => line.startsWith(drifted.id) || line.startsWith(same.id))).toBe(false);
    expect(report.missing).toEqual(["su_gone0001"]);

    const row = await t.cellsOf("subscriptions", late.rowId);
    expect(row.text("status")).toBe("active");
    expect(row.text("pastDueSince")).toBe("");
    expect(row.text("statusAt")).toBe(now.toISOString());
    expect((await t.cellsOf("customers", late.customerId)).text("status")).toBe("active");
    expect((await t.cellsOf("subscriptions", fine.rowId)).text("statusAt")).toBe("");
    expect((await t.cellsOf("subscriptions", gone.rowId)).text("status")).toBe("active");

    const events = await allRows(t.billing.webhookEvents, []);
    expect(events).toHaveLength(1);
    const event = await t.cellsOf("webhookEvents", events[0]!.id);
    expect(event.text("type")).toBe("reconcile");
    expect(event.text("result")).toBe("applied");
    expect(event.text("error")).toContain(`status set to Recurrente's: ${drifted.id}: past_due → active`);
    expect(event.text("error")).toContain(`at Recurrente only: ${theirsOnly.id}`);
    expect(event.text("error")).toContain("not listed by Recurrente: su_gone0001");

    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, t.ws.id), eq(auditLog.action, "billing.reconcile_drift")));
    expect(audits).toHaveLength(1);
  });

  it("records a failed run with Recurrente's words when it cannot list, and changes no row", async () => {
    const t = await billingWorkspace();
    const { rowId } = await t.subscriptionRow({ recurrenteId: "su_keep0001", status: "past_due" });
    await fake.failNext({ status: 500, error: "Error interno" });
    expect(await reconcileWorkspace(fakeEnv, t.db, t.ws.id, new Date())).toBeNull();
    const [run] = await allRows(t.billing.webhookEvents, []);
    const event = await t.cellsOf("webhookEvents", run!.id);
    expect(event.text("result")).toBe("failed");
    expect(event.text("error")).toMatch(/Recurrente had an error \(500\).*Error interno/);
    expect((await t.cellsOf("subscriptions", rowId)).text("status")).toBe("past_due");
  });
});

describe("Grace period", { timeout: 30_000 }, () => {
  it("takes a site offline once its subscription is past due longer than the grace days, and back when paid up", async () => {
    const t = await billingWorkspace();
    const checkoutId = `ch_${crypto.randomUUID().slice(0, 12)}`;
    const offlineAt = await paidClaimIn(t, checkoutId);
    const now = new Date();
    const eightDaysAgo = new Date(now.getTime() - 8 * DAY_MS).toISOString();
    const { rowId } = await t.subscriptionRow({
      recurrenteId: "su_late0001",
      status: "past_due",
      pastDueSince: eightDaysAgo,
      checkoutId,
    });

    expect((await t.api("PUT", "/billing/settings", { graceDays: 10 })).status).toBe(200);
    expect(await applyGrace(fakeEnv, t.db, t.ws.id, now)).toEqual({ offline: 0, online: 0 });
    expect(await offlineAt()).toBeNull();

    expect((await t.api("PUT", "/billing/settings", { graceDays: 7 })).status).toBe(200);
    expect(await applyGrace(fakeEnv, t.db, t.ws.id, now)).toEqual({ offline: 1, online: 0 });
    expect(await offlineAt()).toBe(now.getTime());
    // Already offline: a second check changes nothing.
    expect(await applyGrace(fakeEnv, t.db, t.ws.id, new Date(now.getTime() + 3_600_000))).toEqual({
      offline: 0,
      online: 0,
    });

    await t.billing.subscriptions.room.patchRow(
      rowId,
      { [t.billing.subscriptions.keys.status!]: "active", [t.billing.subscriptions.keys.pastDueSince!]: null },
      { kind: "automation", job: "billing" },
    );
    expect(await applyGrace(fakeEnv, t.db, t.ws.id, now)).toEqual({ offline: 0, online: 1 });
    expect(await offlineAt()).toBeNull();
  });
});

describe("Grace period — cancelled subscriptions", { timeout: 30_000 }, () => {
  it("takes offline the site of a subscription Recurrente cancelled for not paying, grace days after it fell behind", async () => {
    const t = await billingWorkspace();
    const checkoutId = `ch_${crypto.randomUUID().slice(0, 12)}`;
    const offlineAt = await paidClaimIn(t, checkoutId);
    const now = new Date();
    // Recurrente cancels after its last retry, five days in: before a 7-day grace period is over.
    await t.subscriptionRow({
      recurrenteId: "su_gone0001",
      status: "cancelled",
      pastDueSince: new Date(now.getTime() - 6 * DAY_MS).toISOString(),
      cancelledAt: new Date(now.getTime() - DAY_MS).toISOString(),
      checkoutId,
    });
    expect(await applyGrace(fakeEnv, t.db, t.ws.id, now)).toEqual({ offline: 0, online: 0 });
    const later = new Date(now.getTime() + 2 * DAY_MS);
    expect(await applyGrace(fakeEnv, t.db, t.ws.id, later)).toEqual({ offline: 1, online: 0 });
    expect(await offlineAt()).toBe(later.getTime());
  });

  it("keeps a cancelled customer's site up to the end of the period paid for", async () => {
    const t = await billingWorkspace();
    const checkoutId = `ch_${crypto.randomUUID().slice(0, 12)}`;
    const offlineAt = await paidClaimIn(t, checkoutId);
    const now = new Date();
    const periodEnd = new Date(now.getTime() + 10 * DAY_MS);
    await t.subscriptionRow({
      recurrenteId: "su_left0001",
      status: "cancelled",
      cancelledAt: now.toISOString(),
      periodEnd: periodEnd.toISOString(),
      checkoutId,
    });
    expect(await applyGrace(fakeEnv, t.db, t.ws.id, now)).toEqual({ offline: 0, online: 0 });
    expect(await offlineAt()).toBeNull();
    const after = new Date(periodEnd.getTime() + 60_000);
    expect(await applyGrace(fakeEnv, t.db, t.ws.id, after)).toEqual({ offline: 1, online: 0 });
  });
});

describe("Billing on the cron", { timeout: 60_000 }, () => {
  async function fire(cron: string, at: Date) {
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: at.getTime(), cron }), fakeEnv, ctx);
    await waitOnExecutionContext(ctx);
  }

  it("reconciles at 03:00 and checks the grace period once an hour", async () => {
    const t = await billingWorkspace();
    const sub = await t.subscriptionAtFake();
    const { rowId } = await t.subscriptionRow({ recurrenteId: sub.id, status: "paused" });
    await fire(NIGHTLY, new Date());
    expect((await t.cellsOf("subscriptions", rowId)).text("status")).toBe("active");
    expect(await allRows(t.billing.webhookEvents, [])).toHaveLength(1);

    const checkoutId = `ch_${crypto.randomUUID().slice(0, 12)}`;
    const offlineAt = await paidClaimIn(t, checkoutId);
    await t.subscriptionRow({
      recurrenteId: "su_cron0001",
      status: "past_due",
      pastDueSince: new Date(Date.now() - 30 * DAY_MS).toISOString(),
      checkoutId,
    });
    const hour = new Date();
    hour.setUTCMinutes(GRACE_CHECK_MINUTE + 1);
    await fire(EVERY_MINUTE, hour);
    expect(await offlineAt()).toBeNull();
    hour.setUTCMinutes(GRACE_CHECK_MINUTE);
    await fire(EVERY_MINUTE, hour);
    expect(await offlineAt()).toBe(hour.getTime());
  });
});

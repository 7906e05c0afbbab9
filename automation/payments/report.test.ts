import { describe, expect, it } from "vitest";
import { billingReport, mondayOf, type ReportInput, type ReportPayment } from "./report";

const now = new Date("2026-12-06T12:00:00Z"); // a Sunday
const plans: ReportInput["plans"] = [
  { id: "old", monthlyCents: 1900, currency: "USD", active: false },
  { id: "web", monthlyCents: 2900, currency: "USD", active: true },
  { id: "gtq", monthlyCents: 20000, currency: "GTQ", active: true },
];
const paid = (p: Partial<ReportPayment> & Pick<ReportPayment, "amountCents" | "paidAt">): ReportPayment => ({
  subscriptionId: null,
  kind: "setup",
  currency: "USD",
  status: "succeeded",
  ...p,
});

/** Three customers: one long-standing, one new and past due, one who left this month. */
const input: ReportInput = {
  plans,
  customers: [
    { status: "active", lifetimeValueCents: 9900 + 2900 * 3, currency: "USD", firstPaid: "2026-09-01T00:00:00Z" },
    { status: "past_due", lifetimeValueCents: 9900, currency: "USD", firstPaid: "2026-12-01T10:00:00Z" },
    { status: "cancelled", lifetimeValueCents: 9900 + 2900 - 9900, currency: "USD", firstPaid: "2026-10-02T00:00:00Z" },
    { status: null, lifetimeValueCents: 0, currency: null, firstPaid: null },
  ],
  subscriptions: [
    { id: "s1", planId: "web", status: "active", periodStart: "2026-09-01T00:00:00Z", cancelledAt: null },
    { id: "s2", planId: "old", status: "past_due", periodStart: null, cancelledAt: null },
    { id: "s3", planId: "web", status: "cancelled", periodStart: null, cancelledAt: "2026-11-20T00:00:00Z" },
    { id: "s4", planId: "gtq", status: "active", periodStart: null, cancelledAt: null },
    { id: "s5", planId: null, status: "paused", periodStart: null, cancelledAt: null },
  ],
  payments: [
    paid({ subscriptionId: "s1", amountCents: 9900, paidAt: "2026-09-01T00:00:00Z" }),
    paid({ subscriptionId: "s1", kind: "renewal", amountCents: 2900, paidAt: "2026-10-01T00:00:00Z" }),
    paid({ subscriptionId: "s1", kind: "renewal", amountCents: 2900, paidAt: "2026-11-01T00:00:00Z" }),
    paid({ subscriptionId: "s1", kind: "renewal", amountCents: 2900, paidAt: "2026-12-01T00:00:00Z" }),
    paid({ subscriptionId: "s2", amountCents: 9900, paidAt: "2026-12-01T10:00:00Z" }),
    paid({ subscriptionId: "s3", amountCents: 9900, paidAt: "2026-10-02T00:00:00Z", status: "refunded" }),
    paid({ subscriptionId: "s3", kind: "renewal", amountCents: 2900, paidAt: "2026-11-02T00:00:00Z" }),
    paid({ subscriptionId: "s3", kind: "refund", amountCents: -9900, paidAt: "2026-11-15T00:00:00Z" }),
    paid({ subscriptionId: "s2", kind: "renewal", amountCents: 2900, paidAt: null, status: "failed" }),
    paid({ subscriptionId: "s4", amountCents: 50000, currency: "GTQ", paidAt: "2026-12-02T00:00:00Z" }),
  ],
  claims: [
    { state: "paid", checkoutOpened: true, setupCents: 9900, currency: "USD" },
    { state: "paid", checkoutOpened: true, setupCents: 9900, currency: "USD" },
    { state: "paid", checkoutOpened: true, setupCents: 9900, currency: "USD" },
    { state: "failed", checkoutOpened: true, setupCents: 9900, currency: "USD" },
    { state: "open", checkoutOpened: true, setupCents: 9900, currency: "USD" },
    { state: "creating", checkoutOpened: false, setupCents: 9900, currency: "USD" },
  ],
  pitched: 40,
  now,
};

describe("billing report", () => {
  const report = billingReport(input);

  it("counts in the offered plan's currency and leaves other-currency payments out, counted", () => {
    expect(report.currency).toBe("USD");
    expect(report.otherCurrencyPayments).toBe(1);
  });

  it("sums the monthly price of active and past-due subscriptions as MRR, each at its own plan", () => {
    // s1 at 29.00 and s2 at the old plan's 19.00; the GTQ plan, the paused and the cancelled ones are left out.
    expect(report.mrrCents).toBe(2900 + 1900);
  });

  it("counts customers by status and averages the lifetime value of those who paid", () => {
    expect(report.activeCustomers).toBe(1);
    expect(report.pastDueCustomers).toBe(1);
    expect(report.averageLifetimeValueCents).toBe(Math.round((18600 + 9900 + 2900) / 3));
  });

  it("takes setup fees as collected (a refunded one too) and refunds apart", () => {
    expect(report.setupFeesCents).toBe(9900 * 3);
    expect(report.refundsCents).toBe(9900);
  });

  it("measures churn as cancelled in 30 days over subscriptions active at its start", () => {
    // Active on Nov 6: s1 (since Sep 1) and s3 (first paid Oct 2); s2 began in December.
    expect(report.churn).toEqual({ cancelled30d: 1, rate: 0.5 });
  });

  it("lays out 12 Monday weeks and 12 months, oldest first, with claims and revenue less refunds", () => {
    expect(report.claimsPerWeek).toHaveLength(12);
    // Claims are counted when their setup fee is paid, in any currency: two in the last week.
    expect(report.claimsPerWeek.at(-1)).toEqual({ week: "2026-11-30", claims: 2 });
    expect(report.claimsPerWeek[0]!.week).toBe("2026-09-14");
    expect(report.claimsPerWeek.reduce((n, w) => n + w.claims, 0)).toBe(3); // Sep 1 is before the window
    expect(report.revenueByMonth.map((m) => m.month)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    const month = (m: string) => report.revenueByMonth.find((r) => r.month === m)!.cents;
    expect(month("2026-09")).toBe(9900);
    expect(month("2026-10")).toBe(2900 + 9900);
    expect(month("2026-11")).toBe(2900 + 2900 - 9900);
    expect(month("2026-12")).toBe(2900 + 9900);
  });

  it("follows pitched → claimed (a checkout opened) → paid", () => {
    expect(report.funnel).toEqual({ pitched: 40, claimed: 5, paid: 3 });
  });

  it("answers zeros for a workspace with nothing yet, in the default plan's currency", () => {
    const empty = billingReport({
      plans: [],
      customers: [],
      subscriptions: [],
      payments: [],
      claims: [],
      pitched: 0,
      now,
    });
    expect(empty).toMatchObject({ currency: "USD", mrrCents: 0, churn: { cancelled30d: 0, rate: 0 } });
    expect(empty.claimsPerWeek.every((w) => w.claims === 0)).toBe(true);
  });

  it("finds the Monday of a week in UTC", () => {
    expect(mondayOf(Date.parse("2026-12-06T23:59:00Z"))).toBe("2026-11-30");
    expect(mondayOf(Date.parse("2026-11-30T00:00:00Z"))).toBe("2026-11-30");
  });
});

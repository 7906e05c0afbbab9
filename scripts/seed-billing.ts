/**
 * The demo workspace's billing tables (Plans, Customers, Subscriptions, Payments, Webhook
 * events), with the default plan (a setup fee and a monthly price) in Plans, so its published
 * site's claim page has a plan to offer. Runs once: later starts find the Plans table.
 */
import { PAYMENTS_KINDS } from "../schema/payments-tables";
import type { PlanList } from "../worker/payments/plans";
import { seedThroughApi } from "./seed-api";

export function seedDemoBilling(port: number): Promise<void> {
  return seedThroughApi(port, { label: "billing", kind: PAYMENTS_KINDS.plans }, async (call) => {
    const { plans } = (await call("GET", "/billing/plans")) as unknown as PlanList;
    const names = plans.map((p) => `${p.name} (${p.currency} ${p.setupCents / 100} + ${p.monthlyCents / 100}/month)`);
    return `Seeded the demo billing tables; plans: ${names.join(", ")}.`;
  });
}

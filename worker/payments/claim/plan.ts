/**
 * The Plans rows as cents, and the plan a claim page offers: the first active row of the
 * workspace's Plans table (made with the default plan the first time billing is used) that has a
 * monthly price. The table holds major units (99.00); Recurrente charges cents.
 */
import { CURRENCIES, type Currency } from "../../../schema/payments-tables";
import type { Db } from "../../db";
import { reader } from "../../kinds/tables";
import { type Billing, ensureBilling } from "../tables";

export type Plan = {
  planId: string;
  name: string;
  description: string;
  setupCents: number;
  monthlyCents: number;
  currency: Currency;
  active: boolean;
};
export type OfferedPlan = Plan;

/** Plans is a short list people keep by hand; the first page of it is all of it. */
const PLANS_READ = 100;

export const NO_PLAN = "No plan is on offer yet: the team has to add an active plan with a monthly price first.";

const toCents = (major: number | null) => (major === null ? 0 : Math.max(0, Math.round(major * 100)));

/** Every Plans row in the table's order; an unknown currency reads as USD. */
export async function readPlans(billing: Billing): Promise<Plan[]> {
  const { rows } = await billing.plans.room.queryRows({ limit: PLANS_READ, offset: 0, sort: [], filters: [] });
  return rows.map((row) => {
    const plan = reader(billing.plans, row.cells);
    const active = plan.get("active");
    const currency = plan.text("currency");
    return {
      planId: row.id,
      name: plan.text("name") || "Website",
      description: plan.text("description"),
      setupCents: toCents(plan.number("setupFee")),
      monthlyCents: toCents(plan.number("monthlyPrice")),
      currency: (CURRENCIES as readonly string[]).includes(currency) ? (currency as Currency) : "USD",
      active: active === true || active === 1,
    };
  });
}

export const firstOffered = (plans: Plan[]) => plans.find((p) => p.active && p.monthlyCents > 0) ?? null;

/** The plan a claim buys, or null when the Plans table has no active plan with a monthly price. */
export async function offeredPlan(env: Env, db: Db, workspaceId: string): Promise<OfferedPlan | null> {
  return firstOffered(await readPlans(await ensureBilling(env, db, workspaceId, null)));
}

/**
 * An amount in cents as people read it.
 * @example money(9900, "USD") // "USD 99.00"
 */
export const money = (cents: number, currency: string) => `${currency} ${(cents / 100).toFixed(2)}`;

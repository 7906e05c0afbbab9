/**
 * `GET /api/billing/plans`: the workspace's Plans rows in cents, and which one a claim page
 * offers. The billing tables are made here on first use (with the default plan), which takes an
 * editor; a viewer reads them once they exist. The demo seed calls it.
 */
import { Hono } from "hono";
import { can } from "../../schema/roles";
import type { AppEnv } from "../api/context";
import { fail } from "../api/errors";
import { workspaceFor } from "../api/tables";
import { firstOffered, type Plan, readPlans } from "./claim/plan";
import { ensureBilling, findBilling } from "./tables";

export type PlanList = { tableId: string; plans: Plan[]; offeredPlanId: string | null };

export const planRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const access = await workspaceFor(c, "read");
  const db = c.get("db");
  const found = await findBilling(c.env, db, access.workspace.id);
  if (!found && !can(access.role, "write"))
    fail(404, "Billing is not set up in this workspace yet: an editor opening it makes its tables");
  const billing = found ?? (await ensureBilling(c.env, db, access.workspace.id, null));
  const plans = await readPlans(billing);
  return c.json({
    tableId: billing.ids.plans,
    plans,
    offeredPlanId: firstOffered(plans)?.planId ?? null,
  } satisfies PlanList);
});

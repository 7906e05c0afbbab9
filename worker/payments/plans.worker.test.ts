import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN } from "../../schema/payments-tables";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import type { PlanList } from "./plans";

describe("billing plans API", { timeout: 30_000 }, () => {
  it("makes the billing tables with the default plan for an editor, and lets a viewer read them afterwards", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const viewer = await memberWithRole(owner, base, "viewer");
    const path = `/api/billing/plans?workspace=${ws.slug}`;
    const before = await call(viewer, "GET", path);
    expect(before.status).toBe(404);

    const made = await json<PlanList>(await call(owner, "GET", path));
    expect(made.plans).toEqual([
      {
        planId: made.offeredPlanId,
        name: DEFAULT_PLAN.name,
        description: DEFAULT_PLAN.description,
        setupCents: 9900,
        monthlyCents: 2900,
        currency: "USD",
        active: true,
      },
    ]);
    const tables = await json<{ id: string; name: string }[]>(
      await call(owner, "GET", `/api/tables?workspace=${ws.slug}`),
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Plans", "Customers", "Subscriptions", "Payments", "Webhook events"]),
    );
    expect(await json<PlanList>(await call(viewer, "GET", path))).toEqual(made);
  });
});

describe("billing tables — made once", { timeout: 30_000 }, () => {
  it("seeds the default plan once when several requests make the billing tables at the same moment", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const path = `/api/billing/plans?workspace=${ws.slug}`;
    const answers = await Promise.all([1, 2, 3, 4].map(() => call(owner, "GET", path)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const { plans } = await json<PlanList>(await call(owner, "GET", path));
    expect(plans.map((p) => p.name)).toEqual([DEFAULT_PLAN.name]);
  });
});

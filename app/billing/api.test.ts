import { describe, expect, it } from "vitest";
import { billingApi, billingTableIds } from "./api";

describe("revenue dashboard — billing tables and paths", () => {
  it("links the Customers, Subscriptions and Payments grids by what they are, whatever they are called", () => {
    const ids = billingTableIds({
      plans: "t1",
      customers: "t2",
      subscriptions: "t3",
      payments: "t4",
      webhookEvents: "t5",
    });
    expect(ids).toEqual({ customers: "t2", subscriptions: "t3", payments: "t4" });
  });

  it("links no grid before billing was used", () => {
    expect(billingTableIds(null)).toEqual({});
  });

  it("names the workspace in every billing path", () => {
    expect(billingApi("la esquina", "/api/payments", { limit: "10" })).toBe(
      "/api/payments?workspace=la+esquina&limit=10",
    );
  });
});

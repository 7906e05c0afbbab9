import { describe, expect, it } from "vitest";
import { billingApi, billingTableIds } from "./api";

describe("revenue dashboard — billing tables and paths", () => {
  it("finds the Customers, Subscriptions and Payments grids among the workspace's tables", () => {
    const ids = billingTableIds([
      { id: "t1", name: "Businesses" },
      { id: "t2", name: "Customers" },
      { id: "t3", name: "Subscriptions" },
      { id: "t4", name: "Payments" },
      { id: "t5", name: "Webhook events" },
    ]);
    expect(ids).toEqual({ customers: "t2", subscriptions: "t3", payments: "t4" });
  });

  it("links no grid the workspace does not have", () => {
    expect(billingTableIds([{ id: "t1", name: "Businesses" }])).toEqual({});
  });

  it("names the workspace in every billing path", () => {
    expect(billingApi("la esquina", "/api/payments", { limit: "10" })).toBe(
      "/api/payments?workspace=la+esquina&limit=10",
    );
  });
});

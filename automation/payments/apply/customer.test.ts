import { describe, expect, it } from "vitest";
import { customerStatus, lifetimeValue } from "./customer";

describe("lifetimeValue", () => {
  it("sums succeeded payments less refunds, to the cent", () => {
    const payments = [
      { amount: 128, status: "succeeded" },
      { amount: 29.1, status: "succeeded" },
      { amount: 29.2, status: "refunded" },
      { amount: -29.2, status: "succeeded" },
      { amount: 29, status: "failed" },
      { amount: 29, status: "pending" },
    ];
    expect(lifetimeValue(payments)).toBe(157.1);
    expect(lifetimeValue([])).toBe(0);
  });
});

describe("customerStatus", () => {
  it("is the best standing among the customer's subscriptions", () => {
    expect(customerStatus(["cancelled", "active"])).toBe("active");
    expect(customerStatus(["past_due", "paused"])).toBe("past_due");
    expect(customerStatus(["paused"])).toBe("paused");
    expect(customerStatus(["cancelled", "unable_to_start"])).toBe("cancelled");
  });

  it("is active for a customer who just paid, before their subscription is known", () => {
    expect(customerStatus([])).toBe("active");
    expect(customerStatus([null, "pending"])).toBe("active");
  });
});

import { describe, expect, it } from "vitest";
import { amountFlag, paymentKind } from "./payment-kind";

const none = { refund: false, claimCheckout: false, claimPaidByOther: false, subscriptionKnown: false };
const CLAIM = { setupCents: 9900, monthlyCents: 2900, currency: "USD" };

describe("paymentKind", () => {
  it("calls a claim checkout's first payment the setup, a known subscription's later one a renewal", () => {
    expect(paymentKind({ ...none, claimCheckout: true })).toBe("setup");
    expect(paymentKind({ ...none, claimCheckout: true, claimPaidByOther: true, subscriptionKnown: true })).toBe(
      "renewal",
    );
    expect(paymentKind({ ...none, subscriptionKnown: true })).toBe("renewal");
    expect(paymentKind({ ...none, refund: true })).toBe("refund");
  });

  it("owns no payment for a checkout we never made and a subscription we do not know", () => {
    expect(paymentKind(none)).toBeNull();
    expect(paymentKind({ ...none, claimCheckout: true, claimPaidByOther: true })).toBeNull();
  });
});

describe("amountFlag", () => {
  it("passes the setup fee plus the first month, and a renewal of the monthly price", () => {
    expect(amountFlag(CLAIM, "setup", 12800, "USD")).toBeNull();
    expect(amountFlag(CLAIM, "renewal", 2900, "USD")).toBeNull();
  });

  it("flags another amount or currency, saying both", () => {
    expect(amountFlag(CLAIM, "setup", 100, "USD")).toBe("Charged 1.00 USD; the claim asked for 128.00 USD");
    expect(amountFlag(CLAIM, "setup", 12800, "GTQ")).toBe("Charged 128.00 GTQ; the claim asked for 128.00 USD");
    expect(amountFlag(CLAIM, "renewal", 9900, "USD")).toBe("Charged 99.00 USD; the plan's monthly price is 29.00 USD");
  });
});

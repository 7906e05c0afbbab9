import { describe, expect, it } from "vitest";
import { nextSubscriptionState, requestDone } from "./subscription-state";

const T1 = "2026-12-01T10:00:00.000Z";
const T2 = "2026-12-02T10:00:00.000Z";
const T3 = "2026-12-03T10:00:00.000Z";

describe("nextSubscriptionState", () => {
  it("starts a new subscription in what Recurrente says", () => {
    expect(nextSubscriptionState({ status: null, statusAt: null }, { status: "active", at: T1 })).toEqual({
      change: true,
      status: "active",
      statusAt: T1,
      pastDueSince: undefined,
      cancelledAt: undefined,
    });
  });

  it("marks when it fell past due, and clears that when it is paid up", () => {
    const late = nextSubscriptionState({ status: "active", statusAt: T1 }, { status: "past_due", at: T2 });
    expect(late).toMatchObject({ change: true, status: "past_due", pastDueSince: T2 });
    const paid = nextSubscriptionState({ status: "past_due", statusAt: T2 }, { status: "active", at: T3 });
    expect(paid).toMatchObject({ change: true, status: "active", pastDueSince: null });
  });

  it("never lets an older event overwrite a newer state", () => {
    expect(nextSubscriptionState({ status: "past_due", statusAt: T2 }, { status: "active", at: T1 })).toEqual({
      change: false,
      reason: `an older event than the row's state (${T2})`,
    });
  });

  it("keeps a cancelled subscription cancelled, whatever comes after", () => {
    const row = { status: "cancelled" as const, statusAt: T1 };
    expect(nextSubscriptionState(row, { status: "active", at: T3 })).toMatchObject({ change: false });
  });

  it("records when it was cancelled", () => {
    const next = nextSubscriptionState({ status: "paused", statusAt: T1 }, { status: "cancelled", at: T2 });
    expect(next).toMatchObject({ change: true, cancelledAt: T2, pastDueSince: undefined });
  });

  it("changes nothing when the state is already the one Recurrente says (a redelivery)", () => {
    expect(nextSubscriptionState({ status: "active", statusAt: T1 }, { status: "active", at: T2 })).toEqual({
      change: false,
      reason: "already active",
    });
  });
});

describe("requestDone", () => {
  it("clears a request once its status is reached, not before", () => {
    expect(requestDone("cancel requested", "cancelled")).toBe(true);
    expect(requestDone("pause requested in Recurrente", "paused")).toBe(true);
    expect(requestDone("Resume requested", "active")).toBe(true);
    expect(requestDone("cancel requested", "past_due")).toBe(false);
    expect(requestDone("", "active")).toBe(false);
  });
});

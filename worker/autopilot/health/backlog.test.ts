import { describe, expect, it } from "vitest";
import { backlogOutcome } from "./backlog";

const now = new Date("2026-12-07T12:00:00Z");

describe("Autopilot health — our own backlog", () => {
  it("is ok with nothing waiting", () => {
    expect(backlogOutcome([{ what: "messages queued", count: 0, oldestAt: null }], now)).toEqual({
      light: "ok",
      detail: "nothing waiting",
    });
  });

  it("lists what waits with the oldest's age, ok while it is recent", () => {
    const outcome = backlogOutcome(
      [
        { what: "sites queued or generating", count: 3, oldestAt: null },
        { what: "messages queued", count: 2, oldestAt: "2026-12-07T11:48:00Z" },
      ],
      now,
    );
    expect(outcome).toEqual({
      light: "ok",
      detail: "3 sites queued or generating, 2 messages queued (oldest 12 min)",
    });
  });

  it("warns when the oldest has waited more than 30 minutes", () => {
    const outcome = backlogOutcome([{ what: "scrapes running", count: 1, oldestAt: "2026-12-07T11:29:00Z" }], now);
    expect(outcome).toEqual({ light: "warning", detail: "1 scrapes running (oldest 31 min)" });
  });
});

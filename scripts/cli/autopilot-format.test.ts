/** What `rowpilot autopilot` prints for a phase, a cycle and a status. */
import { describe, expect, it } from "vitest";
import { AutopilotSettings, type AutopilotStatus } from "../../schema/autopilot";
import { cycleLine, phaseLine, statusLines } from "./autopilot-format";

const cycle = {
  id: "cyc_mabc12345",
  status: "finished" as const,
  trigger: "cli" as const,
  startedAt: "2026-12-07T04:00:00.000Z",
  error: null,
  phases: [
    { name: "scraping" as const, done: 12, failed: 1, skipped: 3, error: null },
    { name: "generation" as const, done: 0, failed: 0, skipped: 0, error: "Gave up after 3 tries: 500" },
  ],
};

describe("rowpilot autopilot — printing", () => {
  it("prints a phase's figures, and its error when it has one", () => {
    expect(phaseLine(cycle.phases[0]!)).toBe("✓ scraping   12 done, 1 failed, 3 skipped");
    expect(phaseLine(cycle.phases[1]!)).toBe("✗ generation 0 done, 0 failed, 0 skipped — Gave up after 3 tries: 500");
  });

  it("prints a cycle's totals on one line", () => {
    expect(cycleLine(cycle)).toBe("cyc_mabc12345  finished cli      2026-12-07 04:00 UTC  12 done, 1 failed");
  });

  it("prints the switch, schedules, cycles, health, open alerts and spend", () => {
    const status: AutopilotStatus = {
      settings: AutopilotSettings.parse({ enabled: true, budgets: { anthropic: 5 } }),
      nextRuns: [
        { schedule: "sending", enabled: false, everyMinutes: 30, lastRunAt: null, nextRunAt: null },
        {
          schedule: "health",
          enabled: true,
          everyMinutes: 5,
          lastRunAt: "2026-12-07T04:00:00.000Z",
          nextRunAt: "2026-12-07T04:05:00.000Z",
        },
      ],
      running: null,
      cycles: [{ ...cycle, finishedAt: null, pending: [], rowId: null }],
      health: [
        { name: "anthropic", light: "down", detail: "401 from Anthropic", checkedAt: "2026-12-07T04:00:00.000Z" },
      ],
      alerts: [
        {
          key: "provider-down:anthropic",
          kind: "provider-down",
          message: "Anthropic failed two checks",
          raisedAt: "2026-12-07T04:00:00.000Z",
          clearedAt: null,
        },
        { key: "budget-reached", kind: "budget-reached", message: "old", raisedAt: "x", clearedAt: "y" },
      ],
      spend: [{ provider: "anthropic", spent: 5, budget: 5, reached: true }],
      cyclesTableId: null,
    };
    const text = statusLines(status).join("\n");
    expect(text).toContain("Autopilot: on");
    expect(text).toMatch(/sending\s+off\s+last —, next —/);
    expect(text).toMatch(/health\s+every 5 min\s+last 2026-12-07 04:00 UTC, next 2026-12-07 04:05 UTC/);
    expect(text).toContain("cyc_mabc12345");
    expect(text).toMatch(/anthropic\s+down\s+401 from Anthropic/);
    expect(text).toContain("provider-down:anthropic: Anthropic failed two checks");
    expect(text).not.toContain("old");
    expect(text).toContain("Spend today: anthropic $5.00 of $5.00 (reached)");
  });
});

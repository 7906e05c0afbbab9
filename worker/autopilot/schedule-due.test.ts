/** Which autopilot schedules the cron finds due, what it runs for them, and when each runs next. */
import { describe, expect, it } from "vitest";
import { AutopilotSettings } from "../../schema/autopilot";
import { CRON_SLACK_MS, dueSchedules, nextRuns, planFor, schedulesCoveredBy } from "./schedule-due";

const MINUTE = 60_000;
const now = new Date("2026-12-07T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
const on = AutopilotSettings.parse({ enabled: true });

describe("autopilot schedules — due", () => {
  it("finds every enabled schedule due when none has run", () => {
    expect(dueSchedules(on, {}, now)).toEqual(["scraping", "generation", "sending", "health", "cleanup"]);
  });

  it("finds a schedule due once its interval has passed, allowing for a cron that fires a little early", () => {
    const last = {
      scraping: ago(359),
      generation: ago(60),
      sending: new Date(ago(30).getTime() + CRON_SLACK_MS - 1),
      health: ago(4),
      cleanup: ago(60),
    };
    expect(dueSchedules(on, last, now)).toEqual(["generation", "sending"]);
  });

  it("never finds a switched-off schedule due", () => {
    const settings = AutopilotSettings.parse({
      enabled: true,
      schedules: { scraping: { enabled: false, everyMinutes: 360 } },
    });
    expect(dueSchedules(settings, {}, now)).not.toContain("scraping");
  });
});

describe("autopilot schedules — what runs", () => {
  it("runs health alone, without a cycle, when only health is due", () => {
    expect(planFor(on, ["health"])).toEqual({ kind: "health" });
    expect(planFor(on, [])).toEqual({ kind: "nothing" });
  });

  it("starts a cycle of health then the due schedules' phases in cycle order", () => {
    expect(planFor(on, ["sending", "cleanup", "scraping"])).toEqual({
      kind: "cycle",
      plan: ["health", "cleanup", "scraping", "pitching", "report"],
      covers: ["sending", "cleanup", "scraping", "health"],
    });
  });

  it("counts a cycle as a schedule's run only when it ran all of that schedule's phases", () => {
    expect(schedulesCoveredBy(["health", "cleanup", "scraping", "generation", "pitching", "report"])).toEqual([
      "scraping",
      "generation",
      "sending",
      "health",
      "cleanup",
    ]);
    expect(schedulesCoveredBy(["health", "cleanup", "pitching"])).toEqual(["sending", "health"]);
  });

  it("leaves health out of a cycle when its schedule is off", () => {
    const settings = AutopilotSettings.parse({
      enabled: true,
      schedules: { health: { enabled: false, everyMinutes: 5 } },
    });
    expect(planFor(settings, ["generation"])).toEqual({ kind: "cycle", plan: ["generation"], covers: ["generation"] });
  });
});

describe("autopilot schedules — next runs", () => {
  it("gives each schedule its last run plus its interval, or now when it is overdue or never ran", () => {
    const runs = nextRuns(on, { scraping: ago(60), health: ago(10) }, now);
    expect(runs.find((r) => r.schedule === "scraping")).toEqual({
      schedule: "scraping",
      enabled: true,
      everyMinutes: 360,
      lastRunAt: ago(60).toISOString(),
      nextRunAt: new Date(now.getTime() + 300 * MINUTE).toISOString(),
    });
    expect(runs.find((r) => r.schedule === "health")?.nextRunAt).toBe(now.toISOString());
    expect(runs.find((r) => r.schedule === "cleanup")).toMatchObject({ lastRunAt: null, nextRunAt: now.toISOString() });
  });

  it("gives no next run while autopilot or the schedule is off", () => {
    expect(nextRuns(AutopilotSettings.parse({}), {}, now).every((r) => r.nextRunAt === null)).toBe(true);
    const settings = AutopilotSettings.parse({
      enabled: true,
      schedules: { sending: { enabled: false, everyMinutes: 30 } },
    });
    expect(nextRuns(settings, {}, now).find((r) => r.schedule === "sending")).toMatchObject({
      enabled: false,
      nextRunAt: null,
    });
  });
});

import { describe, expect, it } from "vitest";
import { dueFirings, nextDueAt } from "./due";

const CRONS = ["* * * * *", "0 3 * * *"];
const t = (iso: string) => new Date(iso);

describe("local cron — when the Worker's crons are due", () => {
  it("fires the every-minute cron once its minute has come, and not before", () => {
    expect(dueFirings(CRONS, t("2026-12-01T10:04:00Z"), t("2026-12-01T10:04:59.999Z"))).toEqual([]);
    expect(dueFirings(CRONS, t("2026-12-01T10:04:00Z"), t("2026-12-01T10:05:00Z"))).toEqual([
      { cron: "* * * * *", at: t("2026-12-01T10:05:00Z") },
    ]);
    expect(dueFirings(CRONS, t("2026-12-01T10:04:30Z"), t("2026-12-01T10:05:00.400Z"))).toEqual([
      { cron: "* * * * *", at: t("2026-12-01T10:05:00Z") },
    ]);
  });

  it("fires a due minute at most once, however often it is asked", () => {
    const first = dueFirings(CRONS, t("2026-12-01T10:04:59Z"), t("2026-12-01T10:05:00.002Z"));
    const again = dueFirings(CRONS, t("2026-12-01T10:05:00.002Z"), t("2026-12-01T10:05:30Z"));
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
  });

  it("fires the daily cron at 03:00 UTC along with the minute's", () => {
    expect(dueFirings(CRONS, t("2026-12-01T02:59:10Z"), t("2026-12-01T03:00:01Z"))).toEqual([
      { cron: "* * * * *", at: t("2026-12-01T03:00:00Z") },
      { cron: "0 3 * * *", at: t("2026-12-01T03:00:00Z") },
    ]);
  });

  it("fires missed minutes once, at the latest one, after the machine slept", () => {
    expect(dueFirings(CRONS, t("2026-12-01T01:10:00Z"), t("2026-12-01T05:42:20Z"))).toEqual([
      { cron: "* * * * *", at: t("2026-12-01T05:42:00Z") },
      { cron: "0 3 * * *", at: t("2026-12-01T03:00:00Z") },
    ]);
  });

  it("says when the next tick is due: the soonest of the crons", () => {
    expect(nextDueAt(CRONS, t("2026-12-01T10:04:59.500Z"))).toEqual(t("2026-12-01T10:05:00Z"));
    expect(nextDueAt(CRONS, t("2026-12-01T10:05:00Z"))).toEqual(t("2026-12-01T10:06:00Z"));
    expect(nextDueAt(["0 3 * * *"], t("2026-12-01T10:05:00Z"))).toEqual(t("2026-12-02T03:00:00Z"));
    expect(nextDueAt([], t("2026-12-01T10:05:00Z"))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { dailyReport, dayBefore, dayBounds, failuresText, reportEmail } from "./figures";

const base = { day: "2026-12-06", done: {}, events: {}, claimed: 0, paid: 0, spend: {}, cycles: [] };

describe("Daily report — figures", () => {
  it("counts each stage from what the cycles finished, with retries counted as their stage", () => {
    const report = dailyReport({
      ...base,
      done: { scrape: 4, qualify: 60, generate: 5, "retry-site": 2, publish: 6, pitch: 10, send: 9, "retry-pitch": 1 },
      events: { opened: 5, clicked: 2, replied: 1 },
      claimed: 2,
      paid: 1,
    });
    expect(report).toMatchObject({
      scraped: 4,
      qualified: 60,
      generated: 7,
      published: 6,
      pitched: 10,
      opened: 5,
      clicked: 2,
      replied: 1,
      claimed: 2,
      paid: 1,
    });
  });

  it("adds spend across providers to the cent and lists only providers that cost", () => {
    const report = dailyReport({ ...base, spend: { outscraper: 1.204, anthropic: 0.3, email: 0 } });
    expect(report.spend).toBe(1.5);
    expect(report.spendByProvider).toEqual({ outscraper: 1.2, anthropic: 0.3 });
  });

  it("sums failures by phase and cause over the day's cycles, most first", () => {
    const phase = (name: "generation" | "pitching", causes: Record<string, number>) => ({
      name,
      done: 0,
      failed: 0,
      skipped: 0,
      error: null,
      causes,
    });
    const report = dailyReport({
      ...base,
      cycles: [
        [phase("generation", { "quality checks": 1 }), phase("pitching", { "no email": 2 })],
        [phase("pitching", { "no email": 3 })],
      ],
    });
    expect(failuresText(report)).toBe("pitching: no email × 5\ngeneration: quality checks × 1");
    expect(failuresText(dailyReport(base))).toBe("none");
  });

  it("writes an email an owner can read at a glance", () => {
    const { subject, text } = reportEmail(dailyReport({ ...base, done: { scrape: 3 }, spend: { outscraper: 2 } }));
    expect(subject).toBe("Autopilot daily report, 2026-12-06");
    expect(text).toContain("Scraped 3");
    expect(text).toContain("Spend $2.00 (outscraper $2.00)");
    expect(text).toContain("Failures by cause:\nnone");
  });

  it("reports the UTC day before, whatever the hour", () => {
    expect(dayBefore(new Date("2026-12-07T00:05:00Z"))).toBe("2026-12-06");
    expect(dayBefore(new Date("2026-03-01T23:59:00Z"))).toBe("2026-02-28");
    expect(dayBounds("2026-12-06")).toEqual({
      start: new Date("2026-12-06T00:00:00Z"),
      end: new Date("2026-12-07T00:00:00Z"),
    });
  });
});

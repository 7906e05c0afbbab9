import { describe, expect, it } from "vitest";
import type { PipelineStage } from "../../../schema/autopilot";
import { EMPTY_ROWS, type PipelineRows, pipelineAnswer, THROUGHPUT_DAYS } from ".";

const NOW = new Date("2026-03-10T12:00:00Z");
const TABLES = {
  territories: "t_terr",
  businesses: "t_biz",
  sites: "t_sites",
  messages: "t_msgs",
  claims: "t_claims",
  customers: "t_cust",
};

const sent = (siteId: string, status: string, opened: string | null = null) => ({
  direction: "out",
  status,
  siteId,
  sentAt: "2026-03-09T10:00:00Z",
  firstOpenedAt: opened,
});

/** Four businesses through the pipeline: one paid, one claimed, one pitched and opened, one in review. */
const ROWS: PipelineRows = {
  tables: TABLES,
  territories: [
    { status: "pending", lastScraped: null, cooldownUntil: null },
    { status: "cooldown", lastScraped: "2026-03-01T00:00:00Z", cooldownUntil: "2026-03-08T00:00:00Z" },
    { status: "cooldown", lastScraped: "2026-03-09T00:00:00Z", cooldownUntil: "2026-03-20T00:00:00Z" },
  ],
  businesses: [
    { leadStatus: "customer", qualified: true },
    { leadStatus: "claimed", qualified: true },
    { leadStatus: "pitched", qualified: true },
    { leadStatus: "site generated", qualified: true },
    { leadStatus: "qualified", qualified: true },
    // Scored as a lead, not yet made one; and one its score leaves out.
    { leadStatus: "new", qualified: true },
    { leadStatus: "new", qualified: false },
    { leadStatus: "disqualified", qualified: false },
  ],
  runs: [
    { at: "2026-03-10T01:00:00Z", added: 5 },
    { at: "2026-03-09T01:00:00Z", added: 2 },
    { at: "2026-02-01T01:00:00Z", added: 99 },
  ],
  sites: [
    { id: "s1", status: "claimed", generated: "2026-03-05T00:00:00Z", published: "2026-03-06T00:00:00Z" },
    { id: "s2", status: "published", generated: "2026-03-05T00:00:00Z", published: "2026-03-07T00:00:00Z" },
    { id: "s3", status: "published", generated: "2026-03-06T00:00:00Z", published: "2026-03-08T00:00:00Z" },
    { id: "s4", status: "review", generated: "2026-03-09T00:00:00Z", published: null },
    { id: "s5", status: "queued", generated: null, published: null },
  ],
  messages: [
    sent("s1", "replied", "2026-03-09T11:00:00Z"),
    sent("s2", "opened", "2026-03-09T12:00:00Z"),
    { direction: "in", status: "replied", siteId: "s1", sentAt: "2026-03-09T13:00:00Z", firstOpenedAt: null },
  ],
  claims: [{ siteId: "s1", received: "2026-03-09T14:00:00Z" }],
  customers: [{ siteId: "s1", firstPaid: "2026-03-10T09:00:00Z" }],
};

const stage = (rows: PipelineRows, name: PipelineStage) =>
  pipelineAnswer(rows, NOW).stages.find((s) => s.stage === name)!;

describe("pipeline — the funnel", () => {
  it("counts each stage from territories to paid, in order", () => {
    const counts = pipelineAnswer(ROWS, NOW).stages.map((s) => [s.stage, s.count]);
    expect(counts).toEqual([
      ["territories", 3],
      ["scraped", 8],
      ["qualified", 5],
      ["generated", 4],
      ["published", 3],
      ["pitched", 2],
      ["opened", 2],
      ["clicked", 1],
      ["replied", 1],
      ["claimed", 1],
      ["paid", 1],
    ]);
  });

  it("gives each stage's share of the one before, none where the units differ or the one before is empty", () => {
    expect(stage(ROWS, "territories").conversion).toBeNull();
    expect(stage(ROWS, "scraped").conversion).toBeNull();
    expect(stage(ROWS, "qualified").conversion).toBeCloseTo(5 / 8);
    expect(stage(ROWS, "published").conversion).toBeCloseTo(3 / 4);
    expect(stage({ ...ROWS, customers: [], claims: [] }, "paid").conversion).toBeNull();
  });

  it("leaves incoming messages out of the pitches", () => {
    expect(stage(ROWS, "pitched").count).toBe(2);
    expect(stage(ROWS, "replied").count).toBe(1);
  });

  it("links each number to a filter of its table that shows the same rows", () => {
    expect(stage(ROWS, "qualified").link).toEqual({
      tableId: "t_biz",
      filter: {
        columnKey: "leadStatus",
        op: "isAnyOf",
        value: ["qualified", "site generated", "pitched", "claimed", "customer"],
      },
    });
    expect(stage(ROWS, "published").link).toEqual({
      tableId: "t_sites",
      filter: { columnKey: "published", op: "notEmpty" },
    });
    expect(stage(ROWS, "territories").link).toEqual({ tableId: "t_terr", filter: null });
    expect(stage(ROWS, "paid").link?.tableId).toBe("t_cust");
  });
});

describe("pipeline — waiting items", () => {
  it("counts what waits at each stage for the next, with the oldest's time", () => {
    const waiting = Object.fromEntries(
      pipelineAnswer(ROWS, NOW).stages.map((s) => [s.stage, [s.waiting, s.oldestWaitingAt]]),
    );
    expect(waiting).toEqual({
      // Never scraped, and a cooldown that ended on the 8th; the one resting until the 20th is not due.
      territories: [2, "2026-03-08T00:00:00.000Z"],
      scraped: [1, null],
      qualified: [1, null],
      generated: [1, "2026-03-09T00:00:00.000Z"],
      // s3 is published with no pitch; s2 was pitched.
      published: [1, "2026-03-08T00:00:00.000Z"],
      pitched: [0, null],
      opened: [1, "2026-03-09T12:00:00.000Z"],
      clicked: [0, null],
      // s1's reply was claimed, and s1's claim was paid.
      replied: [0, null],
      claimed: [0, null],
      paid: [0, null],
    });
  });

  it("keeps a claim waiting until its site has a paying customer", () => {
    expect(stage({ ...ROWS, customers: [] }, "claimed")).toMatchObject({
      waiting: 1,
      oldestWaitingAt: "2026-03-09T14:00:00.000Z",
    });
  });
});

describe("pipeline — throughput", () => {
  it("counts the last 14 UTC days, today last, items by the day they moved", () => {
    const days = pipelineAnswer(ROWS, NOW).throughput;
    expect(days).toHaveLength(THROUGHPUT_DAYS);
    expect(days[0]!.day).toBe("2026-02-25");
    expect(days.at(-1)).toEqual({ day: "2026-03-10", scraped: 5, generated: 0, published: 0, pitched: 0, paid: 1 });
    expect(days.at(-2)).toEqual({ day: "2026-03-09", scraped: 2, generated: 1, published: 0, pitched: 2, paid: 0 });
    // The February run is older than the window.
    expect(days.reduce((n, d) => n + d.scraped, 0)).toBe(7);
  });
});

describe("pipeline — a workspace without the tables", () => {
  it("answers zeros and no links", () => {
    const answer = pipelineAnswer(EMPTY_ROWS, NOW);
    expect(answer.stages.every((s) => s.count === 0 && s.waiting === 0 && s.link === null)).toBe(true);
    expect(answer.throughput.every((d) => d.scraped + d.generated + d.published + d.pitched + d.paid === 0)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import type { Condition, ConditionItem, NodeOf } from "../../schema/journeys";
import { evaluateCondition, evaluateNodeCondition, type LeadFacts } from "./conditions";

const DAY_MS = 86_400_000;
/** A Monday, 15:30 UTC: 09:30 Monday in Chicago, 00:30 Tuesday in Tokyo. */
const NOW = Date.parse("2026-03-02T15:30:00Z");

const facts = (over: Partial<LeadFacts> = {}): LeadFacts => ({
  row: {
    Name: "Ana Ruiz",
    Email: "ana@example.com",
    Score: 72,
    Revenue: "1200",
    Stage: "Qualified",
    Tags: ["vip", "Texas"],
    "Signed up": "2026-02-01",
    Notes: "",
  },
  events: [
    { type: "opened", at: NOW - 2 * DAY_MS },
    { type: "opened", at: NOW - 40 * DAY_MS },
    { type: "clicked", key: "offer", at: NOW - 1000 },
    { type: "replied", at: NOW + DAY_MS },
  ],
  now: NOW,
  zone: "America/Chicago",
  enteredAt: NOW - 3.5 * DAY_MS,
  engagement: 31,
  channelScores: { email: 4, sms: 1 },
  ...over,
});

const test = (c: Omit<Condition, "type"> & { type?: Condition["type"] }, f = facts()) =>
  evaluateCondition({ type: "property", ...c } as Condition, f);

describe("journeys — property conditions and operators", () => {
  it("equals compares text without case, numbers as numbers and any element of a list", () => {
    expect(test({ field: "Stage", operator: "equals", value: "qualified" })).toBe(true);
    expect(test({ field: "Stage", operator: "equals", value: "new" })).toBe(false);
    expect(test({ field: "Score", operator: "equals", value: "72.0" })).toBe(true);
    expect(test({ field: "Revenue", operator: "equals", value: 1200 })).toBe(true);
    expect(test({ field: "Tags", operator: "equals", value: "VIP" })).toBe(true);
    expect(test({ field: "Tags", operator: "equals", value: "gold" })).toBe(false);
  });

  it("contains finds text case-insensitively and list members", () => {
    expect(test({ field: "Email", operator: "contains", value: "@EXAMPLE" })).toBe(true);
    expect(test({ field: "Email", operator: "contains", value: "gmail" })).toBe(false);
    expect(test({ field: "Tags", operator: "contains", value: "texas" })).toBe(true);
    expect(test({ field: "Tags", operator: "contains", value: "tex" })).toBe(false);
    expect(test({ field: "Name", operator: "contains", value: ["Bob", "ruiz"] })).toBe(true);
  });

  it("greater_than and less_than compare numbers, numeric text and ISO dates", () => {
    expect(test({ field: "Score", operator: "greater_than", value: 50 })).toBe(true);
    expect(test({ field: "Score", operator: "greater_than", value: 72 })).toBe(false);
    expect(test({ field: "Score", operator: "less_than", value: 100 })).toBe(true);
    // As text "1200" < "900"; as numbers it is not.
    expect(test({ field: "Revenue", operator: "greater_than", value: "900" })).toBe(true);
    expect(test({ field: "Signed up", operator: "greater_than", value: "2026-01-15" })).toBe(true);
    expect(test({ field: "Signed up", operator: "less_than", value: "2026-01-15T00:00:00Z" })).toBe(false);
    expect(test({ field: "Name", operator: "greater_than", value: 3 })).toBe(false);
  });

  it("exists means a non-empty value, and not + exists asks for an empty one", () => {
    expect(test({ field: "Email", operator: "exists" })).toBe(true);
    expect(test({ field: "Notes", operator: "exists" })).toBe(false);
    expect(test({ field: "Notes", operator: "exists", not: true })).toBe(true);
  });

  it("matches column names ignoring case", () => {
    expect(test({ field: "stage", operator: "equals", value: "Qualified" })).toBe(true);
  });

  it("a missing column or value makes every operator false", () => {
    for (const operator of ["equals", "contains", "greater_than", "less_than", "exists"] as const) {
      expect(test({ field: "Nope", operator, value: 1 })).toBe(false);
      expect(test({ field: "Notes", operator, value: "" })).toBe(false);
    }
    expect(test({ field: "Score", operator: "equals" })).toBe(false);
  });

  it("not negates a test", () => {
    expect(test({ field: "Stage", operator: "equals", value: "qualified", not: true })).toBe(false);
    expect(test({ field: "Stage", operator: "equals", value: "new", not: true })).toBe(true);
  });
});

describe("journeys — behaviour, time and engagement conditions", () => {
  it("counts the lead's events up to now, within a window when given", () => {
    expect(test({ type: "behavior", field: "opened", operator: "equals", value: 2 })).toBe(true);
    expect(test({ type: "behavior", field: "opened", operator: "equals", value: 1, withinDays: 30 })).toBe(true);
    expect(test({ type: "behavior", field: "clicked", operator: "exists" })).toBe(true);
    // The reply is after `now`: it has not happened yet.
    expect(test({ type: "behavior", field: "replied", operator: "exists" })).toBe(false);
    expect(test({ type: "behavior", field: "claimed", operator: "exists", not: true })).toBe(true);
    expect(test({ type: "behavior", field: "opened", operator: "greater_than", value: 1 })).toBe(true);
  });

  it("reads hour, weekday and date in the lead's zone", () => {
    const chicago = facts({ zone: "America/Chicago" });
    const tokyo = facts({ zone: "Asia/Tokyo" });
    expect(test({ type: "time", field: "hour", operator: "equals", value: 9 }, chicago)).toBe(true);
    expect(test({ type: "time", field: "hour", operator: "equals", value: 0 }, tokyo)).toBe(true);
    expect(test({ type: "time", field: "weekday", operator: "equals", value: 1 }, chicago)).toBe(true);
    expect(test({ type: "time", field: "weekday", operator: "equals", value: 2 }, tokyo)).toBe(true);
    expect(test({ type: "time", field: "date", operator: "equals", value: "2026-03-02" }, chicago)).toBe(true);
    expect(test({ type: "time", field: "date", operator: "equals", value: "2026-03-03" }, tokyo)).toBe(true);
    expect(test({ type: "time", field: "date", operator: "greater_than", value: "2026-03-02" }, tokyo)).toBe(true);
  });

  it("reads an invalid zone as UTC rather than failing", () => {
    expect(test({ type: "time", field: "hour", operator: "equals", value: 15 }, facts({ zone: "Mars/Olympus" }))).toBe(
      true,
    );
  });

  it("counts whole days in the journey; an unknown time field is false", () => {
    expect(test({ type: "time", field: "days_in_journey", operator: "equals", value: 3 })).toBe(true);
    expect(test({ type: "time", field: "minute", operator: "exists" })).toBe(false);
  });

  it("reads the engagement score and a channel's score; missing ones are false", () => {
    expect(test({ type: "engagement", field: "score", operator: "greater_than", value: 30 })).toBe(true);
    expect(test({ type: "engagement", field: "email", operator: "equals", value: 4 })).toBe(true);
    expect(test({ type: "engagement", field: "chat", operator: "less_than", value: 10 })).toBe(false);
    expect(test({ type: "engagement", field: "score", operator: "exists" }, facts({ engagement: null }))).toBe(false);
  });
});

describe("journeys — AND / OR groups and formulas", () => {
  const yes: ConditionItem = { type: "property", field: "Stage", operator: "equals", value: "qualified" };
  const no: ConditionItem = { type: "property", field: "Stage", operator: "equals", value: "lost" };

  it("nests all and any to any depth", () => {
    expect(evaluateCondition({ all: [yes, { any: [no, yes] }] }, facts())).toBe(true);
    expect(evaluateCondition({ all: [yes, { any: [no, { all: [yes, no] }] }] }, facts())).toBe(false);
    expect(evaluateCondition({ any: [no, { all: [yes, { formula: "{Score} > 70" }] }] }, facts())).toBe(true);
  });

  it("holds a formula when it is truthy, using the lead's clock", () => {
    expect(evaluateCondition({ formula: '{Stage} = "qualified"' }, facts())).toBe(true);
    expect(evaluateCondition({ formula: "{Score} * 2 < 100" }, facts())).toBe(false);
    expect(evaluateCondition({ formula: 'DATETIME_DIFF(NOW(), {Signed up}, "days") > 20' }, facts())).toBe(true);
  });

  it("treats a formula error as false, never a throw", () => {
    expect(evaluateCondition({ formula: "{Score} / 0" }, facts())).toBe(false);
    expect(evaluateCondition({ formula: "{No such column} = 1" }, facts())).toBe(false);
    expect(evaluateCondition({ formula: "((" }, facts())).toBe(false);
    expect(evaluateCondition({ not: true, formula: "NOPE()" } as ConditionItem, facts())).toBe(false);
  });

  it("a condition node needs each of its parts; one with none answers no", () => {
    const node = (over: Partial<NodeOf<"condition">>): NodeOf<"condition"> => ({ id: "c", kind: "condition", ...over });
    expect(evaluateNodeCondition(node({ all: [yes], formula: "{Score} > 50" }), facts())).toBe(true);
    expect(evaluateNodeCondition(node({ all: [yes], any: [no] }), facts())).toBe(false);
    expect(evaluateNodeCondition(node({ any: [no, yes] }), facts())).toBe(true);
    expect(evaluateNodeCondition(node({}), facts())).toBe(false);
  });
});

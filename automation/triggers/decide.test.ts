import { describe, expect, it } from "vitest";
import { compile, isTruthy } from "../../schema/formula";
import type { Origin } from "../../schema/tables";
import { MAX_CHAIN_DEPTH, TriggerRule } from "../../schema/triggers";
import { type Decision, decide, decideRun, type NamedCells, type TriggerChange, type TriggerState } from "./decide";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const person: Origin = { kind: "user", userId: "u1" };

function rule(overrides: Partial<TriggerRule> = {}): TriggerRule {
  return TriggerRule.parse({
    id: "hot-lead",
    version: 1,
    name: "Contact hot leads",
    when: "{Score} >= 80",
    action: { name: "contact" },
    ...overrides,
  });
}

/** A state that remembers what fired, as the TableRoom's storage does. */
function memory(): TriggerState & { record(d: Decision, at: number): void } {
  const keys = new Set<string>();
  const times: { ruleId: string; at: number }[] = [];
  return {
    hasFired: (key) => keys.has(key),
    firingsSince: (ruleId, since) => times.filter((t) => t.ruleId === ruleId && t.at >= since).length,
    record(d, at) {
      if (d.type !== "fire") return;
      keys.add(d.key);
      times.push({ ruleId: d.key.split("@")[0]!, at });
    },
  };
}

function edit(
  rowId: string,
  before: NamedCells | null,
  after: NamedCells | null,
  origin: Origin = person,
): TriggerChange {
  const changed = Object.keys({ ...before, ...after }).filter((k) => before?.[k] !== after?.[k]);
  return { rowId, changed, before, after, origin };
}

function run(r: TriggerRule, change: TriggerChange, state = memory(), at = NOW): Decision {
  const d = decide(r, compile(r.when), change, state, at);
  state.record(d, at);
  return d;
}

describe("triggers — when a rule fires", () => {
  it("fires when the condition turns true, and not again on later edits while it stays true", () => {
    const state = memory();
    const r = rule();
    expect(run(r, edit("row1", { Score: 50 }, { Score: 85 }), state)).toMatchObject({
      type: "fire",
      key: "hot-lead@1:row1",
    });
    expect(run(r, edit("row1", { Score: 85 }, { Score: 90 }), state)).toMatchObject({ reason: "no_transition" });
  });

  it("fires for a row created already matching, and never for one that does not match", () => {
    expect(run(rule(), edit("new", null, { Score: 95 }))).toMatchObject({ type: "fire" });
    expect(run(rule(), edit("cold", null, { Score: 10 }))).toMatchObject({ reason: "no_transition" });
  });

  it("fires once per row and rule version, and again for the same row once the rule is edited", () => {
    const state = memory();
    run(rule(), edit("row1", { Score: 10 }, { Score: 90 }), state);
    run(rule(), edit("row1", { Score: 90 }, { Score: 10 }), state);
    expect(run(rule(), edit("row1", { Score: 10 }, { Score: 90 }), state)).toMatchObject({ reason: "already_fired" });
    expect(run(rule({ version: 2 }), edit("row1", { Score: 10 }, { Score: 95 }), state)).toMatchObject({
      type: "fire",
    });
  });

  it("looks again only when a watched column changed", () => {
    const r = rule({ when: "AND({Score} >= 80, {Status} = 'open')", watch: ["Status"] });
    expect(run(r, edit("row1", { Score: 10, Status: "open" }, { Score: 90, Status: "open" }))).toMatchObject({
      reason: "not_watched",
    });
    expect(run(r, edit("row1", { Score: 90, Status: "new" }, { Score: 90, Status: "open" }))).toMatchObject({
      type: "fire",
    });
  });

  it("ignores automation writes unless the rule opts in", () => {
    const bot: Origin = { kind: "automation", job: "j1", ruleId: "other", depth: 1 };
    expect(run(rule(), edit("row1", { Score: 0 }, { Score: 99 }, bot))).toMatchObject({ reason: "automation" });
    expect(run(rule({ reactToAutomation: true }), edit("row1", { Score: 0 }, { Score: 99 }, bot))).toMatchObject({
      type: "fire",
      depth: 2,
    });
  });

  it("does not fire on a broken condition, and says why", () => {
    expect(run(rule({ when: "{Score} >= " }), edit("r", null, { Score: 99 }))).toMatchObject({ reason: "broken" });
    expect(run(rule({ when: "{Missing} > 1" }), edit("r", null, { Score: 99 }))).toMatchObject({
      reason: "broken",
      message: expect.stringContaining("#REF!"),
    });
  });

  it("pauses a rule that fires more often than its rate allows", () => {
    const state = memory();
    const r = rule({ ratePerMinute: 3 });
    const fired = Array.from({ length: 5 }, (_, i) => run(r, edit(`row${i}`, null, { Score: 99 }), state, NOW + i));
    expect(fired.map((d) => d.type)).toEqual(["fire", "fire", "fire", "skip", "skip"]);
    expect(run(r, edit("later", null, { Score: 99 }), state, NOW + 61_000)).toMatchObject({ type: "fire" });
  });

  it("stops a loop between two rules that keep answering each other, at the chain limit", () => {
    // A sets Stage to "b" when it is "a"; B sets it back to "a" when it is "b"; both react to automations.
    const a = rule({ id: "a", when: "{Stage} = 'a'", reactToAutomation: true });
    const b = rule({ id: "b", when: "{Stage} = 'b'", reactToAutomation: true });
    const state = memory();
    let origin: Origin = person;
    let stage = "a";
    const log: string[] = [];
    for (let i = 0; i < 20; i++) {
      const next = stage === "a" ? "b" : "a";
      const d = run(stage === "a" ? a : b, edit(`row${i}`, { Stage: next }, { Stage: stage }, origin), state);
      log.push(d.type === "fire" ? "fire" : d.reason);
      if (d.type !== "fire") break;
      origin = { kind: "automation", job: `j${i}`, ruleId: stage, depth: d.depth };
      stage = next;
    }
    expect(log).toEqual([...Array(MAX_CHAIN_DEPTH).fill("fire"), "chain_too_deep"]);
  });
});

describe("triggers — what counts as true", () => {
  it.each([
    [true, true],
    [1, true],
    ["yes", true],
    [["x"], true],
    [false, false],
    [0, false],
    ["  ", false],
    [[], false],
    [null, false],
  ])("%j is %s", (value, expected) => {
    expect(isTruthy(value)).toBe(expected);
  });
});

describe("triggers — scheduled and webhook runs", () => {
  const scheduled = (overrides: Partial<TriggerRule> = {}) =>
    rule({ start: { kind: "schedule", cron: "* * * * *" }, ...overrides });
  const sweep = (r: TriggerRule, rowId: string, row: NamedCells, runId: string, state = memory()) => {
    const d = decideRun(r, compile(r.when), rowId, row, runId, state, NOW);
    state.record(d, NOW);
    return d;
  };

  it("acts on every row where the condition holds, once per run, and again in the next run", () => {
    const state = memory();
    const r = scheduled();
    expect(sweep(r, "row1", { Score: 90 }, "tick-1", state)).toMatchObject({
      type: "fire",
      key: "hot-lead@1/tick-1:row1",
      depth: 1,
    });
    expect(sweep(r, "row2", { Score: 10 }, "tick-1", state)).toMatchObject({ reason: "no_match" });
    expect(sweep(r, "row1", { Score: 90 }, "tick-1", state)).toMatchObject({ reason: "already_fired" });
    expect(sweep(r, "row1", { Score: 90 }, "tick-2", state)).toMatchObject({ type: "fire" });
  });

  it("keeps to the rule's rate across the rows of a run", () => {
    const state = memory();
    const r = scheduled({ ratePerMinute: 2 });
    const decisions = ["a", "b", "c"].map((id) => sweep(r, id, { Score: 99 }, "tick", state));
    expect(decisions.map((d) => d.type)).toEqual(["fire", "fire", "skip"]);
    expect(decisions[2]).toMatchObject({ reason: "rate_limited" });
  });

  it("does not act while turned off or when the condition gives an error", () => {
    expect(sweep(scheduled({ enabled: false }), "row1", { Score: 90 }, "t")).toMatchObject({ reason: "disabled" });
    expect(sweep(scheduled({ when: "1 / {Score} > 0" }), "row1", { Score: 0 }, "t")).toMatchObject({
      reason: "broken",
    });
  });
});

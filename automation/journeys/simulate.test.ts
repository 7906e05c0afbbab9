import { describe, expect, it } from "vitest";
import { JourneyDefinition, type JourneyDefinitionInput, JourneySettings } from "../../schema/journeys";
import { example } from "./example.fixture";
import { MAX_TEST_STEPS, simulate } from "./simulate";

const NOW = Date.parse("2026-03-02T15:30:00Z");
const settings = JourneySettings.parse({});
const row = { Name: "Ana Ruiz", Email: "Ana@Example.com", Phone: "(512) 555-0100", Company: "Ruiz Roofing", Score: 72 };
const run = (def: JourneyDefinition, sample: Parameters<typeof simulate>[1] = { events: [] }, cells = row) =>
  simulate(def, sample, { row: cells, settings, now: NOW });
const steps = (answer: ReturnType<typeof simulate>) => answer.path.map((s) => `${s.at}s ${s.node}: ${s.outcome}`);

describe("journeys — test runs of the issue's example", () => {
  it("takes the click inside the timeout and hands the lead to a person", () => {
    const answer = run(example(), { events: [{ type: "clicked", afterSeconds: 3 }] });
    expect(steps(answer)).toEqual([
      "0s hello: sent (test run)",
      "0s wait1: event: clicked",
      "3s thanks: taken (test run)",
      "3s bye: exit",
    ]);
    expect(answer.ended).toBe("exit");
    expect(answer.messages).toEqual([
      {
        node: "hello",
        channel: "email",
        to: "ana@example.com",
        subject: "Hi Ana Ruiz",
        body: "Welcome, Ana from Ruiz Roofing.",
      },
    ]);
  });

  it("times out without a click, then follows the condition to an SMS for a high score", () => {
    const answer = run(example(), { events: [{ type: "clicked", afterSeconds: 9 }] });
    expect(steps(answer)).toEqual([
      "0s hello: sent (test run)",
      "0s wait1: timed out after 5 s",
      "5s check: yes",
      "5s sms: sent (test run)",
      "5s bye: exit",
    ]);
    expect(answer.messages[1]).toEqual({
      node: "sms",
      channel: "sms",
      to: "+15125550100",
      subject: null,
      body: "Still there, Ana?",
    });
  });

  it("reads the sample's cells over the row: a low score goes to the exit", () => {
    const answer = run(example(), { cells: { Score: 20 }, events: [] });
    expect(steps(answer).slice(2)).toEqual(["5s check: no", "5s bye: exit"]);
    expect(answer.messages).toHaveLength(1);
  });

  it("says when a lead has no address for a channel and follows the fallback edge", () => {
    const def = example((d) => {
      const sms = d.nodes.find((n) => n.id === "sms")!;
      if (sms.kind === "send") sms.fallback = "thanks";
    });
    const answer = run(def, { events: [] }, { ...row, Phone: "" });
    expect(steps(answer).slice(3)).toEqual([
      "5s sms: no address: the row has no Phone",
      "5s thanks: taken (test run)",
      "5s bye: exit",
    ]);
    expect(answer.messages[1]!.to).toBeNull();
  });

  it("shows the AI writer's messages as drafted when the journey runs", () => {
    const def = example((d) => {
      const hello = d.nodes[0]!;
      if (hello.kind === "send") {
        delete hello.template;
        hello.writer = { instructions: "warm" };
      }
    });
    expect(run(def).messages[0]).toMatchObject({ subject: null, body: "(drafted by the AI writer when it runs)" });
  });

  it("leaves when an exit event comes during a wait", () => {
    const def = example((d) => {
      d.exitOn = ["replied"];
    });
    const answer = run(def, { events: [{ type: "replied", afterSeconds: 2 }] });
    expect(steps(answer)).toEqual(["0s hello: sent (test run)", "0s wait1: left: replied (exit criteria)"]);
    expect(answer.ended).toBe("exit");
  });
});

const journey = (nodes: JourneyDefinitionInput["nodes"], start = nodes[0]!.id) =>
  JourneyDefinition.parse({ name: "T", table: "t", entry: { kind: "manual" }, start, nodes });

describe("journeys — test runs of waits, splits and loops", () => {
  it("moves the virtual clock through waits, and conditions see the events done by then", () => {
    const def = journey([
      { id: "w", kind: "wait", seconds: 2 * 86_400, next: "c" },
      {
        id: "c",
        kind: "condition",
        all: [{ type: "behavior", field: "opened", operator: "exists" }],
        yes: "g",
        no: "x",
      },
      { id: "g", kind: "goal" },
      { id: "x", kind: "exit" },
    ]);
    expect(steps(run(def, { events: [{ type: "opened", afterSeconds: 86_400 }] }))).toEqual([
      "0s w: waited 2 days",
      "172800s c: yes",
      "172800s g: goal reached",
    ]);
    expect(run(def, { events: [{ type: "opened", afterSeconds: 3 * 86_400 }] }).path[1]!.outcome).toBe("no");
    expect(run(def, { events: [{ type: "opened", afterSeconds: 86_400 }] }).ended).toBe("goal");
  });

  it("waits until a time of day in the lead's zone", () => {
    const def = journey([{ id: "w", kind: "wait", until: { time: "10:00" } }]);
    // 15:30 UTC is 09:30 in Chicago and 00:30 (the next day) in Tokyo.
    expect(run(def, { events: [] }, { ...row, "Time zone": "America/Chicago" } as typeof row).path[0]!.outcome).toBe(
      "waited 1800 s",
    );
    expect(run(def, { events: [] }, { ...row, "Time zone": "Asia/Tokyo" } as typeof row).path[0]!.outcome).toBe(
      "waited 34200 s",
    );
  });

  it("waits for a keyed event only when the key matches", () => {
    const def = journey([{ id: "w", kind: "wait", until: { event: "clicked", key: "offer", timeoutSeconds: 10 } }]);
    expect(run(def, { events: [{ type: "clicked", key: "other", afterSeconds: 1 }] }).path[0]!.outcome).toBe(
      "timed out after 10 s",
    );
    expect(run(def, { events: [{ type: "clicked", key: "offer", afterSeconds: 1 }] }).path[0]!.outcome).toBe(
      "event: clicked",
    );
  });

  it("follows the sample's split branch, else the first", () => {
    const def = journey([
      {
        id: "ab",
        kind: "split",
        branches: [
          { label: "A", weight: 1, next: "a" },
          { label: "B", weight: 1, next: "b" },
        ],
      },
      { id: "a", kind: "exit" },
      { id: "b", kind: "exit" },
    ]);
    expect(run(def).path.map((s) => s.node)).toEqual(["ab", "a"]);
    expect(run(def, { events: [], splits: { ab: "B" } }).path.map((s) => s.node)).toEqual(["ab", "b"]);
  });

  it("stops a journey that loops forever at the step limit", () => {
    const def = journey([
      { id: "w", kind: "wait", seconds: 60, next: "s" },
      { id: "s", kind: "send", channel: "sms", template: { body: "again" }, next: "w" },
    ]);
    const answer = run(def);
    expect(answer.ended).toBe("limit");
    expect(answer.path).toHaveLength(MAX_TEST_STEPS);
  });

  it("holds a send with an explicit send time until then", () => {
    const def = journey([
      { id: "s", kind: "send", channel: "sms", template: { body: "Hi" }, sendAt: "2026-03-02T16:30:00Z", next: "x" },
      { id: "x", kind: "exit" },
    ]);
    expect(steps(run(def))).toEqual(["0s s: sent (test run)", "3600s x: exit"]);
  });

  it("ends where a node has no edge to follow", () => {
    const def = journey([{ id: "u", kind: "update", fields: { Stage: "engaged by {{lead.first_name}}" } }]);
    const answer = run(def);
    expect(answer.ended).toBe("end");
    expect(answer.path[0]!.outcome).toBe("updated Stage (test run)");
  });
});

import { describe, expect, it } from "vitest";
import type { JourneyDefinitionInput } from "../../schema/journeys";
import { EXAMPLE_COLUMNS, example } from "./example.fixture";
import { validateDefinition } from "./validate";

type NodeInput = JourneyDefinitionInput["nodes"][number];

const node = (input: JourneyDefinitionInput, id: string) =>
  input.nodes.find((n) => n.id === id)! as NodeInput & Record<string, unknown>;
const problems = (change: (input: JourneyDefinitionInput) => void, columns = EXAMPLE_COLUMNS) =>
  validateDefinition(example(change), columns);
/** Problems as "node: message" lines, easy to read in a failure. */
const lines = (change: (input: JourneyDefinitionInput) => void, columns = EXAMPLE_COLUMNS) =>
  problems(change, columns).map((p) => `${p.node}: ${p.message}`);

describe("journeys — what publish refuses", () => {
  it("accepts the issue's example", () => {
    expect(validateDefinition(example(), EXAMPLE_COLUMNS)).toEqual([]);
  });

  it("refuses a start that is not a node", () => {
    expect(
      lines((d) => {
        d.start = "nowhere";
      }),
    ).toContainEqual(expect.stringMatching(/^null: The journey starts at "nowhere"/));
  });

  it("refuses two nodes with one id", () => {
    expect(
      lines((d) => {
        d.nodes.push({ id: "bye", kind: "exit" });
      }),
    ).toContain('bye: Two nodes have the id "bye".');
  });

  it("refuses an edge to a node that does not exist", () => {
    expect(
      lines((d) => {
        node(d, "sms").next = "ghost";
      }),
    ).toContain('sms: Its "next" edge leads to "ghost", which is not a node.');
  });

  it("refuses a node no path reaches", () => {
    expect(
      lines((d) => {
        d.nodes.push({ id: "orphan", kind: "exit" });
      }),
    ).toEqual(["orphan: No path from the start reaches this node."]);
  });

  it("refuses a cycle without a wait, naming a node on it", () => {
    const found = problems((d) => {
      node(d, "sms").next = "check";
    });
    expect(found).toContainEqual({ node: "check", message: expect.stringContaining("would loop without waiting") });
  });

  it("accepts a cycle through a wait or a person's handoff", () => {
    expect(
      problems((d) => {
        node(d, "sms").next = "wait1";
      }),
    ).toEqual([]);
    expect(
      problems((d) => {
        node(d, "thanks").next = "hello";
      }),
    ).toEqual([]);
  });

  it("refuses a cycle through a handoff to a channel, which does not wait", () => {
    const found = problems((d) => {
      node(d, "thanks").to = { channel: "sms" };
      node(d, "thanks").next = "hello";
      node(d, "hello").next = "sms";
      node(d, "sms").next = "thanks";
    });
    expect(found).toContainEqual({ node: "hello", message: expect.stringContaining("would loop without waiting") });
  });

  it("refuses a cycle whose only wait is zero seconds or a fixed date, which a lead passes at once", () => {
    for (const wait of [{ seconds: 0 }, { until: { date: "2026-01-01T00:00:00Z" } }]) {
      const found = problems((d) => {
        d.nodes.push({ id: "again", kind: "wait", ...wait, next: "sms" });
        node(d, "sms").next = "again";
        node(d, "check").yes = "sms";
      });
      expect(found).toContainEqual({
        node: expect.any(String),
        message: expect.stringContaining("would loop without waiting"),
      });
    }
  });

  it("refuses a branch that never reaches an end", () => {
    const found = problems((d) => {
      d.nodes.push({ id: "again", kind: "wait", seconds: 60, next: "sms" });
      node(d, "sms").next = "again";
    });
    expect(found).toEqual([{ node: "sms", message: expect.stringContaining("No path from here reaches an exit") }]);
  });

  it("refuses a condition or formula on a column the table does not have", () => {
    expect(lines(() => {}, ["Name", "Email"])).toContain(
      'check: The condition reads the column "Score", which the table does not have.',
    );
    const formula = lines((d) => {
      node(d, "check").all = [{ any: [{ formula: "{Stage} = 'won'" }] }];
    });
    expect(formula).toContain('check: The condition reads the column "Stage", which the table does not have.');
    expect(
      lines((d) => {
        d.entry = { kind: "formula", when: "{Budget} > 10" };
      }),
    ).toContain('null: The entry\'s formula reads the column "Budget", which the table does not have.');
    expect(
      lines((d) => {
        node(d, "check").all = [{ type: "property", field: "score", operator: "exists" }];
      }),
    ).toEqual([]);
  });

  it("refuses a formula that does not parse", () => {
    expect(
      lines((d) => {
        node(d, "check").formula = "{Score} >";
      }),
    ).toContainEqual(expect.stringMatching(/^check: A formula does not parse/));
  });

  it("refuses a message with no template and an email with no subject", () => {
    expect(
      lines((d) => {
        delete node(d, "sms").template;
      }),
    ).toContain("sms: The message has no template: write one or let the AI writer draft it.");
    expect(
      lines((d) => {
        node(d, "hello").template = { body: "Hi" };
      }),
    ).toContain("hello: The email has no subject.");
    expect(
      lines((d) => {
        node(d, "sms").template = { subject: "ignored", body: "Hi" };
      }),
    ).toEqual([]);
    expect(
      lines((d) => {
        node(d, "hello").template = undefined;
        node(d, "hello").writer = {};
      }),
    ).toEqual([]);
  });

  it("refuses a wait with nothing to wait for, and an event wait that leads nowhere", () => {
    const idle = lines((d) => {
      d.nodes.push({ id: "idle", kind: "wait", next: "bye" });
      node(d, "sms").next = "idle";
    });
    expect(idle).toEqual([
      "idle: The wait has nothing to wait for: give a duration, a date, a time of day or an event.",
    ]);
    const found = lines((d) => {
      node(d, "wait1").next = undefined;
      node(d, "wait1").timeout = undefined;
      d.nodes = d.nodes.filter((n) => !["thanks", "check", "sms"].includes(n.id));
      node(d, "hello").next = "wait1";
    });
    expect(found).toContain('wait1: The wait for "clicked" has neither a next step nor a timeout branch.');
  });

  it("refuses a split whose labels repeat", () => {
    const found = lines((d) => {
      d.nodes.push({
        id: "ab",
        kind: "split",
        branches: [
          { label: "A", weight: 1, next: "bye" },
          { label: "a", weight: 1, next: "bye" },
        ],
      });
      node(d, "sms").next = "ab";
    });
    expect(found).toEqual(['ab: The split\'s branches repeat the label "a".']);
  });
});

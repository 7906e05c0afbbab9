import { describe, expect, it } from "vitest";
import type { JourneyDefinition } from "../../schema/journeys";
import { checkDraft } from "./draft-check";

const base: JourneyDefinition = {
  name: "Welcome",
  table: "leads",
  reentry: "never",
  entry: { kind: "manual" },
  start: "hello",
  nodes: [
    { id: "hello", kind: "send", channel: "email", template: { subject: "Hi", body: "Hello" }, next: "bye" },
    { id: "bye", kind: "exit" },
  ],
  caps: [],
  exitOn: ["unsubscribed"],
};

describe("checking a draft before it is saved", () => {
  it("lets a well-formed draft through", () => {
    expect(checkDraft(base)).toEqual({ ok: true, def: base });
  });

  it("asks to connect the entry when the journey has no start", () => {
    expect(checkDraft({ ...base, start: "" })).toEqual({
      ok: false,
      node: null,
      message: "Connect the Entry card to the journey's first node.",
    });
  });

  it("names the split whose branch is not connected", () => {
    const split = {
      id: "ab",
      kind: "split" as const,
      branches: [
        { label: "A", weight: 1, next: "bye" },
        { label: "B", weight: 1, next: "" },
      ],
    };
    expect(checkDraft({ ...base, nodes: [...base.nodes, split] })).toMatchObject({
      ok: false,
      node: "ab",
      message: "ab: connect branch 2 to a node.",
    });
  });

  it("names the message node with an empty body", () => {
    const nodes = [{ ...base.nodes[0]!, template: { body: "" } }, base.nodes[1]!] as JourneyDefinition["nodes"];
    expect(checkDraft({ ...base, nodes })).toMatchObject({ ok: false, node: "hello" });
  });
});

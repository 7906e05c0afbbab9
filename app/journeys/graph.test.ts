import { describe, expect, it } from "vitest";
import type { JourneyDefinition } from "../../schema/journeys";
import { addNode, ENTRY_ID, outlets, positions, removeNode, setEdge } from "./graph";

const blank: JourneyDefinition = {
  name: "Welcome",
  table: "leads",
  reentry: "never",
  entry: { kind: "manual" },
  start: "",
  nodes: [],
  caps: [],
  exitOn: ["unsubscribed"],
};

describe("editing a journey on the canvas", () => {
  it("builds send → wait → exit from the palette and connections", () => {
    let def = blank;
    const send = addNode(def, "send", { x: 0, y: 100 });
    def = send.def;
    const wait = addNode(def, "wait", { x: 0, y: 250 });
    def = wait.def;
    const exit = addNode(def, "exit", { x: 0, y: 400 });
    def = exit.def;
    def = setEdge(def, send.id, "next", wait.id);
    def = setEdge(def, wait.id, "next", exit.id);
    expect(def.start).toBe("send-1");
    expect(def.nodes.map((n) => [n.id, "next" in n ? n.next : undefined])).toEqual([
      ["send-1", "wait-1"],
      ["wait-1", "exit-1"],
      ["exit-1", undefined],
    ]);
    expect(def.layout?.["wait-1"]).toEqual({ x: 0, y: 250 });
  });

  it("points the start where the entry card is connected", () => {
    const { def } = addNode(addNode(blank, "send", { x: 0, y: 0 }).def, "goal", { x: 0, y: 0 });
    expect(setEdge(def, ENTRY_ID, "next", "goal-1").start).toBe("goal-1");
  });

  it("sets the yes / no, timeout and split branch edges by handle", () => {
    let def = addNode(blank, "condition", { x: 0, y: 0 }).def;
    def = addNode(def, "split", { x: 0, y: 0 }).def;
    def = addNode(def, "exit", { x: 0, y: 0 }).def;
    def = setEdge(def, "condition-1", "no", "exit-1");
    def = setEdge(def, "split-1", "branch-1", "exit-1");
    const [condition, split] = def.nodes;
    expect(outlets(condition!).map((o) => [o.label, o.target])).toEqual([
      ["yes", null],
      ["no", "exit-1"],
    ]);
    expect(outlets(split!).map((o) => [o.label, o.target])).toEqual([
      ["A", null],
      ["B", "exit-1"],
    ]);
  });

  it("removes a node with the edges into it and its position", () => {
    let def = addNode(addNode(blank, "send", { x: 0, y: 0 }).def, "exit", { x: 5, y: 5 }).def;
    def = setEdge(def, "send-1", "next", "exit-1");
    def = removeNode(def, "exit-1");
    expect(def.nodes).toEqual([expect.objectContaining({ id: "send-1" })]);
    expect(outlets(def.nodes[0]!)[0]!.target).toBeNull();
    expect(def.layout?.["exit-1"]).toBeUndefined();
    expect(removeNode(def, "send-1").start).toBe("");
  });

  it("places nodes without a saved position by their depth from the start", () => {
    let def = addNode(addNode(blank, "send", { x: 0, y: 0 }).def, "exit", { x: 0, y: 0 }).def;
    def = setEdge(def, "send-1", "next", "exit-1");
    const placed = positions({ ...def, layout: undefined });
    expect(placed[ENTRY_ID]!.y).toBeLessThan(placed["send-1"]!.y);
    expect(placed["send-1"]!.y).toBeLessThan(placed["exit-1"]!.y);
  });
});

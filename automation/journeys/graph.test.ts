import { describe, expect, it } from "vitest";
import type { JourneyNode } from "../../schema/journeys";
import { example } from "./example.fixture";
import { edgesOf, edgeTarget, nodeById } from "./graph";

describe("journeys — the graph", () => {
  const def = example();

  it("finds nodes by id", () => {
    expect(nodeById(def, "check")?.kind).toBe("condition");
    expect(nodeById(def, "nope")).toBeNull();
  });

  it("names every outgoing edge of each kind of node", () => {
    expect(edgesOf(nodeById(def, "wait1")!)).toEqual([
      { name: "next", to: "thanks" },
      { name: "timeout", to: "check" },
    ]);
    expect(edgesOf(nodeById(def, "check")!)).toEqual([
      { name: "yes", to: "sms" },
      { name: "no", to: "bye" },
    ]);
    expect(edgesOf(nodeById(def, "bye")!)).toEqual([]);
    const split: JourneyNode = {
      id: "ab",
      kind: "split",
      branches: [
        { label: "A", weight: 1, next: "x" },
        { label: "B", weight: 1, next: "y" },
      ],
    };
    expect(edgesOf(split).map((e) => e.name)).toEqual(["A", "B"]);
    expect(edgeTarget(split, "B")).toBe("y");
  });

  it("follows an edge to its node, null where the journey ends", () => {
    expect(edgeTarget(nodeById(def, "wait1")!, "timeout")).toBe("check");
    expect(edgeTarget(nodeById(def, "check")!, "no")).toBe("bye");
    expect(edgeTarget(nodeById(def, "bye")!, "next")).toBeNull();
    expect(edgeTarget(nodeById(def, "check")!, "next")).toBeNull();
  });

  it("sends a wait's timeout to its next when it has no timeout branch", () => {
    const wait = { id: "w", kind: "wait" as const, until: { event: "clicked", timeoutSeconds: 5 }, next: "bye" };
    expect(edgeTarget(wait, "timeout")).toBe("bye");
    expect(edgeTarget({ ...wait, timeout: "check" }, "timeout")).toBe("check");
  });

  it("sends a send's fallback to its next when it names none", () => {
    const send = nodeById(def, "hello")!;
    expect(edgeTarget(send, "fallback")).toBe("wait1");
    expect(edgeTarget({ ...send, kind: "send", fallback: "bye" } as JourneyNode, "fallback")).toBe("bye");
  });
});

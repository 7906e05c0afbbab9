import { describe, expect, it } from "vitest";
import { stagesCostUsd } from "./cost";

describe("a site's generation cost read from its Stages cell", () => {
  it("adds the cost of every stage that has one", () => {
    const stages = [
      "Analyst: complete, claude-sonnet-5-5, 3.1 s, 1,200 tokens, $0.012",
      "Concept: complete (batch), claude-sonnet-5-5, 40.0 s, 2,000 tokens, $0.020: slow",
      "Copy: reused, claude-sonnet-5-5, 0.0 s, 0 tokens",
    ].join("\n");
    expect(stagesCostUsd(stages)).toBeCloseTo(0.032, 10);
  });

  it("is nothing for a fallback site or an empty cell", () => {
    expect(stagesCostUsd(null)).toBe(0);
    expect(stagesCostUsd("")).toBe(0);
  });
});

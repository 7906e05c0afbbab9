import { describe, expect, it } from "vitest";
import { runningProgress } from "../../schema/sites-api";
import { PROGRESS_EVERY_MS, stageProgress } from "./progress";

describe("sites — the Stages cell while an agent writes", () => {
  it("names a new agent at once and its streamed tokens at most every interval", () => {
    let clock = 0;
    const cells: string[] = [];
    const progress = stageProgress(
      (cell) => cells.push(cell),
      () => clock,
    );
    progress("analyst", 0);
    progress("analyst", 120);
    clock += PROGRESS_EVERY_MS;
    progress("analyst", 900);
    progress("concept", 10);
    progress("architect", 4_321, true);
    expect(cells).toEqual([
      "Analyst: running…",
      "Analyst: running… 900 tokens",
      "Concept: running… 10 tokens",
      "Architect (repair): running… 4,321 tokens",
    ]);
    expect(cells.map(runningProgress)).toEqual([
      { agent: "analyst", tokens: 0 },
      { agent: "analyst", tokens: 900 },
      { agent: "concept", tokens: 10 },
      { agent: "architect", tokens: 4321 },
    ]);
  });
});

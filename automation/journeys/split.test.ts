import { describe, expect, it } from "vitest";
import type { NodeOf } from "../../schema/journeys";
import { pickBranch } from "./split";

const split = (weights: number[]): NodeOf<"split"> => ({
  id: "ab",
  kind: "split",
  branches: weights.map((weight, i) => ({ label: String.fromCharCode(65 + i), weight, next: `to-${i}` })),
});

/** Share of `seeds` enrollments taking each branch. */
function shares(node: NodeOf<"split">, seeds: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < seeds; i++) {
    const { label } = pickBranch(node, `enr_${i.toString(36)}`);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([label, n]) => [label, n / seeds]));
}

describe("journeys — A/B splits", () => {
  it("always picks the same branch for the same enrollment", () => {
    const node = split([1, 1]);
    const first = pickBranch(node, "enr_42");
    for (let i = 0; i < 5; i++) expect(pickBranch(node, "enr_42")).toEqual(first);
    expect(first.next).toBe(first.label === "A" ? "to-0" : "to-1");
  });

  it("splits 10,000 enrollments within 3% of the weights", () => {
    const even = shares(split([50, 50]), 10_000);
    expect(Math.abs(even.A! - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(even.B! - 0.5)).toBeLessThan(0.03);
    const skewed = shares(split([70, 20, 10]), 10_000);
    expect(Math.abs(skewed.A! - 0.7)).toBeLessThan(0.03);
    expect(Math.abs(skewed.B! - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(skewed.C! - 0.1)).toBeLessThan(0.03);
  });

  it("lets two splits of one journey pick independently", () => {
    const other = { ...split([1, 1]), id: "ab2" };
    let same = 0;
    for (let i = 0; i < 2000; i++)
      if (pickBranch(split([1, 1]), `e${i}`).label === pickBranch(other, `e${i}`).label) same++;
    expect(same / 2000).toBeGreaterThan(0.4);
    expect(same / 2000).toBeLessThan(0.6);
  });
});

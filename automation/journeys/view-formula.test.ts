import { describe, expect, it } from "vitest";
import { compile, isTruthy } from "../../schema/formula";
import type { CellValue, RowFilter } from "../../schema/tables";
import { viewFormula } from "./view-formula";

const COLUMNS = [
  { id: "c1", name: "Stage", type: "singleSelect" as const },
  { id: "c2", name: "Score", type: "number" as const },
  { id: "c3", name: "Email", type: "email" as const },
  { id: "c4", name: "Tags", type: "multiSelect" as const },
  { id: "c5", name: "Odd {name}", type: "text" as const },
];

/** Whether the view with `filters` shows a row of `cells` (by column name), through the formula. */
function shows(filters: RowFilter[], cells: Record<string, CellValue>): boolean {
  const formula = compile(viewFormula(filters, COLUMNS));
  if (formula.parseError) throw new Error(formula.parseError.error.message);
  const result = formula.evaluate({
    row: (name) => (name in cells ? (cells[name] ?? null) : undefined),
    now: () => new Date(),
  });
  return isTruthy(result as never);
}

const f = (columnId: string, op: RowFilter["op"], value = ""): RowFilter => ({ columnId, op, value });

describe("viewFormula — a view's filters as a rule's condition", () => {
  it("is TRUE without filters (every row is in the view) and skips filters on deleted columns", () => {
    expect(viewFormula([], COLUMNS)).toBe("TRUE");
    expect(viewFormula([f("gone", "eq", "x")], COLUMNS)).toBe("TRUE");
  });

  it("compares text without case, as the grid's filters do", () => {
    expect(shows([f("c1", "eq", "new")], { Stage: "New" })).toBe(true);
    expect(shows([f("c1", "eq", "new")], { Stage: "lost" })).toBe(false);
    expect(shows([f("c1", "neq", "new")], { Stage: "lost" })).toBe(true);
    expect(shows([f("c3", "contains", "EXAMPLE.com")], { Email: "ana@example.com" })).toBe(true);
    expect(shows([f("c3", "contains", "*")], { Email: "ana@example.com" })).toBe(false);
  });

  it("compares numbers as numbers, with between inclusive", () => {
    expect(shows([f("c2", "gt", "50")], { Score: 80 })).toBe(true);
    expect(shows([f("c2", "gt", "50")], { Score: 9 })).toBe(false);
    expect(shows([f("c2", "lte", "9")], { Score: 9 })).toBe(true);
    expect(shows([f("c2", "between", "10, 20")], { Score: 20 })).toBe(true);
    expect(shows([f("c2", "between", "10, 20")], { Score: 21 })).toBe(false);
  });

  it("handles empty, not empty, any of, and every filter together (AND)", () => {
    expect(shows([f("c3", "empty")], { Email: "" })).toBe(true);
    expect(shows([f("c3", "empty")], { Email: "a@b.co" })).toBe(false);
    expect(shows([f("c3", "notempty")], { Email: "a@b.co" })).toBe(true);
    expect(shows([f("c1", "anyof", "new, engaged")], { Stage: "Engaged" })).toBe(true);
    expect(shows([f("c1", "anyof", "new, engaged")], { Stage: "lost" })).toBe(false);
    const both = [f("c1", "eq", "new"), f("c2", "gte", "50")];
    expect(shows(both, { Stage: "new", Score: 50 })).toBe(true);
    expect(shows(both, { Stage: "new", Score: 10 })).toBe(false);
  });

  it("quotes column names and values that hold braces and quotes", () => {
    expect(shows([f("c5", "eq", "it's")], { "Odd {name}": "It's" })).toBe(true);
  });
});

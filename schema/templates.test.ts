import { describe, expect, it } from "vitest";
import { FormulaGraph, isFormulaError } from "./formula";
import { TABLE_TEMPLATES } from "./templates";

describe("table templates", () => {
  it("have formulas that refer only to their own columns and compute on a filled row", () => {
    for (const template of TABLE_TEMPLATES) {
      const columns = template.columns.map((c, i) => ({ ...c, id: `c${i}` }));
      const formulas = columns.filter((c) => c.type === "formula");
      const graph = new FormulaGraph(
        formulas.map((c) => ({ id: c.id, name: c.name, text: String(c.options?.formula) })),
        columns.filter((c) => c.type !== "formula"),
      );
      const byName = Object.fromEntries(columns.map((c) => [c.name, c.id]));
      const row = { [byName.Sent ?? "x"]: 200, [byName.Opened ?? "y"]: 50, [byName["Next step"] ?? "z"]: "2099-01-01" };
      const results = graph.evaluateRow(row);
      for (const [id, value] of Object.entries(results))
        expect(isFormulaError(value), `${template.name}: ${id} = ${JSON.stringify(value)}`).toBe(false);
      if (template.id === "campaigns") expect(results[byName["Open rate"]!]).toBe(25);
      expect(new Set(columns.map((c) => c.name)).size).toBe(columns.length);
    }
  });
});

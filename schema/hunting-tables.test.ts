import { describe, expect, it } from "vitest";
import { FormulaGraph, isFormulaError, parseFormula } from "./formula";
import { HUNTING_TABLES } from "./hunting-tables";

describe("business hunting tables", () => {
  it("have unique keys and names, and a qualification rate that computes", () => {
    for (const table of Object.values(HUNTING_TABLES)) {
      expect(new Set(table.columns.map((c) => c.key)).size).toBe(table.columns.length);
      expect(new Set(table.columns.map((c) => c.name)).size).toBe(table.columns.length);
    }
    const columns = HUNTING_TABLES.territories.columns.map((c) => ({ ...c, id: c.key }));
    const graph = new FormulaGraph(
      columns
        .filter((c) => c.type === "formula")
        .map((c) => ({ id: c.id, name: c.name, text: String(c.options?.formula) })),
      columns.filter((c) => c.type !== "formula"),
    );
    const results = graph.evaluateRow({ found: 40, qualified: 10 });
    expect(results.qualificationRate).toBe(0.25);
    expect(isFormulaError(graph.evaluateRow({ found: 0, qualified: 0 }).qualificationRate)).toBe(false);
  });

  it("disable their buttons with formulas that parse", () => {
    for (const table of Object.values(HUNTING_TABLES))
      for (const c of table.columns.filter((x) => x.type === "button")) {
        const when = (c.options as { disabledWhen: string | null }).disabledWhen;
        if (when) expect(parseFormula(when).type, `${c.name}: ${when}`).toBe("ok");
      }
  });
});

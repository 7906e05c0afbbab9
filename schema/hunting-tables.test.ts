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

  it("lets Scrape run when a cooldown is over, and Scrape again only while one lasts", () => {
    const columns = HUNTING_TABLES.territories.columns.map((c) => ({ ...c, id: c.key }));
    const disabledWhen = (key: string) =>
      String((columns.find((c) => c.key === key)!.options as { disabledWhen: string }).disabledWhen);
    const graph = new FormulaGraph(
      [
        { id: "scrape", name: "Scrape disabled", text: disabledWhen("scrapeNow") },
        { id: "again", name: "Again disabled", text: disabledWhen("scrapeAgain") },
      ],
      columns.filter((c) => c.type !== "formula" && c.type !== "button"),
    );
    const day = 86_400_000;
    const state = (status: string, cooldownUntil: string | null) => {
      const r = graph.evaluateRow({ status, cooldownUntil });
      return [r.scrape === true, r.again === true];
    };
    expect(state("pending", null)).toEqual([false, true]);
    expect(state("scraping", null)).toEqual([true, true]);
    expect(state("cooldown", new Date(Date.now() + day).toISOString())).toEqual([true, false]);
    expect(state("cooldown", new Date(Date.now() - day).toISOString())).toEqual([false, true]);
  });
});

import { describe, expect, it } from "vitest";
import { FormulaGraph } from "../../schema/formula";
import { HUNTING_TABLES } from "../../schema/hunting-tables";
import { DEFAULT_SCORING, qualifiedFormula, scoreFormula } from ".";

describe("the Businesses table with the workspace's scoring formulas", () => {
  it("scores a row in the grid by the default weights: no website, email, 4.8 stars, 120 reviews, local", () => {
    const columns = HUNTING_TABLES.businesses.columns.map((c) => ({ ...c, id: c.key }));
    const text = (key: string) =>
      key === "score" ? scoreFormula(DEFAULT_SCORING) : key === "qualified" ? qualifiedFormula(DEFAULT_SCORING) : "";
    const graph = new FormulaGraph(
      columns.filter((c) => c.type === "formula").map((c) => ({ id: c.id, name: c.name, text: text(c.key) })),
      columns.filter((c) => c.type !== "formula"),
    );
    const row = {
      website: "https://facebook.com/joesplumbing",
      email: "joe@gmail.com",
      rating: 4.8,
      reviews: 120,
      chain: false,
    };
    const results = graph.evaluateRow(row);
    expect(results.score).toBe(100);
    expect(results.qualified).toBe(true);
    const chainWithSite = graph.evaluateRow({ website: "https://joes.example", rating: 4.4, reviews: 99, chain: true });
    expect(chainWithSite.score).toBe(0);
    expect(chainWithSite.qualified).toBe(false);
  });
});

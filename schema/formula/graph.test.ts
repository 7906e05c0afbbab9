import { describe, expect, it } from "vitest";
import { type FormulaColumn, FormulaGraph, type PlainColumn } from "./graph";
import { renameReferences } from "./references";
import { TEST_NOW } from "./testing";

const plain: PlainColumn[] = [
  { id: "c_price", name: "Price" },
  { id: "c_qty", name: "Qty" },
  { id: "c_name", name: "Name" },
];

/** Declared out of order on purpose: evaluation order must come from the references. */
const formulas: FormulaColumn[] = [
  { id: "f_label", name: "Label", text: "{Name} & ': ' & {Total with tax}" },
  { id: "f_tax", name: "Total with tax", text: "ROUND({Subtotal} * 1.2, 2)" },
  { id: "f_sub", name: "Subtotal", text: "{Price} * {Qty}" },
  { id: "f_shout", name: "Shout", text: "UPPER({Name})" },
];

describe("FormulaGraph — order and references", () => {
  const graph = new FormulaGraph(formulas, plain);

  it("maps each formula's references to column ids", () => {
    expect(graph.references("f_sub")).toEqual(["c_price", "c_qty"]);
    expect(graph.references("f_label")).toEqual(["c_name", "f_tax"]);
  });

  it("orders every formula after the formulas it uses", () => {
    const order = graph.order;
    expect([...order].sort()).toEqual(["f_label", "f_shout", "f_sub", "f_tax"]);
    expect(order.indexOf("f_sub")).toBeLessThan(order.indexOf("f_tax"));
    expect(order.indexOf("f_tax")).toBeLessThan(order.indexOf("f_label"));
    expect(graph.cycles.size).toBe(0);
  });

  it("evaluates a row in that order", () => {
    const row = graph.evaluateRow({ c_price: 2.5, c_qty: 3, c_name: "Ann" });
    expect(row).toEqual({ f_sub: 7.5, f_tax: 9, f_label: "Ann: 9", f_shout: "ANN" });
  });

  it("leaves an unknown name out of the references and gives #REF! for it", () => {
    const g = new FormulaGraph([{ id: "f", name: "F", text: "{Nope} + {Price}" }], plain);
    expect(g.references("f")).toEqual(["c_price"]);
    expect(g.evaluateRow({ c_price: 1 })).toEqual({ f: { error: "#REF!", message: 'Unknown column "Nope"' } });
  });

  it("reads a plain column with no cell as blank", () => {
    expect(graph.evaluateRow({ c_name: "Bo" }).f_label).toBe("Bo: 0");
  });
});

describe("FormulaGraph — recompute after a change", () => {
  const graph = new FormulaGraph(formulas, plain);

  it("recomputes what depends on a changed cell, transitively and in order, and nothing else", () => {
    expect(graph.recomputeOrder(["c_price"])).toEqual(["f_sub", "f_tax", "f_label"]);
    expect(graph.recomputeOrder(["c_name"]).sort()).toEqual(["f_label", "f_shout"]);
    expect(graph.recomputeOrder(["c_unused"])).toEqual([]);
  });

  it("includes a changed formula column itself, for a rewritten formula", () => {
    expect(graph.recomputeOrder(["f_tax"])).toEqual(["f_tax", "f_label"]);
  });

  it("runs only the formulas asked for and reads the others' stored results", () => {
    const cells = { c_price: 10, c_qty: 3, c_name: "Ann", f_sub: 7.5, f_tax: 9, f_label: "Ann: 9", f_shout: "ANN" };
    const only = graph.recomputeOrder(["c_price"]);
    expect(graph.evaluateRow(cells, { only })).toEqual({ f_sub: 30, f_tax: 36, f_label: "Ann: 36" });
  });

  it("passes the clock and linked rows through", () => {
    const g = new FormulaGraph(
      [
        { id: "f_today", name: "Today", text: "TODAY()" },
        { id: "f_sum", name: "Sum", text: "SUM({Orders}.{Amount})" },
      ],
      [{ id: "c_orders", name: "Orders" }],
    );
    const linked = (link: string, field: string) => (link === "Orders" && field === "Amount" ? [1, 2] : undefined);
    expect(g.evaluateRow({}, { now: () => TEST_NOW, linked })).toEqual({ f_today: "2026-03-01", f_sum: 3 });
  });
});

describe("FormulaGraph — cycles", () => {
  const cyclic: FormulaColumn[] = [
    { id: "a", name: "A", text: "{C} + 1" },
    { id: "b", name: "B", text: "{A} + 1" },
    { id: "c", name: "C", text: "{B} + {Price}" },
    { id: "d", name: "D", text: "IFERROR({A}, 0) + 1" },
    { id: "e", name: "E", text: "{Price} * 2" },
    { id: "s", name: "Self", text: "{Self} + 1" },
  ];
  const graph = new FormulaGraph(cyclic, plain);

  it("finds a cycle through three columns and a column that refers to itself", () => {
    expect([...graph.cycles].sort()).toEqual(["a", "b", "c", "s"]);
  });

  it("gives #CYCLE! to the columns in a cycle, naming the cycle, and evaluates the rest", () => {
    const row = graph.evaluateRow({ c_price: 5 });
    expect(row.a).toMatchObject({ error: "#CYCLE!", message: expect.stringMatching(/^"A" depends on itself/) });
    expect(row.b).toMatchObject({ error: "#CYCLE!" });
    expect(row.c).toMatchObject({ error: "#CYCLE!" });
    expect(row.s).toEqual({ error: "#CYCLE!", message: '"Self" depends on itself (cycle: "Self")' });
    expect(row.d).toBe(1);
    expect(row.e).toBe(10);
  });

  it("orders a column that uses a cycle after it, so the error reaches it", () => {
    const g = new FormulaGraph([...cyclic, { id: "f", name: "F", text: "{B} * 2" }], plain);
    expect(g.order.indexOf("f")).toBeGreaterThan(g.order.indexOf("b"));
    expect(g.evaluateRow({}).f).toMatchObject({ error: "#CYCLE!" });
    expect(g.cycles.has("f")).toBe(false);
  });

  it("handles a long chain of columns without overflowing the stack", () => {
    const chain = Array.from({ length: 5000 }, (_, i) => ({ id: `f${i}`, name: `F${i}`, text: `{F${i + 1}} + 1` }));
    const g = new FormulaGraph(chain, [{ id: "end", name: "F5000" }]);
    expect(g.order[0]).toBe("f4999");
    expect(g.evaluateRow({ end: 0 }).f0).toBe(5000);
    expect(g.recomputeOrder(["end"])).toHaveLength(5000);
  });
});

describe("FormulaGraph — renaming a column", () => {
  it("keeps the same dependencies and results once formulas are rewritten to the new name", () => {
    const renamed = formulas.map((f) => ({ ...f, text: renameReferences(f.text, "Subtotal", "Net (USD)") }));
    const columns = renamed.map((f) => (f.id === "f_sub" ? { ...f, name: "Net (USD)" } : f));
    const before = new FormulaGraph(formulas, plain);
    const after = new FormulaGraph(columns, plain);
    expect(columns.find((f) => f.id === "f_tax")!.text).toBe("ROUND({Net (USD)} * 1.2, 2)");
    expect(after.order).toEqual(before.order);
    expect(after.references("f_tax")).toEqual(["f_sub"]);
    const cells = { c_price: 2, c_qty: 2, c_name: "Bo" };
    expect(after.evaluateRow(cells)).toEqual(before.evaluateRow(cells));
  });

  it("shows #REF! when a column is renamed without rewriting the formulas", () => {
    const columns = formulas.map((f) => (f.id === "f_sub" ? { ...f, name: "Net" } : f));
    const g = new FormulaGraph(columns, plain);
    expect(g.references("f_tax")).toEqual([]);
    expect(g.evaluateRow({}).f_tax).toMatchObject({ error: "#REF!" });
  });
});

describe("FormulaGraph — odd column ids", () => {
  it("treats ids such as constructor and __proto__ as plain keys", () => {
    const g = new FormulaGraph([{ id: "__proto__", name: "P", text: "{C} + 1" }], [{ id: "constructor", name: "C" }]);
    expect(Object.entries(g.evaluateRow({}))).toEqual([["__proto__", 1]]);
  });
});

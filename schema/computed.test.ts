import { describe, expect, it } from "vitest";
import { TableFormulas } from "./computed";
import type { ColumnDef } from "./tables";

const column = (id: string, name: string, formula?: string): ColumnDef =>
  formula === undefined
    ? { id, name, type: "number", options: {} }
    : { id, name, type: "formula", options: { formula } };

describe("formula columns computed for a row", () => {
  it("computes formulas that use other formulas, in dependency order", () => {
    const formulas = TableFormulas.of([
      column("c3", "Total", "{Subtotal} * 2"),
      column("c1", "Price"),
      column("c2", "Subtotal", "{Price} + 1"),
    ]);
    expect(formulas.compute({ c1: 4 })).toEqual({ c1: 4, c2: 5, c3: 10 });
  });

  it("ignores what a document holds under a formula column", () => {
    const formulas = TableFormulas.of([column("c1", "Price"), column("c2", "Double", "{Price} * 2")]);
    expect(formulas.compute({ c1: 3, c2: 999 })).toEqual({ c1: 3, c2: 6 });
  });

  it("gives #CYCLE! to columns that depend on themselves, and leaves the others be", () => {
    const formulas = TableFormulas.of([
      column("c1", "A", "{B} + 1"),
      column("c2", "B", "{A} + 1"),
      column("c3", "Price"),
      column("c4", "Tax", "{Price} / 10"),
    ]);
    const row = formulas.compute({ c3: 50 });
    expect(row.c1).toMatchObject({ error: "#CYCLE!" });
    expect(row.c2).toMatchObject({ error: "#CYCLE!" });
    expect(row.c4).toBe(5);
  });

  it("says which formula columns an edit reaches", () => {
    const formulas = TableFormulas.of([
      column("c1", "Price"),
      column("c2", "Qty"),
      column("c3", "Subtotal", "{Price} * {Qty}"),
      column("c4", "Total", "{Subtotal} + 1"),
      column("c5", "Label", '"x"'),
    ]);
    expect(formulas.affectedBy(["c2"])).toEqual(["c3", "c4"]);
    expect(formulas.affectedBy(["c5"])).toEqual(["c5"]);
  });

  it("treats a formula column without a formula as a parse error, not a crash", () => {
    const formulas = TableFormulas.of([{ id: "c1", name: "Empty", type: "formula", options: {} }]);
    expect(formulas.compute({}).c1).toMatchObject({ error: "#PARSE!" });
  });
});

describe("a row as formulas and actions see it", () => {
  it("names every column, formulas computed and empty cells null", () => {
    const formulas = TableFormulas.of([
      column("c1", "Price"),
      column("c2", "Qty"),
      column("c3", "Total", "{Price} * 2"),
    ]);
    expect(formulas.named({ c1: 4 })).toEqual({ Price: 4, Qty: null, Total: 8 });
  });

  it("looks up and rolls up the rows a link cell points to", () => {
    const formulas = TableFormulas.of([
      { id: "c1", name: "Dealers", type: "link", options: { table: "t2" } },
      column("c2", "Quotes", "SUM({Dealers}.{Quote})"),
      column("c3", "Names", 'ARRAYJOIN({Dealers}.{Name}, " / ")'),
      column("c4", "Count", "COUNTA({Dealers}.{Name})"),
    ]);
    const other: Record<string, Record<string, number | string>> = {
      r1: { Name: "Bayou Ford", Quote: 100 },
      r2: { Name: "Magnolia Kia", Quote: 250 },
    };
    const linked = (table: string, id: string) => (table === "t2" ? other[id] : undefined);
    expect(formulas.compute({ c1: ["r1", "r2", "gone"] }, undefined, linked)).toMatchObject({
      c2: 350,
      c3: "Bayou Ford / Magnolia Kia",
      c4: 2,
    });
    expect(formulas.compute({ c1: [] }, undefined, linked)).toMatchObject({ c2: 0, c4: 0 });
    expect(formulas.compute({ c1: ["r1"] })).toMatchObject({ c2: { error: "#REF!" } });
  });
});

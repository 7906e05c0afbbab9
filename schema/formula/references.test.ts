import { describe, expect, it } from "vitest";
import { referencedColumns, renameReferences } from "./references";
import { run } from "./testing";

describe("referencedColumns", () => {
  it("lists each column once, in order of first appearance", () => {
    expect(referencedColumns("{Price} * {Qty} + {Price}")).toEqual(["Price", "Qty"]);
    expect(referencedColumns("IF({Deal size ($)} > 0, {odd\\}name}, '')")).toEqual(["Deal size ($)", "odd}name"]);
  });

  it("leaves out braces inside text and the linked table's field of a lookup", () => {
    expect(referencedColumns("'{Not a ref}' & {Real}")).toEqual(["Real"]);
    expect(referencedColumns("SUM({Orders}.{Amount}) + {Amount}")).toEqual(["Orders", "Amount"]);
  });

  it("lists the references before a syntax error, for a formula being typed", () => {
    expect(referencedColumns("{A} + {B} + 'unclosed")).toEqual(["A", "B"]);
    expect(referencedColumns("")).toEqual([]);
  });
});

describe("renameReferences", () => {
  it("rewrites every reference to the renamed column and nothing else", () => {
    const text = "{Qty} * {Price} & ' {Qty} ' & \"{Qty}\" & {Qty2} & {Qty}";
    expect(renameReferences(text, "Qty", "Count")).toBe("{Count} * {Price} & ' {Qty} ' & \"{Qty}\" & {Qty2} & {Count}");
  });

  it("escapes braces and backslashes in the new name so it reads back the same", () => {
    const renamed = renameReferences("{A} + 1", "A", "we}ird\\name");
    expect(renamed).toBe("{we\\}ird\\\\name} + 1");
    expect(referencedColumns(renamed)).toEqual(["we}ird\\name"]);
    expect(run(renamed, { "we}ird\\name": 2 })).toBe(3);
  });

  it("renames a link column in a lookup, not the linked table's field of the same name", () => {
    expect(renameReferences("SUM({Amount}.{Amount})", "Amount", "Orders")).toBe("SUM({Orders}.{Amount})");
  });

  it("keeps spacing and the rest of the text as they were", () => {
    expect(renameReferences("IF(  {A}>1 ,\n{A}, {B} )", "A", "Z")).toBe("IF(  {Z}>1 ,\n{Z}, {B} )");
    expect(renameReferences("no refs", "A", "Z")).toBe("no refs");
  });

  it("renames up to a syntax error and keeps the rest verbatim", () => {
    expect(renameReferences("{A} & 'open {A}", "A", "Z")).toBe("{Z} & 'open {A}");
  });
});

import { describe, expect, it } from "vitest";
import { escapeFormula, toCsv } from "./export";

describe("CSV export", () => {
  it("escapes cells a spreadsheet would run as formulas", () => {
    for (const danger of ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]) {
      expect(escapeFormula(danger)).toBe(`'${danger}`);
    }
    expect(escapeFormula("Hill Country Ford")).toBe("Hill Country Ford");
  });
  it("writes a BOM, a header and quoted cells, Excel-style", () => {
    const csv = toCsv(
      [
        { id: "c1", name: "Name", type: "text", options: {} },
        { id: "c2", name: "Makes", type: "multiSelect", options: {} },
      ],
      [{ cells: { c1: "Ford, Inc.", c2: ["Ford", "Lincoln"] } }, { cells: { c1: "=cmd|' /C calc'!A0" } }],
    );
    expect(csv).toBe('\uFEFFName,Makes\r\n"Ford, Inc.","Ford, Lincoln"\r\n\'=cmd|\' /C calc\'!A0,');
  });
});

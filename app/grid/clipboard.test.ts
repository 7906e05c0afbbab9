import { describe, expect, it } from "vitest";
import { fromTsv, toTsv } from "./clipboard";

describe("TSV clipboard", () => {
  it("writes plain ranges as Excel does", () => {
    expect(
      toTsv([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("a\tb\r\nc\td");
  });
  it("quotes cells holding tabs, newlines or quotes, and reads them back", () => {
    const rows = [
      ["line one\nline two", 'say "hi"', "tab\there"],
      ["", "x", "y"],
    ];
    const tsv = toTsv(rows);
    expect(tsv).toBe('"line one\nline two"\t"say ""hi"""\t"tab\there"\r\n\tx\ty');
    expect(fromTsv(tsv)).toEqual(rows);
  });
  it("reads what Google Sheets and Excel copy, trailing newline included", () => {
    expect(fromTsv("1\t2\t3\n4\t5\t6\n7\t8\t9\n")).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
      ["7", "8", "9"],
    ]);
    expect(fromTsv("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(fromTsv("")).toEqual([]);
  });
});

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSheet } from "./read-sheet";

async function workbook(rows: unknown[][]): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Dealers");
  for (const row of rows) sheet.addRow(row);
  return new Blob([await book.xlsx.writeBuffer()]);
}

describe("reading a file to import", () => {
  it("reads an Excel workbook's first sheet as text, whatever the cells hold", async () => {
    const file = await workbook([
      ["Dealer", "Miles", "Opened", "Open", "Site", "Dealer"],
      [
        "Austin Ford",
        12.5,
        new Date(Date.UTC(2024, 2, 1)),
        true,
        { text: "austinford.com", hyperlink: "https://austinford.com" },
        "x",
      ],
      [
        { richText: [{ text: "Bastrop " }, { text: "Chevrolet" }] },
        { formula: "1+1", result: 2 },
        null,
        false,
        null,
        null,
      ],
      [null, null, null, null, null, null],
    ]);
    const sheet = await readSheet(file);
    expect(sheet.headers).toEqual(["Dealer", "Miles", "Opened", "Open", "Site", "Dealer 2"]);
    expect(sheet.records).toEqual([
      {
        Dealer: "Austin Ford",
        Miles: "12.5",
        Opened: "2024-03-01",
        Open: "true",
        Site: "austinford.com",
        "Dealer 2": "x",
      },
      { Dealer: "Bastrop Chevrolet", Miles: "2", Opened: "", Open: "false", Site: "", "Dealer 2": "" },
    ]);
  });

  it("reads a CSV the same way", async () => {
    const sheet = await readSheet(new Blob(["Dealer,Miles\nAustin Ford,12\n\n"]));
    expect(sheet).toEqual({ headers: ["Dealer", "Miles"], records: [{ Dealer: "Austin Ford", Miles: "12" }] });
  });
});

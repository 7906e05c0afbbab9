import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { Api } from "./api";
import { openTable as openPageOf, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

const openTable = (api: Api, path: string) => openPageOf(browser(), api, `${base}${path}`);

const cellText = (page: Page, row: number, col: number) =>
  page.locator(`[role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="${col}"]`).textContent();

describe("the grid in two browsers", () => {
  it("shows one person's edits and presence to the other, with Sheets-like keys", async () => {
    const { api, slug, tableId } = await Api.withTable(base);
    const path = `/w/${slug}/t/${tableId}`;
    const a = await openTable(api, path);
    const b = await openTable(api, path);

    await a.getByRole("button", { name: "Add row" }).click();
    await a.getByRole("button", { name: "Add row" }).click();
    // The new rows show at the next frame; keys typed before that have no cell to go to.
    await expect.poll(() => a.getByRole("grid").getAttribute("aria-rowcount")).toBe("3");
    await a.getByRole("grid").focus();
    await a.keyboard.type("Lone Star Honda");
    await a.keyboard.press("Tab");
    await a.keyboard.type("1,250");
    await a.keyboard.press("Enter");
    await b.getByText("Lone Star Honda").waitFor();
    await expect.poll(() => cellText(b, 1, 2)).toBe("1,250");

    await a.keyboard.type("lots");
    await a.keyboard.press("Enter");
    await a.getByRole("alert").filter({ hasText: "Enter a number" }).waitFor();
    await a.keyboard.press("Escape");
    expect(await cellText(a, 2, 2)).toBe("");

    await a.keyboard.press("Control+Home");
    await a.keyboard.press("Delete");
    await expect.poll(() => b.getByText("Lone Star Honda").count()).toBe(0);

    await b.getByRole("grid").focus();
    await b.keyboard.press("ArrowDown");
    const people = a.getByRole("list", { name: "People on this table" }).getByRole("listitem");
    await expect.poll(() => people.count()).toBe(1);
    await a.locator("[role=gridcell]").filter({ hasText: "Sync Tester" }).waitFor();
  });

  it("keeps ARIA row and column indices true after scrolling a long table", async () => {
    const { api, slug, tableId } = await Api.withTable(base);
    for (let i = 0; i < 120; i++) {
      await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Name: `Dealer ${i + 1}`, Score: i } });
    }
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    const grid = page.getByRole("grid");
    expect(await grid.getAttribute("aria-rowcount")).toBe("121");
    expect(await grid.getAttribute("aria-colcount")).toBe("2");
    expect(await page.getByRole("columnheader").allTextContents()).toEqual(["Name", "Score"]);
    await grid.focus();
    await page.keyboard.press("Control+End");
    const active = page.locator(`#${await grid.getAttribute("aria-activedescendant")}`);
    await expect.poll(() => active.textContent()).toBe("119");
    const lastRow = page.locator("[role=row]").filter({ has: page.getByText("Dealer 120", { exact: true }) });
    expect(await lastRow.getAttribute("aria-rowindex")).toBe("121");
    expect(await active.getAttribute("aria-colindex")).toBe("2");
    expect(await page.locator("[role=row]").count()).toBeLessThan(80);
  });

  it("draws only the columns near the screen, and brings a column into view when the active cell reaches it", async () => {
    const columns = Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i + 1}` }));
    const { api, slug, tableId } = await Api.withTable(base, columns);
    await api.request("POST", `/api/tables/${tableId}/rows`, {
      cells: Object.fromEntries(columns.map((c, i) => [c.name, `value ${i + 1}`])),
    });
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    const grid = page.getByRole("grid");
    expect(await grid.getAttribute("aria-colcount")).toBe("30");
    const drawn = () => page.locator('[role=row][aria-rowindex="2"] [role=gridcell]').count();
    // 1440 px shows about seven 180 px columns: far fewer than 30 are drawn.
    expect(await drawn()).toBeLessThan(16);
    await grid.focus();
    await page.keyboard.press("End");
    const active = page.locator(`#${await grid.getAttribute("aria-activedescendant")}`);
    await expect.poll(() => active.textContent()).toBe("value 30");
    expect(await active.getAttribute("aria-colindex")).toBe("30");
    // It is on screen, right of the frozen first column, which stays drawn.
    const box = (await active.boundingBox())!;
    const viewport = (await grid.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.x + viewport.width + 1);
    expect(await cellText(page, 1, 1)).toBe("value 1");
    expect(await drawn()).toBeLessThan(16);
    expect(await page.getByRole("columnheader", { name: "Field 30" }).isVisible()).toBe(true);
  });

  it("pastes a 3×3 TSV range, adding rows past the end, copies it back, and undoes my edits", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [
      { name: "Dealer" },
      { name: "Make" },
      { name: "Miles", type: "number" },
    ]);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: "keep me" } });
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    const grid = page.getByRole("grid");
    await grid.focus();
    const tsv = 'Austin Ford\tFord\t5\r\nLone Star Honda\tHonda\t12\r\n"Cedar Park\nToyota"\tToyota\t18\r\n';
    await grid.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
    }, tsv);
    await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("4");
    await expect.poll(() => cellText(page, 3, 1)).toBe("Cedar Park\nToyota");
    expect(await cellText(page, 2, 3)).toBe("12");
    const total = async () => (await api.request<{ total: number }>("GET", `/api/tables/${tableId}/rows`)).total;
    await expect.poll(total).toBe(3);

    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowRight");
    const copied = await grid.evaluate((el) => {
      const data = new DataTransfer();
      el.dispatchEvent(new ClipboardEvent("copy", { clipboardData: data, bubbles: true }));
      return data.getData("text/plain");
    });
    expect(copied).toBe("Austin Ford\tFord\r\nLone Star Honda\tHonda");

    await page.keyboard.press("Control+z");
    await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("2");
    expect(await cellText(page, 1, 1)).toBe("keep me");
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("4");
    expect(await cellText(page, 1, 1)).toBe("Austin Ford");
  });

  it("adds and renames columns, deletes rows, and exports CSV with formulas escaped", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }]);
    for (const name of ['=HYPERLINK("http://evil.example")', "Austin Ford", "Gone Motors"]) {
      await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: name } });
    }
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    await page.getByRole("button", { name: "Add column" }).click();
    await page.getByLabel("Name").fill("Miles");
    await page.getByLabel("Type").selectOption("number");
    await page.getByRole("button", { name: "Add column" }).last().click();
    await expect.poll(() => page.getByRole("columnheader").allTextContents()).toEqual(["Dealer", "Miles"]);

    await page.getByRole("button", { name: "Dealer column menu" }).click();
    await page.getByRole("menuitem", { name: "Rename column" }).click();
    await page.getByLabel("New name for Dealer").fill("Dealership");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("columnheader").allTextContents()).toEqual(["Dealership", "Miles"]);

    // The row menu opens from the keyboard too, and Escape gives focus back to the row's number.
    const rowMenu = page.getByRole("button", { name: "Row 2 menu" });
    await rowMenu.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("menuitem", { name: "Expand row" }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("menu").count()).toBe(0);
    await expect.poll(() => rowMenu.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole("button", { name: "Row 3 menu" }).click();
    await page.getByRole("menuitem", { name: "Delete row" }).click();
    await expect.poll(() => page.getByRole("grid").getAttribute("aria-rowcount")).toBe("3");
    await expect
      .poll(async () => (await api.request<{ total: number }>("GET", `/api/tables/${tableId}/rows`)).total)
      .toBe(2);

    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe(
      '\uFEFFDealership,Miles\r\n"\'=HYPERLINK(""http://evil.example"")",\r\nAustin Ford,',
    );
  });

  it("imports a CSV with a mapping, skipping duplicates, then fills a column down", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Name" }, { name: "Miles", type: "number" }]);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Name: "Austin Ford" } });
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const csv =
      'Dealer,Distance,Phone\nAustin Ford,5,512-555-0100\nLone Star Honda,12,512-555-0101\n"Hill Country, Ford",far,512-555-0102\n';
    await page
      .getByLabel("CSV or Excel file", { exact: true })
      .setInputFiles({ name: "dealers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText("dealers.csv: 3 rows").waitFor();
    expect(await page.getByLabel("Import Phone into").inputValue()).toBe("new");
    expect(await page.getByLabel("Import Phone into").locator("option:checked").textContent()).toBe(
      "New column (Phone)",
    );
    await page.getByLabel("Import Dealer into").selectOption({ label: "→ Name" });
    await page.getByLabel("Import Distance into").selectOption({ label: "→ Miles" });
    await page.getByLabel("Skip duplicates by").selectOption("Dealer");
    await page.getByRole("button", { name: "Import 3 rows" }).click();
    await page.getByText("Imported 2 rows. Skipped 1 duplicate.").waitFor();
    await page.getByText("Enter a number").waitFor();
    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.getByRole("grid").getAttribute("aria-rowcount")).toBe("4");
    await expect.poll(() => page.getByRole("columnheader").allTextContents()).toEqual(["Name", "Miles", "Phone"]);
    expect(await cellText(page, 2, 2)).toBe("12");
    expect(await cellText(page, 3, 1)).toBe("Hill Country, Ford");

    await page.getByRole("grid").focus();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Control+d");
    await expect.poll(() => cellText(page, 3, 2)).toBe("7");
    expect(await cellText(page, 2, 2)).toBe("7");
  });

  it("sorts, filters, searches and hides columns in a view both browsers share", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }, { name: "Miles", type: "number" }]);
    for (const [dealer, miles] of [
      ["Austin Ford", 5],
      ["Bastrop Chevrolet", 30],
      ["Cedar Park Honda", 18],
      ["Dripping Springs Ford", 22],
    ] as const) {
      await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: dealer, Miles: miles } });
    }
    const path = `/w/${slug}/t/${tableId}`;
    const a = await openTable(api, path);
    const b = await openTable(api, path);
    // A cell's value, without the name tag a collaborator's selection adds to it.
    const dealers = (page: Page) =>
      page.locator("[role=row] [role=gridcell][aria-colindex='1']").evaluateAll((cells) =>
        cells.map((c) =>
          [...c.childNodes]
            .filter((n) => !(n as Element).hasAttribute?.("data-presence"))
            .map((n) => n.textContent)
            .join(""),
        ),
      );

    await a.getByRole("button", { name: "Miles column menu" }).click();
    await a.getByRole("menuitem", { name: "Sort 9 → 1" }).click();
    await expect
      .poll(() => dealers(b))
      .toEqual(["Bastrop Chevrolet", "Dripping Springs Ford", "Cedar Park Honda", "Austin Ford"]);

    await a.getByRole("button", { name: "Filter" }).click();
    await a.getByLabel("Filter column").selectOption({ label: "Miles" });
    await a.getByLabel("Filter condition").selectOption("lt");
    await a.getByLabel("Filter value").fill("25");
    await a.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => dealers(b)).toEqual(["Dripping Springs Ford", "Cedar Park Honda", "Austin Ford"]);
    expect(await a.getByRole("grid").getAttribute("aria-rowcount")).toBe("4");

    await a.getByLabel("Search rows").fill("ford");
    await expect.poll(() => dealers(a)).toEqual(["Dripping Springs Ford", "Austin Ford"]);
    expect(await dealers(b)).toHaveLength(3);

    await a.getByRole("button", { name: "Miles column menu" }).click();
    await a.getByRole("menuitem", { name: "Hide column" }).click();
    await expect.poll(() => b.getByRole("columnheader").allTextContents()).toEqual(["Dealer"]);
    await b.getByRole("button", { name: "1 hidden · show all" }).click();
    await b.getByRole("button", { name: "Remove filter on Miles" }).click();
    await b.getByRole("button", { name: "Remove sort by Miles" }).click();
    await expect.poll(() => a.getByRole("columnheader").allTextContents()).toEqual(["Dealer", "Miles"]);
    await expect.poll(() => dealers(b)).toHaveLength(4);
  });

  it("expands a row into a panel with every field and a timeline of its changes", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }, { name: "Miles", type: "number" }]);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: "Austin Ford", Miles: 5 } });
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    await page.getByRole("grid").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Shift+Space");
    const panel = page.getByRole("dialog");
    await panel.getByRole("heading", { name: "Austin Ford" }).waitFor();
    const history = panel.getByRole("list", { name: "Row history" }).getByRole("listitem");
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.first().textContent()).toContain("Sync Tester changed Miles5 → 9");
    expect(await history.last().textContent()).toContain("Sync Tester created this row");
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.count()).toBe(0);
  });

  it("changes a column's type, converting its values, and exports the view to Excel", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }, { name: "Miles" }]);
    for (const [dealer, miles] of [
      ["Austin Ford", "5"],
      ["=cmd Motors", "1,250"],
      ["Elgin Toyota", "far"],
    ]) {
      await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: dealer, Miles: miles } });
    }
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    await page.getByRole("button", { name: "Miles column menu" }).click();
    await page.getByRole("menuitem", { name: "Change type" }).click();
    await page.getByRole("menuitem", { name: "Number" }).click();
    await expect.poll(() => cellText(page, 2, 2)).toBe("1,250");
    expect(await cellText(page, 3, 2)).toBe("");
    const miles = async () =>
      (
        await api.request<{ rows: { cells: Record<string, unknown> }[] }>("GET", `/api/tables/${tableId}/rows`)
      ).rows.map((r) => Object.values(r.cells).find((v) => typeof v === "number") ?? null);
    await expect.poll(miles).toEqual([5, 1250, null]);

    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Excel" }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Dealer", "Miles"]);
    expect(sheet.getCell("B3").value).toBe(1250);
    expect(sheet.getCell("A3").value).toBe("=cmd Motors");
    expect(sheet.getCell("A3").formula).toBeUndefined();
  });

  it("inserts and duplicates rows from the row menu, and renames and deletes the table from the home", async () => {
    const original = `Lot ${Date.now()}`;
    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }], original);
    for (const dealer of ["Austin Ford", "Bastrop Ram"])
      await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: dealer } });
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    await page.getByRole("button", { name: "Row 1 menu" }).click();
    await page.getByRole("menuitem", { name: "Duplicate row" }).click();
    await page.getByRole("button", { name: "Row 2 menu" }).click();
    await page.getByRole("menuitem", { name: "Insert row below" }).click();
    const dealers = () => page.locator("[role=row] [role=gridcell][aria-colindex='1']").allTextContents();
    await expect.poll(dealers).toEqual(["Austin Ford", "Austin Ford", "", "Bastrop Ram"]);

    // The home counts rows in every table of this (shared, by now busy) workspace: give it time.
    await page.goto(`${base}/w/${slug}`, { timeout: 60_000 });
    const renamed = `Renamed ${Date.now()}`;
    await page.getByRole("button", { name: `Rename ${original}` }).click();
    await page.getByLabel(`New name for ${original}`).fill(renamed);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Table renamed.").waitFor();
    const item = page.getByRole("listitem").filter({ hasText: renamed });
    await item.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog").getByText("4 rows and their history").waitFor();
    await page.getByRole("button", { name: "Delete table" }).click();
    await page.getByText("Table deleted.").waitFor();
    // The confirmation names the table while it closes; then the name is gone from the page.
    await expect.poll(() => page.getByText(renamed).count()).toBe(0);
    await expect(api.request("GET", `/api/tables/${tableId}`)).rejects.toThrow(/404/);
  });
});

describe("a table left alone", () => {
  it("sends nothing while two people look at it and nobody does anything, and stays Saved", async () => {
    const { api, slug, tableId } = await Api.withTable(base);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Name: "Austin Ford" } });
    const a = await openTable(api, `/w/${slug}/t/${tableId}`);
    const b = await openTable(api, `/w/${slug}/t/${tableId}`);
    await a.getByRole("grid").focus();
    await a.keyboard.press("ArrowRight");
    await a.waitForTimeout(1_000);
    const sent: number[] = [];
    for (const page of [a, b]) {
      const client = await page.context().newCDPSession(page);
      await client.send("Network.enable");
      client.on("Network.webSocketFrameSent", () => sent.push(Date.now()));
    }
    await a.waitForTimeout(3_000);
    // A page that re-sent its presence on every render used to keep both busy, and its badge on "Syncing".
    expect(sent.length).toBeLessThan(3);
    expect(await b.getByRole("status").first().textContent()).toContain("Saved");
    await a.context().close();
    await b.context().close();
  });
});

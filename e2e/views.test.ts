import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { Api } from "./api";
import { openTable as openPageOf, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

const open = (api: Api, url: string) => openPageOf(browser(), api, url);

const headers = (page: Page) => page.getByRole("columnheader").allTextContents();
const headerWidth = (page: Page, name: string) =>
  page
    .getByRole("columnheader")
    .filter({ hasText: name })
    .evaluate((el) => el.getBoundingClientRect().width);

describe("saved views", () => {
  it("keeps each view's grouping, row height, column order and widths, shared through its link", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [
      { name: "Dealer" },
      { name: "Status" },
      { name: "Miles", type: "number" },
    ]);
    const dealers: [string, string | null, number][] = [
      ["Austin Ford", "Ready", 5],
      ["Bastrop Chevrolet", "Sent", 30],
      ["Cedar Park Honda", "Ready", 12],
      ["Dripping Springs Ford", null, 22],
      ["Elgin Kia", "Sent", 40],
    ];
    for (const [Dealer, Status, Miles] of dealers)
      await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer, Status, Miles } });
    const a = await open(api, `${base}/w/${slug}/t/${tableId}`);

    await a.getByRole("button", { name: "Add a view" }).click();
    await a.getByRole("tab", { name: "Grid view 2", selected: true }).waitFor();
    await expect.poll(() => new URL(a.url()).searchParams.get("view")).toMatch(/^v/);

    await a.getByLabel("Group rows by").selectOption({ label: "Group by Status" });
    const groups = a.locator("[data-group]");
    await expect.poll(() => groups.allTextContents()).toEqual(["StatusReady2", "StatusSent2", "Status(empty)1"]);
    expect(await a.getByRole("grid").getAttribute("aria-rowcount")).toBe(String(5 + 3 + 1));

    await a.getByLabel("Row height").selectOption("tall");
    const firstRow = a.locator("[role=row]").filter({ hasText: "Austin Ford" });
    await expect.poll(() => firstRow.evaluate((el) => el.getBoundingClientRect().height)).toBe(96);

    await a.getByRole("button", { name: "Miles column menu" }).click();
    await a.getByRole("menuitem", { name: "Move left" }).click();
    await expect.poll(() => headers(a)).toEqual(["Dealer", "Miles", "Status"]);

    const before = await headerWidth(a, "Dealer");
    const handle = a.locator('[data-resize="Dealer"]');
    const box = (await handle.boundingBox())!;
    await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await a.mouse.down();
    await a.mouse.move(box.x + 120, box.y + box.height / 2, { steps: 5 });
    await a.mouse.up();
    await expect.poll(() => headerWidth(a, "Dealer")).toBeGreaterThan(before + 90);

    // The same link in another browser opens the same view, as it was left.
    const b = await open(api, a.url());
    await expect.poll(() => b.locator("[data-group]").count()).toBe(3);
    expect(await headers(b)).toEqual(["Dealer", "Miles", "Status"]);
    expect(await headerWidth(b, "Dealer")).toBeGreaterThan(before + 90);

    // The first view is untouched.
    await b.getByRole("tab", { name: "Grid view", exact: true }).click();
    await expect.poll(() => b.locator("[data-group]").count()).toBe(0);
    expect(await headers(b)).toEqual(["Dealer", "Status", "Miles"]);
    await a.context().close();
    await b.context().close();
  });
});

describe("bulk actions on selected rows", () => {
  it("sets a field in every selected row, exports them, deletes them, and undoes the delete", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }, { name: "Status" }]);
    for (const Dealer of ["Austin Ford", "Bastrop Chevrolet", "Cedar Park Honda", "Elgin Kia"])
      await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer } });
    const page = await open(api, `${base}/w/${slug}/t/${tableId}`);
    await page.getByText("Elgin Kia").waitFor();
    const grid = page.getByRole("grid");
    await grid.focus();
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    const bar = page.getByRole("region", { name: "Selected rows" });
    await bar.getByText("3 rows selected").waitFor();

    await bar.getByLabel("Field to set").selectOption({ label: "Status" });
    await bar.getByLabel("Value for the selected rows").fill("Sent");
    await bar.getByRole("button", { name: "Apply to 3" }).click();
    const status = page.locator("[role=row] [role=gridcell][aria-colindex='2']");
    await expect.poll(() => status.allTextContents()).toEqual(["Sent", "Sent", "Sent", ""]);

    const [file] = await Promise.all([
      page.waitForEvent("download"),
      bar.getByRole("button", { name: "Export selection" }).click(),
    ]);
    const csv = await new Response((await file.createReadStream()) as unknown as ReadableStream).text();
    expect(csv.trim().split(/\r?\n/)).toHaveLength(4);
    expect(csv).toContain("Cedar Park Honda");
    expect(csv).not.toContain("Elgin Kia");

    await bar.getByRole("button", { name: "Delete 3" }).click();
    await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("2");
    await expect.poll(() => bar.count()).toBe(0);
    await grid.focus();
    await page.keyboard.press("Control+z");
    await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("5");
    await page.context().close();
  });
});

describe("importing an Excel workbook", () => {
  it("reads its first sheet, types new columns from their values, and adds the rows", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Dealers");
    sheet.addRow(["Dealer", "Miles", "Opened", "Email"]);
    sheet.addRow(["Austin Ford", 5, new Date(Date.UTC(2021, 4, 3)), "sales@austinford.example"]);
    sheet.addRow(["Bayou Ford", 12.5, new Date(Date.UTC(2019, 0, 15)), "hello@bayouford.example"]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());

    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }]);
    const page = await open(api, `${base}/w/${slug}/t/${tableId}`);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByLabel("CSV or Excel file", { exact: true }).setInputFiles({
      name: "dealers.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await page.getByText("dealers.xlsx: 2 rows").waitFor();
    const chosen = (header: string) => page.getByLabel(`Import ${header} into`).locator("option:checked").textContent();
    expect(await chosen("Dealer")).toBe("→ Dealer");
    expect(await chosen("Miles")).toBe("New column (Number)");
    expect(await chosen("Opened")).toBe("New column (Date)");
    expect(await chosen("Email")).toBe("New column (Email)");
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await page.getByText("Imported 2 rows.").waitFor();
    await page.getByRole("button", { name: "Done" }).click();

    const rows = await api.request<{ rows: { cells: Record<string, unknown> }[] }>(
      "GET",
      `/api/tables/${tableId}/rows?limit=10`,
    );
    const table = await api.request<{ columns: { id: string; name: string; type: string }[] }>(
      "GET",
      `/api/tables/${tableId}`,
    );
    expect(table.columns.map((c) => [c.name, c.type])).toEqual([
      ["Dealer", "text"],
      ["Miles", "number"],
      ["Opened", "date"],
      ["Email", "email"],
    ]);
    const byName = Object.fromEntries(table.columns.map((c) => [c.id, c.name]));
    const named = rows.rows.map((r) => Object.fromEntries(Object.entries(r.cells).map(([id, v]) => [byName[id], v])));
    expect(named).toContainEqual({
      Dealer: "Bayou Ford",
      Miles: 12.5,
      Opened: "2019-01-15",
      Email: "hello@bayouford.example",
    });
    await page.context().close();
  });
});

describe("new tables from templates", () => {
  it("creates a table from a template with its columns and computes its formulas", async () => {
    const { api, slug } = await Api.account(base);
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(15_000);
    await context.addCookies(api.cookies());
    const page = await context.newPage();
    await page.goto(`${base}/w/${slug}`);
    await page.getByLabel("New table name").fill("Spring campaigns");
    await page.getByLabel("Start from").selectOption({ label: "Campaigns template" });
    await page.getByRole("button", { name: "New table" }).click();
    await page.getByRole("grid").waitFor();
    await page.getByText("Saved").waitFor({ timeout: 30_000 });
    expect(await headers(page)).toEqual(["Name", "Channel", "Audience", "Sent", "Opened", "Open rate", "Status"]);
    await page.getByRole("button", { name: "Add row" }).click();
    await expect.poll(() => page.getByRole("grid").getAttribute("aria-rowcount")).toBe("2");
    await page.getByRole("grid").focus();
    await page.keyboard.press("Control+Home");
    for (const key of ["ArrowRight", "ArrowRight", "ArrowRight"]) await page.keyboard.press(key);
    await page.keyboard.type("200");
    await page.keyboard.press("Tab");
    await page.keyboard.type("50");
    await page.keyboard.press("Enter");
    const openRate = page.locator("[role=row][aria-rowindex='2'] [role=gridcell][aria-colindex='6']");
    await expect.poll(() => openRate.textContent()).toBe("25");

    await page.goto(`${base}/w/${slug}`);
    await page.getByLabel("New table name").fill("From a file");
    await page.getByLabel("Start from").selectOption({ label: "From a CSV or Excel file" });
    await page.getByRole("button", { name: "New table" }).click();
    await page.getByRole("dialog", { name: "Import a CSV or Excel file" }).waitFor();
    await context.close();
  });
});

describe("ordering rows by hand", () => {
  it("moves rows from the row menu and by dragging their number, for everyone, unless a sort decides", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }]);
    for (const Dealer of ["Austin Ford", "Bastrop Chevrolet", "Cedar Park Honda", "Elgin Kia"])
      await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer } });
    const a = await open(api, `${base}/w/${slug}/t/${tableId}`);
    const b = await open(api, `${base}/w/${slug}/t/${tableId}`);
    // A cell's text, without the name tag a collaborator's selection adds to it.
    const order = (page: Page) =>
      page
        .locator("[role=row] [role=gridcell][aria-colindex='1']")
        .evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ""));
    await expect.poll(() => order(a)).toEqual(["Austin Ford", "Bastrop Chevrolet", "Cedar Park Honda", "Elgin Kia"]);

    await a.getByRole("button", { name: "Row 1 menu" }).click();
    await a.getByRole("menuitem", { name: "Move down" }).click();
    await expect.poll(() => order(b)).toEqual(["Bastrop Chevrolet", "Austin Ford", "Cedar Park Honda", "Elgin Kia"]);

    await a.locator('[data-row-handle="4"]').dragTo(a.locator('[data-row-handle="1"]'));
    await expect.poll(() => order(b)).toEqual(["Elgin Kia", "Bastrop Chevrolet", "Austin Ford", "Cedar Park Honda"]);

    await a.getByRole("button", { name: "Dealer column menu" }).click();
    await a.getByRole("menuitem", { name: "Sort A → Z" }).click();
    await a.getByRole("button", { name: "Row 2 menu" }).click();
    expect(await a.getByRole("menuitem", { name: "Move up" }).getAttribute("aria-disabled")).toBe("true");
    await a.context().close();
    await b.context().close();
  });
});

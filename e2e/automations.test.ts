import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { Api } from "./api";
import { openTable as openPageOf, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

const openTable = (api: Api, path: string) => openPageOf(browser(), api, `${base}${path}`);

const cell = (page: Page, row: number, col: number) =>
  page.locator(`[role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="${col}"]`);

describe("formulas, buttons and rules in the browser", () => {
  it("adds a formula column with suggestions and a preview, recomputes on an edit, and shows errors as #ERROR", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [
      { name: "Dealer" },
      { name: "Price", type: "number" },
      { name: "Qty", type: "number" },
    ]);
    await api.request("POST", `/api/tables/${tableId}/rows`, {
      cells: { Dealer: "Lone Star Honda", Price: 12.5, Qty: 4 },
    });
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    await page.getByText("Lone Star Honda").waitFor();

    await page.getByRole("button", { name: "Add column" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a column" });
    // Typed key by key: keys in a dialog opened from the grid must not reach the grid's cells.
    await dialog.getByLabel("Name").pressSequentially("Total");
    await dialog.getByRole("combobox", { name: "Type" }).selectOption("formula");
    const formula = dialog.getByRole("combobox", { name: "Formula" });
    await formula.click();
    await formula.pressSequentially("rou");
    await dialog.getByRole("option", { name: /^ROUND,/ }).waitFor();
    await formula.press("Enter");
    await formula.pressSequentially("{pri");
    await dialog.getByRole("option", { name: /^\{Price\},/ }).waitFor();
    await formula.press("Tab");
    await formula.pressSequentially(" * {Qty}, 1)");
    expect(await formula.inputValue()).toBe("ROUND({Price} * {Qty}, 1)");
    await expect.poll(() => dialog.locator("[data-formula-preview]").textContent()).toMatch(/row 1: 50$/);
    await dialog.getByRole("button", { name: "Add column" }).click();
    await expect.poll(() => cell(page, 1, 4).textContent()).toBe("50");
    expect(await cell(page, 1, 1).textContent()).toBe("Lone Star Honda");

    await cell(page, 1, 3).click();
    await page.keyboard.type("10");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(page, 1, 4).textContent()).toBe("125");

    await page.getByRole("button", { name: "Total column menu" }).click();
    await page.getByRole("menuitem", { name: "Edit formula" }).click();
    const edit = page.getByRole("dialog", { name: /Formula of/ });
    await edit.getByRole("combobox", { name: "Formula" }).fill("{Price} / ({Qty} - 10)");
    await expect.poll(() => edit.locator("[data-formula-preview]").textContent()).toMatch(/#DIV\/0!/);
    await edit.getByRole("button", { name: "Save" }).click();
    const chip = cell(page, 1, 4).locator("[data-formula-error]");
    await expect.poll(() => chip.getAttribute("data-formula-error")).toBe("#DIV/0!");
    expect(await chip.getAttribute("title")).toMatch(/#DIV\/0!/);
    await page.context().close();
  });

  it("fires a rule written in the panel when a cell edit makes it true, and writes the result into the row", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [
      { name: "Dealer" },
      { name: "Status" },
      { name: "Stage" },
    ]);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: "Bayou Ford", Status: "New" } });
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    await page.getByText("Bayou Ford").waitFor();

    await page.getByRole("button", { name: "Automations" }).click();
    const panel = page.getByRole("dialog", { name: "Automations" });
    await panel.getByRole("button", { name: "New rule" }).click();
    await panel.getByLabel("Name").fill("Ready means contacted");
    await panel.getByRole("combobox", { name: "When" }).fill('{Status} = "Ready"');
    await expect.poll(() => panel.locator("[data-rule-test]").getAttribute("data-rule-test")).toBe("no");
    await panel.getByRole("combobox", { name: "Column 1" }).selectOption("Stage");
    await panel.getByRole("textbox", { name: "Value 1" }).fill("Contacted");
    await panel.getByRole("button", { name: "Save rule" }).click();
    await panel.getByRole("list", { name: "Rules" }).getByText("Ready means contacted").waitFor();
    await page.keyboard.press("Escape");

    await cell(page, 1, 2).click();
    await page.keyboard.type("Ready");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(page, 1, 3).textContent()).toBe("Contacted");

    await page.getByRole("button", { name: "Automations" }).click();
    await panel.getByRole("tab", { name: "Run log" }).click();
    const log = panel.getByRole("table", { name: "Run log" });
    await expect.poll(() => log.textContent()).toMatch(/Ready means contacted.*Row 1 · Bayou Ford.*succeeded/);

    // The workspace's log shows the same run among every table's.
    await page.goto(`${base}/w/${slug}/automations`);
    const all = page.getByRole("table", { name: "Run log" });
    await expect
      .poll(() => all.getByRole("row").filter({ hasText: "Synced" }).first().textContent())
      .toMatch(/set-fields.*succeeded/);
    await page.context().close();
  });

  it("runs a button's action on its row after asking, and shows the run in the cell", async () => {
    const button = {
      label: "Qualify",
      action: { name: "set-fields", params: { fields: { Stage: "Qualified" } } },
      confirm: "Mark this dealer as qualified?",
      disabledWhen: '{Stage} = "Qualified"',
    };
    const { api, slug, tableId } = await Api.withTable(base, [
      { name: "Dealer" },
      { name: "Stage" },
      { name: "Go", type: "button", options: button },
    ]);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: "Magnolia Kia" } });
    const page = await openTable(api, `/w/${slug}/t/${tableId}`);
    await page.getByText("Magnolia Kia").waitFor();

    const press = cell(page, 1, 3).getByRole("button", { name: "Qualify (Go)" });
    await press.click();
    const ask = page.getByRole("alertdialog", { name: "Qualify" });
    await ask.getByText("Mark this dealer as qualified?").waitFor();
    await ask.getByRole("button", { name: "Qualify" }).click();
    await expect.poll(() => cell(page, 1, 2).textContent()).toBe("Qualified");
    await expect
      .poll(() => cell(page, 1, 3).locator("[data-run-state]").getAttribute("data-run-state"))
      .toBe("succeeded");
    // Now the disabled-when formula holds: the button says why and does nothing.
    await expect.poll(() => press.getAttribute("aria-disabled")).toBe("true");
    expect(await press.getAttribute("title")).toMatch(/Not available/);
    await page.context().close();
  });
});

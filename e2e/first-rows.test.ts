/**
 * A table's first rows come with the page: they are in its HTML before any script runs, and they
 * can be looked through (clicked, arrowed) before the table has synced, but not edited.
 */
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { dealership } from "../bench/grid/dataset";
import { createTable, seedRows } from "../bench/grid/seed";
import { Api } from "./api";
import { openTable, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

/** Two blocks, so the page has more rows than it is served. */
const ROWS = 1_500;

let url = "";

beforeAll(async () => {
  const table = await createTable(base, "Dealerships served");
  await seedRows(base, table.tableId, table.token, table.columnIds, ROWS);
  url = `${base}/w/${table.slug}/t/${table.tableId}`;
}, 120_000);

async function context(javaScriptEnabled = true): Promise<BrowserContext> {
  const { api } = await Api.account(base);
  const ctx = await browser().newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled });
  ctx.setDefaultTimeout(15_000);
  await ctx.addCookies(api.cookies());
  return ctx;
}

const cell = (page: Page, row: number, col: number) =>
  page.locator(`[role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="${col}"]`);

describe("rows served with the page", () => {
  it("are in the HTML: a page without scripts shows the first rows and the whole count", async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(url);
    expect(await cell(page, 1, 1).textContent()).toBe(dealership(0));
    expect(await cell(page, 10, 1).textContent()).toBe(dealership(9));
    expect(await page.getByRole("grid").getAttribute("aria-rowcount")).toBe(String(ROWS + 1));
    expect(await page.getByText(`${ROWS.toLocaleString()} rows`).count()).toBe(1);
    await ctx.close();
  });

  it("can be clicked and arrowed through before the table syncs, and refuse typing until it has", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    // The sync socket opens but the server never answers: the table stays on the served rows.
    await page.routeWebSocket(/\/sync\//, () => {});
    await page.goto(url);
    await cell(page, 1, 2).click();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => cell(page, 2, 2).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.type("x");
    await page.getByRole("alert").getByText("The table is still loading").waitFor();
    expect(await page.getByRole("textbox").count()).toBe(0);
    await ctx.close();

    // With the server answering, the same page edits as usual.
    const { api } = await Api.account(base);
    const live = await openTable(browser(), api, url);
    await cell(live, 2, 1).click();
    await live.keyboard.type("Renamed dealer");
    await live.keyboard.press("Enter");
    await expect.poll(() => cell(live, 2, 1).textContent()).toBe("Renamed dealer");
    await live.context().close();
  });
});

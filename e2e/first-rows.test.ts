/**
 * A table's first rows come with the page: they are in its HTML before any script runs, and they
 * can be looked through (clicked, arrowed) before the table has synced, even before the page's
 * scripts have run; each takes edits once its block has synced, before the rest of the table.
 */
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { COLUMNS, dealership } from "../bench/grid/dataset";
import { createTable, seedRows } from "../bench/grid/seed";
import { Api } from "./api";
import { openTable, sharedBrowser } from "./browser";
import { holdBack } from "./held-socket";

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

async function context(javaScriptEnabled = true, viewport = { width: 1440, height: 900 }): Promise<BrowserContext> {
  const { api } = await Api.account(base);
  const ctx = await browser().newContext({ viewport, javaScriptEnabled });
  ctx.setDefaultTimeout(15_000);
  await ctx.addCookies(api.cookies());
  return ctx;
}

/** The rows and columns a page drew, before any script ran. */
async function drawn(ctx: BrowserContext) {
  const page = await ctx.newPage();
  await page.goto(url);
  const rows = await page.locator("[role=row][aria-rowindex]:not([aria-rowindex='1'])").count();
  const columns = await page.locator("[role=row][aria-rowindex='2'] [role=gridcell]").count();
  await page.close();
  return { rows, columns };
}

/**
 * A page whose scripts wait until `release`: the grid is the server's until then. `errors` collects
 * what the page reports (a hydration mismatch among them).
 */
async function scriptsHeld() {
  const ctx = await context();
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  let release = () => {};
  const scripts = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/assets/*.js", async (route) => {
    await scripts;
    await route.continue();
  });
  return { ctx, page, errors, release };
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

  it("are as many as fit the reader's grid, as the browser last measured it", async () => {
    // A first visit draws for the grid of a 1,440 × 900 window: 1,193 × 723 px, 23 rows of 32 px and 8 columns.
    const fresh = await context(false, { width: 1920, height: 1080 });
    expect(await drawn(fresh)).toEqual({ rows: 23, columns: 8 });
    await fresh.close();

    // A small window: once the page has measured its grid, the next load draws only what fits it.
    const small = await context(true, { width: 900, height: 500 });
    const page = await small.newPage();
    await page.goto(url);
    const gridBox = () => page.getByRole("grid").evaluate((g) => ({ width: g.clientWidth, height: g.clientHeight }));
    const box = await gridBox();
    // The view tabs and bar come with the page, inert until the views have synced: the grid keeps its place and size.
    await expect.poll(() => page.getByPlaceholder("Search").isEnabled()).toBe(true);
    expect(await gridBox()).toEqual(box);
    await expect
      .poll(async () => (await small.cookies()).find((c) => c.name === "rowpilot-grid")?.value, { timeout: 5_000 })
      .toBe(`${box.width}x${box.height}`);
    const remembered = (await small.cookies()).filter((c) => c.name === "rowpilot-grid");
    await small.close();
    const noScripts = await context(false, { width: 900, height: 500 });
    await noScripts.addCookies(remembered);
    const { rows, columns } = await drawn(noScripts);
    expect(rows).toBe(Math.ceil(box.height / 32));
    expect(columns).toBeLessThan(8);
    await noScripts.close();
  });

  it("can be clicked, arrowed through and typed in before the table syncs, saving the typing once it has", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    // The sync socket opens but the server never answers: the table stays on the served rows.
    await page.routeWebSocket(/\/sync\//, () => {});
    await page.goto(url);
    await cell(page, 1, 2).click();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => cell(page, 2, 2).getAttribute("aria-selected")).toBe("true");
    // A typed character opens the editor; Enter leaves it open, waiting for the row to sync.
    await page.keyboard.type("x");
    const editor = cell(page, 2, 2).getByRole("textbox", { name: "Edit cell" });
    expect(await editor.inputValue()).toBe("x");
    await page.keyboard.type("yz");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Saves when the table has loaded").waitFor();
    expect(await editor.inputValue()).toBe("xyz");
    expect(await editor.getAttribute("aria-busy")).toBe("true");
    // Enter on a cell (which edits its text as it is) still waits for the table.
    await page.keyboard.press("Escape");
    expect(await page.getByRole("textbox", { name: "Edit cell" }).count()).toBe(0);
    await page.keyboard.press("Enter");
    await page.getByRole("alert").getByText("The table is still loading").waitFor();
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

  it("take edits once their block has synced, while rows of a block still loading refuse them", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    // The server's frames for the second block are held back until the test lets them through.
    const b1 = await holdBack(page, "b1");
    await page.goto(url);
    // Row 4 is served and in the first block: it becomes live while the table is still loading.
    await expect.poll(() => page.locator('[role=row][aria-rowindex="5"]').getAttribute("aria-busy")).toBeNull();
    await cell(page, 4, 1).click();
    await page.keyboard.type("Edited early");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(page, 4, 1).textContent()).toBe("Edited early");
    expect(await page.getByRole("grid").getAttribute("aria-busy")).toBe("true");
    expect(b1.held()).toBeGreaterThan(0);
    // The last row's block has not arrived: it refuses typing, and says why.
    await page.keyboard.press("Control+End");
    await page.keyboard.type("x");
    await page.getByRole("alert").getByText("The table is still loading").waitFor();
    expect(await page.getByRole("textbox").count()).toBe(0);

    // Another person sees the early edit.
    const { api } = await Api.account(base);
    const other = await openTable(browser(), api, url);
    await expect.poll(() => cell(other, 4, 1).textContent()).toBe("Edited early");
    await other.context().close();

    // The held block arrives: the whole table takes over, the edit and the active cell where they were.
    await page.keyboard.press("Control+Home");
    await cell(page, 4, 1).click();
    b1.release();
    await expect.poll(() => page.getByRole("grid").getAttribute("aria-busy")).toBeNull();
    expect(await page.getByRole("grid").getAttribute("aria-rowcount")).toBe(String(ROWS + 1));
    expect(await cell(page, 4, 1).textContent()).toBe("Edited early");
    expect(await cell(page, 4, 1).getAttribute("aria-selected")).toBe("true");
    await ctx.close();
  });

  it("keep the active cell and an open editor on their row when the whole table replaces them", async () => {
    // A table whose view sorts by name, descending: its served rows are the second block's.
    const sorted = await createTable(base, "Dealerships sorted");
    await seedRows(base, sorted.tableId, sorted.token, sorted.columnIds, ROWS);
    const sortedUrl = `${base}/w/${sorted.slug}/t/${sorted.tableId}`;
    const { api } = await Api.account(base);
    const setup = await openTable(browser(), api, sortedUrl);
    await setup.getByRole("button", { name: "Sort", exact: true }).click();
    await setup.getByLabel("Sort column").selectOption({ label: "Dealership" });
    await setup.getByLabel("Sort direction").selectOption("desc");
    await setup.getByRole("button", { name: "Sort", exact: true }).click();
    await expect.poll(() => cell(setup, 1, 1).textContent()).toBe(dealership(ROWS - 1));
    await setup.context().close();

    const ctx = await context();
    const page = await ctx.newPage();
    const b0 = await holdBack(page, "b0");
    await page.goto(sortedUrl);
    await expect.poll(() => page.locator('[role=row][aria-rowindex="2"]').getAttribute("aria-busy")).toBeNull();
    // Renamed early, row 1 belongs last in this view: it stays first until every row is in.
    await cell(page, 1, 1).click();
    await page.keyboard.type("Aaron Motors");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(page, 1, 1).textContent()).toBe("Aaron Motors");
    // An editor open on row 3 when the first block arrives.
    await cell(page, 3, 2).click();
    await page.keyboard.type("Springfield");
    b0.release();
    await expect.poll(() => page.getByRole("grid").getAttribute("aria-busy"), { timeout: 15_000 }).toBeNull();
    await page.keyboard.press("Enter");
    // That row is now the second: the editor followed it, and the city went to it.
    expect(await cell(page, 2, 1).textContent()).toBe(dealership(ROWS - 3));
    await expect.poll(() => cell(page, 2, 2).textContent()).toBe("Springfield");
    expect(await cell(page, 1, 2).textContent()).not.toBe("Springfield");
    expect(await cell(page, 3, 2).textContent()).not.toBe("Springfield");
    await ctx.close();
  });

  it("go on showing moves while the grid hydrates, and the hydrated grid ends where the page showed", async () => {
    const { ctx, page, errors, release } = await scriptsHeld();
    await page.goto(url, { waitUntil: "commit" });
    await cell(page, 3, 2).click();
    // What the grid's first render does as hydration begins, which can take a few hundred ms to end.
    const taken = await page.evaluate(() => window.__rowpilotEarlyGrid?.taken());
    expect(taken).toEqual({ row: 2, col: 1 });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    expect(await cell(page, 4, 3).getAttribute("aria-selected")).toBe("true");
    release();
    await expect.poll(() => page.evaluate(() => "__rowpilotEarlyGrid" in window), { timeout: 15_000 }).toBe(false);
    // The grid replayed both moves from the cell it took, once: row 4, column 3, the only one active.
    expect(await cell(page, 4, 3).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("[role=gridcell][aria-selected=true]").count()).toBe(1);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => cell(page, 5, 3).getAttribute("aria-selected")).toBe("true");
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("take typing before the page's scripts ran: the grid goes on with the editor, and saves what was committed", async () => {
    const { ctx, page, errors, release } = await scriptsHeld();
    await page.goto(url, { waitUntil: "commit" });
    // Row 3's name: typed, committed with Enter, before any of the page's modules ran.
    await cell(page, 3, 1).click();
    await page.keyboard.type("Early Motors");
    const early = page.getByRole("textbox", { name: "Edit cell" });
    expect(await early.inputValue()).toBe("Early Motors");
    // Over the cell it edits.
    const [box, over] = [await cell(page, 3, 1).boundingBox(), await early.boundingBox()];
    expect(over).toEqual(box);
    await page.keyboard.press("Enter");
    expect(await early.getAttribute("aria-busy")).toBe("true");
    // Typing goes nowhere else meanwhile: the grid's cells and keys wait.
    await page.keyboard.type("zz");
    expect(await early.inputValue()).toBe("Early Motors");
    release();
    // The grid saves it once row 3 has synced, then moves down, as Enter does.
    await expect.poll(() => cell(page, 3, 1).textContent(), { timeout: 15_000 }).toBe("Early Motors");
    await expect.poll(() => cell(page, 4, 1).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByRole("textbox", { name: "Edit cell" }).count()).toBe(0);
    const { api } = await Api.account(base);
    const other = await openTable(browser(), api, url);
    await expect.poll(() => cell(other, 3, 1).textContent()).toBe("Early Motors");
    await other.context().close();
    expect(errors).toEqual([]);
    await ctx.close();

    // An editor still open when the scripts run goes on in the grid, focused, with what was typed.
    const second = await scriptsHeld();
    await second.page.goto(url, { waitUntil: "commit" });
    await cell(second.page, 5, 2).click();
    await second.page.keyboard.type("Spring");
    second.release();
    const editor = cell(second.page, 5, 2).getByRole("textbox", { name: "Edit cell" });
    await expect.poll(() => editor.count(), { timeout: 15_000 }).toBe(1);
    expect(await editor.inputValue()).toBe("Spring");
    expect(await second.page.getByRole("textbox", { name: "Edit cell" }).count()).toBe(1);
    await second.page.keyboard.type("field");
    await second.page.keyboard.press("Tab");
    await expect.poll(() => cell(second.page, 5, 2).textContent()).toBe("Springfield");
    await expect.poll(() => cell(second.page, 5, 3).getAttribute("aria-selected")).toBe("true");
    expect(second.errors).toEqual([]);
    await second.ctx.close();

    // Esc drops it. The grid names the columns a typed character edits: not the checkbox.
    const third = await scriptsHeld();
    await third.page.goto(url, { waitUntil: "commit" });
    await cell(third.page, 7, 1).click();
    await third.page.keyboard.type("Dropped");
    await third.page.keyboard.press("Escape");
    expect(await third.page.getByRole("textbox", { name: "Edit cell" }).count()).toBe(0);
    // Shift+Space (the grid's "expand the row") is not a typed space.
    await third.page.keyboard.press("Shift+Space");
    expect(await third.page.getByRole("textbox", { name: "Edit cell" }).count()).toBe(0);
    // Focus leaving the editor commits it; the grid saves it later without taking focus back.
    await cell(third.page, 8, 2).click();
    await third.page.keyboard.type("Away");
    await third.page.evaluate(() => (document.activeElement as HTMLElement).blur());
    expect(await third.page.getByRole("textbox", { name: "Edit cell" }).getAttribute("aria-busy")).toBe("true");
    const typing = COLUMNS.flatMap((c, i) => (c.type === "checkbox" ? [] : [String(i + 1)]));
    expect(typing).toHaveLength(COLUMNS.length - 1);
    expect(await third.page.getByRole("grid").getAttribute("data-typing-cols")).toBe(typing.join(","));
    third.release();
    await expect
      .poll(() => third.page.evaluate(() => "__rowpilotEarlyGrid" in window), { timeout: 15_000 })
      .toBe(false);
    expect(await cell(third.page, 7, 1).textContent()).toBe(dealership(6));
    await expect.poll(() => cell(third.page, 8, 2).textContent(), { timeout: 15_000 }).toBe("Away");
    // Neither the grid's editor nor the grid took focus: it is where the person left it.
    expect(await third.page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");
    expect(third.errors).toEqual([]);
    await third.ctx.close();
  });

  it("move the active cell before the page's scripts ran, and keep what they cannot show for the grid", async () => {
    const { ctx, page, errors, release } = await scriptsHeld();
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    await page.goto(url, { waitUntil: "commit" });
    const grid = page.getByRole("grid");
    await cell(page, 3, 2).click();
    await page.keyboard.press("ArrowDown");
    // Moves between drawn cells show at once, by the page's first script.
    expect(await cell(page, 4, 2).getAttribute("aria-selected")).toBe("true");
    expect(await cell(page, 1, 1).getAttribute("aria-selected")).toBe("false");
    expect(await grid.getAttribute("aria-activedescendant")).toBe(await cell(page, 4, 2).getAttribute("id"));
    // A selection it cannot draw waits for the grid.
    await page.keyboard.press("Shift+ArrowRight");
    expect(await cell(page, 4, 3).getAttribute("aria-selected")).toBe("false");
    // The page's HTML has opened the table's socket already.
    await expect.poll(() => sockets.filter((u) => u.includes("/sync/")).length).toBe(1);
    release();
    // Row 4, column 3 active, and the selection from column 2 to 3 of row 4.
    await expect.poll(() => cell(page, 4, 3).getAttribute("aria-selected"), { timeout: 15_000 }).toBe("true");
    expect(await cell(page, 4, 2).getAttribute("class")).toContain("bg-accent-soft");
    expect(await grid.getAttribute("aria-activedescendant")).toBe(await cell(page, 4, 3).getAttribute("id"));
    // Once hydrated, keys go to the grid as usual, each handled once.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => cell(page, 5, 3).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("[role=gridcell][aria-selected=true]").count()).toBe(1);
    expect(await cell(page, 4, 2).getAttribute("class")).not.toContain("bg-accent-soft");
    // React found the page as it would have drawn it: no hydration error. The page's sync took
    // over the socket its HTML opened, and the table loads through it.
    expect(errors).toEqual([]);
    await expect.poll(() => grid.getAttribute("aria-busy"), { timeout: 15_000 }).toBeNull();
    expect(sockets).toHaveLength(1);
    await ctx.close();
  });
});

/**
 * A table of more blocks than the browser loads whole opens windowed: the order comes from the
 * server, only the blocks near the screen are open, and edits and sorts still work.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { dealership } from "../bench/grid/dataset";
import { createTable, seedRows } from "../bench/grid/seed";
import { cellOf, rowsOf } from "../sync/layout";
import { TableSync } from "../sync/provider";
import { Api } from "./api";
import { openTable, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

/** 25 blocks of 1,000 rows: past the 20 a browser loads whole. */
const ROWS = 25_000;
/** Seeding 25,000 rows through the sync socket takes ~30 s on an idle 2-core machine. */
const SEED_TIMEOUT_MS = 240_000;
/** Blocks a windowed page keeps open, least recently used closed past it (MAX_OPEN_BLOCKS). */
const FEW_BLOCKS = 8;

/** Short rows, the default row height. */
const ROW_PX = 32;

let url = "";
let table: Awaited<ReturnType<typeof createTable>>;

beforeAll(async () => {
  table = await createTable(base, "Dealerships 25k");
  await seedRows(base, table.tableId, table.token, table.columnIds, ROWS);
  url = `${base}/w/${table.slug}/t/${table.tableId}`;
}, SEED_TIMEOUT_MS);

const syncs: TableSync[] = [];
afterAll(() => {
  for (const sync of syncs) sync.destroy();
});

const grid = (page: Page) => page.getByRole("grid");
const openBlocks = async (page: Page) => Number(await grid(page).getAttribute("data-open-blocks"));
/** The text of row `row`'s (1-based) cell in column `col` (1-based), if it is drawn, without presence labels. */
const cellText = (page: Page, row: number, col: number) =>
  page
    .locator(`[role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="${col}"]`)
    .evaluate(
      (el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const label of copy.querySelectorAll("[data-presence]")) label.remove();
        return copy.textContent;
      },
      undefined,
      { timeout: 1_000 },
    )
    .catch(() => null);
const scrollTo = (page: Page, where: "end" | "start") =>
  grid(page).evaluate((el, end) => el.scrollTo({ top: end ? el.scrollHeight : 0 }), where === "end");

describe("windowed grid", () => {
  it("shows every row's count, scrolls to the last row and keeps only the blocks near the screen open", async () => {
    const { api } = await Api.account(base);
    const page = await openTable(browser(), api, url);
    await expect.poll(() => grid(page).getAttribute("aria-rowcount")).toBe(String(ROWS + 1));
    await expect.poll(() => cellText(page, 1, 1)).toBe(dealership(0));
    await page.getByText(/Search and grouping need the whole table/).waitFor();
    expect(await page.getByRole("searchbox", { name: "Search rows" }).isDisabled()).toBe(true);
    expect(await openBlocks(page)).toBeLessThanOrEqual(FEW_BLOCKS);

    await scrollTo(page, "end");
    await expect.poll(() => cellText(page, ROWS, 1)).toBe(dealership(ROWS - 1));
    expect(await openBlocks(page)).toBeLessThanOrEqual(FEW_BLOCKS);

    // A sweep through ten more blocks: the ones left behind close.
    for (let block = 2; block < 22; block += 2) {
      const row = block * 1_000 + 500;
      await grid(page).evaluate((el, top) => el.scrollTo({ top }), row * ROW_PX);
      await expect.poll(() => cellText(page, row + 1, 1)).toBe(dealership(row));
    }
    await expect.poll(() => openBlocks(page)).toBeLessThanOrEqual(FEW_BLOCKS);
    await page.context().close();
  });

  it("sends an edit to another browser and sorts rows in the server's order", async () => {
    const { api } = await Api.account(base);
    const a = await openTable(browser(), api, url);
    const b = await openTable(browser(), api, url);
    await scrollTo(a, "end");
    await expect.poll(() => cellText(a, ROWS, 1)).toBe(dealership(ROWS - 1));
    await a.locator(`[role=row][aria-rowindex="${ROWS + 1}"] [role=gridcell][aria-colindex="2"]`).click();
    await a.keyboard.type("Windowed Springs");
    await a.keyboard.press("Enter");

    await scrollTo(b, "end");
    await expect.poll(() => cellText(b, ROWS, 2)).toBe("Windowed Springs");

    await a.getByRole("button", { name: "Sort", exact: true }).click();
    await a.getByLabel("Sort column").selectOption({ label: "Dealership" });
    await a.getByLabel("Sort direction").selectOption("desc");
    await a.getByRole("button", { name: "Sort", exact: true }).click();
    await scrollTo(a, "start");
    await expect.poll(() => cellText(a, 1, 1)).toBe(dealership(ROWS - 1));
    await expect.poll(() => cellText(a, 1, 2)).toBe("Windowed Springs");
    await scrollTo(b, "start");
    await expect.poll(() => cellText(b, 1, 1)).toBe(dealership(ROWS - 1));
    expect(await openBlocks(a)).toBeLessThanOrEqual(FEW_BLOCKS);
    await a.context().close();
    await b.context().close();
  });

  it("changes a column's type in every block, opening each it has not open, and letting it go", async () => {
    const { api } = await Api.account(base);
    const page = await openTable(browser(), api, url);
    await page.getByRole("button", { name: "Cars in stock column menu" }).click();
    await page.getByRole("menuitem", { name: "Change type" }).click();
    await page.getByRole("menuitem", { name: "Text", exact: true }).click();
    const converting = page.getByRole("progressbar", { name: "Converting Cars in stock" });
    await converting.waitFor();
    await converting.waitFor({ state: "detached", timeout: 120_000 });
    expect(await openBlocks(page)).toBeLessThanOrEqual(FEW_BLOCKS);

    // Every block, the last one too (never on this page's screen), holds the values as text.
    const sync = new TableSync({
      url: `${base.replace("http", "ws")}/sync`,
      tableId: table.tableId,
      token: table.token,
      persist: false,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    syncs.push(sync);
    const cars = table.columnIds[4]!;
    for (const block of ["b0", "b12", `b${ROWS / 1_000 - 1}`] as const) sync.open(block);
    await sync.whenSynced();
    for (const block of ["b0", "b12", `b${ROWS / 1_000 - 1}`] as const) {
      const values = [...rowsOf(sync.open(block)).values()].map((r) => cellOf(r, cars));
      expect(values).toHaveLength(1_000);
      expect(values.every((v) => typeof v === "string" && /^\d+$/.test(v))).toBe(true);
    }
    await page.context().close();
  });
});

import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { Api } from "./api";
import { sharedBrowser } from "./browser";
import { holdBack } from "./held-socket";

const base = inject("baseUrl");
const browser = sharedBrowser();

/** A page of a browser of its own, signed in as `api`'s account, on nothing yet. */
async function blankPage(api: Api): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(20_000);
  await context.addCookies(api.cookies());
  return { context, page: await context.newPage() };
}

/** A table with one row, `dealer`, in its Dealer column. */
async function oneRowTable(dealer: string) {
  const table = await Api.withTable(base, [{ name: "Dealer" }]);
  await table.api.request("POST", `/api/tables/${table.tableId}/rows`, { cells: { Dealer: dealer } });
  return table;
}

async function open(api: Api, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await blankPage(api);
  await page.goto(`${base}${path}`);
  await page.getByRole("grid").waitFor();
  await page.getByText("Saved").waitFor();
  return { context, page };
}

/** Types `text` into the Notes cell of the first row (the grid's active cell starts on its name). */
async function noteOnFirstRow(page: Page, text: string) {
  await page.getByRole("grid").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/**
 * A table with one row (`dealer`) open in two pages, `a` reloaded with no network through the
 * service worker (which it has let take control first). Before that, `b` notes on the row, and
 * `a` keeps the note it was sent in the browser like what it loaded.
 */
async function oneOffline(dealer: string) {
  const { api, slug, tableId } = await Api.withTable(base, [{ name: "Dealer" }, { name: "Notes" }]);
  await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: dealer } });
  const path = `/w/${slug}/t/${tableId}`;
  const a = await open(api, path);
  const b = await open(api, path);
  await a.page.evaluate(() => navigator.serviceWorker.ready);
  await a.page.reload();
  await a.page.getByText("Saved").waitFor();
  await noteOnFirstRow(b.page, "Noted by a colleague");
  await a.page.getByText("Noted by a colleague").waitFor();
  await a.context.setOffline(true);
  await a.page.reload();
  await a.page.getByRole("grid").waitFor();
  await a.page.getByText(dealer).waitFor();
  await a.page.getByText("Noted by a colleague").waitFor();
  await a.page.getByRole("status").filter({ hasText: "Offline" }).waitFor();
  return { api, tableId, path, a, b };
}

describe("working offline", () => {
  it("reloads with no network, keeps edits in the browser, and merges them on reconnect", async () => {
    const { api, tableId, a, b } = await oneOffline("Austin Ford");

    await noteOnFirstRow(a.page, "Called while offline");
    await a.page.getByText("1 change waiting").waitFor();

    await a.page.reload();
    await a.page.getByText("Called while offline").waitFor();
    // The count of changes waiting survives the reload, like the changes themselves.
    await a.page.getByText("1 change waiting").waitFor();
    expect(await b.page.getByText("Called while offline").count()).toBe(0);

    await a.context.setOffline(false);
    await a.page.getByText("Saved").waitFor({ timeout: 30_000 });
    await b.page.getByText("Called while offline").waitFor({ timeout: 30_000 });
    const rows = await api.request<{ rows: { cells: Record<string, unknown> }[] }>(
      "GET",
      `/api/tables/${tableId}/rows`,
    );
    expect(Object.values(rows.rows[0]!.cells)).toContain("Called while offline");
  });
});

describe("a table opened for the first time", () => {
  it("is kept in the browser as the server sent it, when its rows arrive after the browser's copy opened", async () => {
    const { api, slug, tableId } = await oneRowTable("Crockett Honda");
    const { context, page } = await blankPage(api);
    // The service worker first, so the table's page is kept for the reload offline.
    await page.goto(`${base}/w/${slug}`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const b0 = await holdBack(page, "b0");
    await page.goto(`${base}/w/${slug}/t/${tableId}`);
    // The block's IndexedDB copy is open (and empty) before its rows arrive: they reach the doc
    // with nothing else listening for them, and the browser keeps the server's own bytes.
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), { timeout: 15_000 })
      .toContain(`rowpilot:${tableId}:b0`);
    await page.waitForTimeout(300);
    expect(b0.held()).toBeGreaterThan(0);
    b0.release();
    await page.getByText("Saved").waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("status").filter({ hasText: "Offline" }).waitFor();
    // The rows come from the browser's copy: the grid is no longer waiting for them.
    await expect.poll(() => page.getByRole("grid").getAttribute("aria-busy"), { timeout: 15_000 }).toBeNull();
    expect(await page.getByRole("gridcell", { name: "Crockett Honda" }).count()).toBe(1);
    await context.close();
  });
});

describe("the service worker's first install", () => {
  it("waits until the table's rows are in, then makes the app work offline", async () => {
    const { api, slug, tableId } = await oneRowTable("Leander Subaru");
    const { context, page } = await blankPage(api);
    const b0 = await holdBack(page, "b0");
    await page.goto(`${base}/w/${slug}/t/${tableId}`);
    await page.getByRole("grid").waitFor();
    const registered = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
    // Loaded, idle, and still no install: it would fetch the whole build while the rows load.
    await page.waitForTimeout(3_000);
    expect(await page.getByRole("grid").getAttribute("aria-busy")).toBe("true");
    expect(await registered()).toBe(false);
    b0.release();
    await page.getByText("Saved").waitFor();
    // Well within MAX_WAIT_MS of the page's start (10 s): registered because the rows came in.
    await expect.poll(registered, { timeout: 4_000 }).toBe(true);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("status").filter({ hasText: "Offline" }).waitFor();
    await page.getByRole("gridcell", { name: "Leander Subaru" }).waitFor();
    await context.close();
  });
});

describe("the browser's copy of a table", () => {
  it("stays a few copies of each doc at most, however often the table is opened", async () => {
    const { api, slug, tableId } = await oneRowTable("Round Rock Kia");
    const { context, page } = await open(api, `/w/${slug}/t/${tableId}`);
    const kept = (doc: string) =>
      page.evaluate(
        (name) =>
          new Promise<number>((resolve, reject) => {
            const request = indexedDB.open(name);
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const db = request.result;
              const count = db.transaction("updates").objectStore("updates").count();
              count.onsuccess = () => {
                db.close();
                resolve(count.result);
              };
            };
          }),
        `rowpilot:${tableId}:${doc}`,
      );
    // Each visit adds about one whole copy of the block; past a few they are merged into one, once
    // the page is idle (an idle callback asked for after the merge's runs after it).
    const counts: number[] = [];
    for (let visit = 0; visit < 8; visit++) {
      await page.reload();
      await page.getByText("Saved").waitFor();
      await page.evaluate(() => new Promise((idle) => requestIdleCallback(idle, { timeout: 5_000 })));
      await page.waitForTimeout(100);
      counts.push(await kept("b0"));
    }
    expect(Math.max(...counts), `entries after each visit: ${counts.join(", ")}`).toBeLessThanOrEqual(7);
    expect(
      counts.some((count, visit) => count < counts[visit - 1]!),
      `entries: ${counts.join(", ")}`,
    ).toBe(true);
    await page.reload();
    await page.getByText("Round Rock Kia").waitFor();
    await context.close();
  });
});

describe("an edit made offline in a page closed since", () => {
  it("reaches the others when the table is next opened online, sent once the browser's copy has loaded", async () => {
    const { path, a, b } = await oneOffline("Bastrop Chevrolet");
    await noteOnFirstRow(a.page, "Noted while offline");
    await a.page.getByText("1 change waiting").waitFor();
    await a.page.close();

    // A new page, online: the server's first rows and its questions arrive before IndexedDB's copy.
    await a.context.setOffline(false);
    const again = await a.context.newPage();
    await again.goto(`${base}${path}`);
    await again.getByText("Noted while offline").waitFor();
    // At once, not at the next exchange that happens to carry it (presence, 15 s on).
    await b.page.getByText("Noted while offline").waitFor({ timeout: 8_000 });
    await again.getByText("Saved").waitFor({ timeout: 30_000 });
    await a.context.close();
    await b.context.close();
  });
});

describe("a change counted as waiting", () => {
  it("is one the browser has kept: a tab closed as soon as it says so loses nothing", async () => {
    const { path, tableId, a, b } = await oneOffline("Elgin Nissan");
    // Something else writing the table's first block in this browser (a merge of its copy) holds
    // the edit's own write back until it ends.
    await a.page.evaluate(
      (name) =>
        new Promise<void>((started, failed) => {
          const request = indexedDB.open(name);
          request.onerror = () => failed(request.error);
          request.onsuccess = () => {
            const store = request.result.transaction("updates", "readwrite").objectStore("updates");
            const page = window as unknown as { holding: boolean };
            page.holding = true;
            const hold = () => {
              if (page.holding) store.count().onsuccess = hold;
            };
            hold();
            started();
          };
        }),
      `rowpilot:${tableId}:b0`,
    );
    await noteOnFirstRow(a.page, "Kept before counted");
    await a.page.getByRole("gridcell", { name: "Kept before counted" }).waitFor();
    await a.page.waitForTimeout(500);
    expect(await a.page.getByText("1 change waiting").count()).toBe(0);
    // Not counted yet, but signing out (which clears the browser's copy) still asks first.
    let asked = "";
    a.page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await a.page.getByRole("button", { name: "Sign out" }).click();
    expect(asked).toContain("1 change is not saved");

    await a.page.evaluate(() => {
      (window as unknown as { holding: boolean }).holding = false;
    });
    await a.page.getByText("1 change waiting").waitFor();
    await a.page.close();
    await a.context.setOffline(false);
    const again = await a.context.newPage();
    await again.goto(`${base}${path}`);
    await again.getByText("Kept before counted").waitFor();
    await b.page.getByText("Kept before counted").waitFor({ timeout: 8_000 });
    await a.context.close();
    await b.context.close();
  });
});

describe("signing out", () => {
  it("leaves neither the pages nor the tables of the account in the browser", async () => {
    const context = await browser().newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Pat Leaving");
    await page.getByLabel("Email").fill(`pat.${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/new$/);
    await page.getByLabel("Workspace name").fill("Leaving Motors");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(/\/w\//);
    await page.getByLabel("New table name").fill("Private leads");
    await page.getByRole("button", { name: "New table" }).click();
    await page.getByText("Saved").waitFor({ timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.getByText("Saved").waitFor({ timeout: 30_000 });

    // The account's pages and their data kept for offline use, and its tables in IndexedDB. Not the
    // build's files and offline shell (its own cache, nothing of the account's) nor the sign-in page:
    // the service worker keeps them again as it opens after signing out.
    const kept = () =>
      page.evaluate(async () => {
        const pages: string[] = [];
        for (const name of await caches.keys())
          for (const request of name.startsWith("rowpilot-build-") ? [] : await (await caches.open(name)).keys()) {
            const path = new URL(request.url).pathname;
            if (!path.startsWith("/sign-in")) pages.push(path);
          }
        const tables = (await indexedDB.databases()).filter((d) => d.name?.startsWith("rowpilot:")).length;
        return { pages, tables };
      });
    const before = await kept();
    expect(before.pages.some((p) => p.startsWith("/w/"))).toBe(true);
    expect(before.tables).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await expect.poll(kept).toEqual({ pages: [], tables: 0 });
    await context.close();
  });
});

import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { Api } from "./api";
import { sharedBrowser } from "./browser";
import { oneTimeLink } from "./sign-in-link";

const base = inject("baseUrl");
const browser = sharedBrowser();

async function newContext(api?: Api) {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(20_000);
  if (api) await context.addCookies(api.cookies());
  return context;
}

/** Types `text` into the Notes cell of the first row (the grid's active cell starts on its name). */
async function noteOnFirstRow(page: Page, text: string) {
  await page.getByRole("grid").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** The service worker has taken over: what the few seconds a person spends on the page give it. */
const workerReady = (page: Page) => page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

describe("a table reached from the workspace's list", () => {
  it("opens with no network after a reload, with its edit, which reaches the others once back online", async () => {
    // An account of its own: the first sign-in link of an account proves its address, and ends
    // what was set up before that (sessions and password), the file's shared one's included.
    const { api, email } = await Api.signUp(base, "Pat Offline");
    const { slug } = await api.request<{ slug: string }>("POST", "/api/workspaces", { name: "Offline Motors" });
    const name = "Showroom leads";
    const columns = [{ name: "Dealer" }, { name: "Notes" }];
    const table = await api.request<{ id: string }>("POST", `/api/tables?workspace=${slug}`, { name, columns });
    const tableId = table.id;
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: "Austin Ford" } });
    const link = await oneTimeLink(inject("state"), base, email, `/w/${slug}`);

    // The person's steps: the printed link, the workspace home, the table in its list.
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(link);
    await page.waitForURL(`${base}/w/${slug}`);
    await page.getByRole("link", { name }).first().click();
    await page.waitForURL(`${base}/w/${slug}/t/${tableId}`);
    await page.getByText("Saved").waitFor();
    await noteOnFirstRow(page, "Called from the list");
    await page.getByRole("gridcell", { name: "Called from the list" }).waitFor();
    await page.getByText("Saved").waitFor();
    await workerReady(page);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("grid").waitFor();
    await page.getByRole("gridcell", { name: "Called from the list" }).waitFor();
    await page.getByRole("gridcell", { name: "Austin Ford" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Offline" }).waitFor();
    expect(page.url()).toBe(`${base}/w/${slug}/t/${tableId}`);

    // Still offline, the table takes edits; back online they reach another browser.
    await noteOnFirstRow(page, "Called back offline");
    await page.getByText("1 change waiting").waitFor();
    // The same person on another device, with a link of its own (the first ended the password).
    const elsewhere = await newContext();
    const other = await elsewhere.newPage();
    await other.goto(await oneTimeLink(inject("state"), base, email, `/w/${slug}/t/${tableId}`));
    await other.getByRole("gridcell", { name: "Called from the list" }).waitFor();
    await context.setOffline(false);
    await page.getByText("Saved").waitFor({ timeout: 30_000 });
    await other.getByRole("gridcell", { name: "Called back offline" }).waitFor({ timeout: 30_000 });
    await context.close();
    await elsewhere.close();
  });
});

describe("a table never opened on this device", () => {
  it("says, with no network, that it is not available offline (not the browser's error page)", async () => {
    const { api, slug } = await Api.withTable(base, [{ name: "Dealer" }], "Opened here");
    const { tableId } = await Api.withTable(base, [{ name: "Dealer" }], "Never opened here");
    const context = await newContext(api);
    const page = await context.newPage();
    await page.goto(`${base}/w/${slug}`);
    await workerReady(page);

    await context.setOffline(true);
    await page.goto(`${base}/w/${slug}/t/${tableId}`);
    await page.getByRole("heading", { name: "Not available offline" }).waitFor();
    await page.getByText("never opened on this device").waitFor();
    expect(page.url()).toBe(`${base}/w/${slug}/t/${tableId}`);
    // In the app's own page: its navigation is there, to go back to what is kept.
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Tables" }).click();
    await page.getByRole("link", { name: "Opened here" }).first().waitFor();
    await context.close();
  });
});

describe("the workspace home", () => {
  it("lists the workspace's tables when reloaded with no network, marked as offline, and is where `/` goes", async () => {
    const name = `Listed ${Date.now()}`;
    const { api, slug } = await Api.withTable(base, [{ name: "Dealer" }], name);
    const context = await newContext(api);
    const page = await context.newPage();
    await page.goto(`${base}/w/${slug}`);
    await page.getByRole("link", { name }).first().waitFor();
    await workerReady(page);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("link", { name }).first().waitFor();
    await page.getByText("You're offline").waitFor();
    expect(page.url()).toBe(`${base}/w/${slug}`);
    // The app's own address goes there too, as it does online.
    await page.goto(base);
    await page.waitForURL(`${base}/w/${slug}`);
    await page.getByRole("link", { name }).first().waitFor();
    await context.close();
  });
});

describe("the app's files kept for offline use", () => {
  it("are the build's files and the offline shell, in a cache named after the build that replaces other builds'", async () => {
    const { api, slug } = await Api.withTable(base, [{ name: "Dealer" }], "Cached");
    const worker = await (await fetch(`${base}/sw.js`)).text();
    const build = JSON.parse(/^self\.ROWPILOT_BUILD = (.*);$/m.exec(worker)![1]!) as {
      version: string;
      precache: string[];
    };
    expect(build.precache.some((path) => /^\/assets\/manifest-\w+\.js$/.test(path))).toBe(true);
    const context = await newContext(api);
    const page = await context.newPage();
    await page.goto(`${base}/w/${slug}`);
    await workerReady(page);
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).sort());
    const kept = await page.evaluate(
      async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort(),
      `rowpilot-build-${build.version}`,
    );
    expect(kept).toEqual([...build.precache, "/offline"].sort());

    // Another build's caches, then a worker of this build taking over, as after a new build's deploy.
    await page.evaluate(async () => {
      await (await caches.open("rowpilot-build-0ther")).put("/assets/gone-Ab12.js", new Response(""));
      await (await caches.open("rowpilot-pages-0ther")).put("/w/gone", new Response(""));
      await (await navigator.serviceWorker.getRegistration())?.unregister();
    });
    expect(await cacheNames()).toContain("rowpilot-build-0ther");
    await page.reload();
    await workerReady(page);
    await expect.poll(cacheNames).toContain(`rowpilot-build-${build.version}`);
    expect((await cacheNames()).filter((name) => name.includes("0ther"))).toEqual([]);
    await context.close();
  });
});

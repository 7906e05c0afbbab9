/**
 * The Sites gallery in the browser, in the seeded demo workspace with no Anthropic key: a site
 * generated for a business shows as a card in review, its panel shows the screenshots and says no
 * agents ran, Publish asks first and the chip turns to published, the filters hide what does not
 * match, Escape closes the panel; the public page shows the business and its claim bar, and the
 * claim form's answer lands in the Claims table.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BusinessListRow } from "../schema/hunting-api";
import { openLocal } from "../scripts/local-db";
import { DEMO, seedDemo } from "../scripts/seed";
import { sharedBrowser } from "./browser";
import { oneTimeLink } from "./sign-in-link";

const base = inject("baseUrl");
const browser = sharedBrowser();
const NAME = "Marisol's Bakery";
/** Generating the fallback site includes screenshots in Browser Rendering: seconds, more on a busy machine. */
const GENERATE_MS = 45_000;

let page: Page;

beforeAll(async () => {
  const local = await openLocal(inject("state"));
  try {
    await seedDemo(local.db);
  } finally {
    await local.dispose();
  }
  const context = await browser().newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await page.goto(await oneTimeLink(inject("state"), base, DEMO.ownerEmail, `/w/${DEMO.slug}`));
  await page.waitForURL(new RegExp(`/w/${DEMO.slug}$`));
});

afterAll(async () => {
  await page?.context().close();
});

/** The API as the signed-in page calls it (its session cookie, its origin). */
function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const url = `${path}${path.includes("?") ? "&" : "?"}workspace=${DEMO.slug}`;
  return page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    { method, url, body },
  );
}

/** A business of the demo workspace's own, found in a territory from a CSV list. */
async function business(): Promise<BusinessListRow> {
  const { id } = await api<{ id: string }>("POST", "/api/territories", {
    query: "bakery",
    location: { zip: "78702" },
  });
  const csv = `name,category,phone,city,zip,rating,reviews\n"${NAME}",Bakery,(512) 555-0199,Austin,78702,4.7,88`;
  await api("POST", `/api/territories/${id}/scrape`, { source: "csv", csv });
  const { rows } = await api<{ rows: BusinessListRow[] }>("GET", `/api/businesses?territory=${id}`);
  return rows.find((r) => r.name === NAME)!;
}

const cards = () => page.getByRole("list", { name: "Sites" });
const card = () => cards().getByRole("button", { name: new RegExp(`^${NAME}`) });
const panel = () => page.getByRole("dialog", { name: NAME });

describe("the Sites gallery", () => {
  it("shows a generated site in review, publishes it through the panel, and serves it with its claim bar", async () => {
    await page.goto(`/w/${DEMO.slug}/sites`);
    await page.getByText("No sites yet").waitFor();
    expect(await page.getByRole("link", { name: /^(Go to Hunting|Open the Businesses table)$/ }).count()).toBe(1);

    const bakery = await business();
    const made = await api<{ status: string; slug: string }>("POST", "/api/sites/generate", {
      businessRowId: bakery.rowId,
    });
    expect(made.status).toBe("review");

    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Sites" }).click();
    await page.getByRole("heading", { level: 1, name: "Sites" }).waitFor();
    await card().waitFor({ timeout: GENERATE_MS });
    expect(await card().textContent()).toMatch(/In review.*Fallback/);
    const thumbnail = card().locator("img");
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    // The panel opens from the keyboard; no agents ran without a key, and Regenerate says why it cannot.
    await card().focus();
    await page.keyboard.press("Enter");
    await panel().waitFor();
    expect(new URL(page.url()).searchParams.get("site")).toBeTruthy();
    await panel()
      .getByText(/No agents ran for this version/)
      .waitFor();
    for (const alt of [`${NAME} at desktop size`, `${NAME} on a phone`]) {
      const shot = panel().getByRole("img", { name: alt });
      await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    const regenerate = panel().getByRole("button", { name: "Regenerate" });
    expect(await regenerate.isDisabled()).toBe(true);
    await regenerate.locator("..").focus();
    await page
      .getByRole("tooltip")
      .filter({ hasText: /needs an Anthropic API key/ })
      .waitFor();
    expect(await panel().getByRole("button", { name: "Open page" }).isDisabled()).toBe(true);

    // Publish asks first; Cancel publishes nothing.
    await panel().getByRole("button", { name: "Publish" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Publish this site?" });
    await confirm.getByText(`/s/${made.slug}/`).waitFor();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(
      await api<{ status: string }>("GET", `/api/sites/${new URL(page.url()).searchParams.get("site")}`),
    ).toMatchObject({ status: "review" });
    await panel().getByRole("button", { name: "Publish" }).click();
    await confirm.getByRole("button", { name: /^Publish/ }).click();
    await panel().getByText("Published.").waitFor();
    await expect.poll(() => panel().locator("[data-status]").first().textContent()).toBe("Published");
    const open = panel().getByRole("link", { name: "Open page" });
    expect(await open.getAttribute("href")).toMatch(new RegExp(`/s/${made.slug}/$`));

    // Escape closes the panel; the card says published too.
    await page.keyboard.press("Escape");
    await panel().waitFor({ state: "hidden" });
    expect(new URL(page.url()).searchParams.get("site")).toBeNull();
    await expect.poll(() => card().textContent()).toMatch(/Published/);

    // The status filter, in the URL: review hides the published site, published shows it.
    await page.getByRole("combobox", { name: "Status" }).selectOption("review");
    await page.getByText("No sites match these filters").waitFor();
    expect(new URL(page.url()).searchParams.get("status")).toBe("review");
    await page.getByRole("combobox", { name: "Status" }).selectOption("published");
    await card().waitFor();
    expect(await cards().getByRole("button").count()).toBe(1);

    // The public page: the business's name and the claim bar; the claim lands in Claims.
    await page.goto(`/s/${made.slug}/`);
    expect(await page.locator("h1").textContent()).toBe(NAME);
    const bar = page.locator("[data-claim-bar]");
    await bar.getByRole("link", { name: "Claim this site" }).click();
    await page.waitForURL(new RegExp(`/s/${made.slug}/claim$`));
    await page.getByLabel("Your name").fill("Marisol Vega");
    await page.getByLabel("Email").fill("marisol@example.com");
    await page.getByRole("button", { name: "Claim this site" }).click();
    await page.getByText("Thank you, Marisol Vega").waitFor();

    await page.goto(`/w/${DEMO.slug}`);
    const tables = await api<{ id: string; name: string }[]>("GET", "/api/tables");
    const claimsId = tables.find((t) => t.name === "Claims")!.id;
    const claims = await api<{ rows: { cells: Record<string, unknown> }[] }>("GET", `/api/tables/${claimsId}/rows`);
    expect(claims.rows.map((r) => Object.values(r.cells))).toEqual([
      expect.arrayContaining(["Marisol Vega", "marisol@example.com", [bakery.rowId]]),
    ]);
  }, 120_000);
});

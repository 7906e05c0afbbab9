/**
 * Business hunting in the browser: a territory made through the New territory form, Scrape now
 * with its counts and the territory resting in cooldown, the coverage map's circle and dots, the
 * report's rows, Scrape next, and the Lead scoring page refusing weights over 100.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { Api } from "./api";
import { sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

/** A scrape of the sample directory ends within its request; this is the slowest it may take here. */
const SCRAPE_MS = 60_000;

async function signedInPage(): Promise<{ page: Page; slug: string; api: Api }> {
  const { api, slug } = await Api.account(base);
  const context = await browser().newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  await context.addCookies(api.cookies());
  return { page: await context.newPage(), slug, api };
}

/** A number in the hunting totals, by its label. */
async function stat(page: Page, label: string): Promise<number> {
  const box = page
    .locator("[aria-label='Hunting totals'] > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });
  return Number((await box.locator("dd").first().textContent())?.replaceAll(",", ""));
}

/** The page's notice (status or alert) once it says something matching `text`. */
async function notice(page: Page, text: RegExp, timeout = 15_000): Promise<string> {
  const shown = page.locator("[role=status], [role=alert]").filter({ hasText: text });
  await shown.first().waitFor({ timeout });
  return (await shown.first().textContent()) ?? "";
}

const territoryRow = (page: Page, name: RegExp): Locator =>
  page.getByRole("table", { name: "Territories", exact: true }).locator("tbody tr").filter({ hasText: name });

describe("business hunting in the browser", () => {
  it("adds a territory, scrapes it, and shows it resting, on the map and in the report", async () => {
    const { page, slug, api } = await signedInPage();
    const tables = await api.request<unknown>("GET", `/api/hunting/tables?workspace=${slug}`);
    await page.goto(`/w/${slug}`);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Hunting" }).click();
    await page.getByRole("heading", { level: 1, name: "Hunting" }).waitFor();
    if (tables === null) await page.getByText("No territories yet").waitFor();

    // A plumber territory at an Austin ZIP, through the form; it joins the list as pending.
    const form = page.getByRole("form", { name: "New territory" });
    await form.getByLabel("Search query").fill("plumber");
    await form.getByLabel("Place by").selectOption("zip");
    await form.getByRole("textbox", { name: "ZIP code" }).fill("78701");
    await form.getByLabel("Radius (miles)").fill("8");
    await form.getByLabel("Priority").fill("9");
    await form.getByRole("button", { name: "Add territory" }).click();
    await notice(page, /^Territory added/);
    const row = territoryRow(page, /plumber/i);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Pending/);
    for (const grid of ["Territories", "Businesses", "Scrape runs"])
      expect(
        await page
          .getByRole("navigation", { name: "Hunting tables" })
          .getByRole("link", { name: grid, exact: true })
          .getAttribute("href"),
      ).toMatch(new RegExp(`^/w/${slug}/t/[^/]+$`));

    // Scrape now: the counts show, the territory rests in cooldown and its button says until when.
    await row.getByRole("button", { name: "Scrape now" }).click();
    // It ends within the request here; on a slow machine the API may answer 202 and end in the background.
    const said = await notice(
      page,
      /found \d[\d,]* business(es)?.*new.*qualified|goes on in the background/,
      SCRAPE_MS,
    );
    await expect.poll(() => row.textContent(), { timeout: SCRAPE_MS }).toMatch(/Cooldown/);
    const counts = (await row.locator("[data-counts]").textContent())?.match(/(\d[\d,]*) \/ (\d[\d,]*) \/ (\d[\d,]*)/);
    const found = Number(counts?.[1]?.replaceAll(",", ""));
    expect(found).toBeGreaterThan(0);
    if (!said.includes("background")) expect(said).toContain(`found ${found.toLocaleString("en-US")} business`);
    const button = row.getByRole("button", { name: "Scrape now" });
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute("title")).toMatch(/^In cooldown until [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await expect.poll(() => stat(page, "Businesses")).toBeGreaterThanOrEqual(found);

    // The map draws the territory's circle in the cooldown colour and its businesses as dots by score.
    const map = page.getByRole("img", { name: /^Coverage map: \d+ territories, \d+ businesses$/ });
    await map.waitFor();
    expect(await map.locator("[data-layer=territories] circle[data-status=cooldown]").count()).toBeGreaterThan(0);
    const dots = map.locator("[data-layer=businesses] circle");
    expect(await dots.count()).toBeGreaterThan(0);
    expect(await dots.first().locator("title").textContent()).toMatch(/ · (score \d+|not scored)/);
    expect(await page.getByRole("list", { name: "Territories", exact: true }).textContent()).toMatch(/Cooldown [1-9]/);

    // The report has the category's row, and the territory among the best.
    const byCategory = page.getByRole("table", { name: "Qualification by category" });
    expect(await byCategory.locator("tbody tr").filter({ hasText: /plumb/i }).count()).toBe(1);
    expect(await page.getByRole("table", { name: "Best territories" }).textContent()).toMatch(/plumber/i);

    // Scrape next never takes a resting territory: nothing is due, or it takes another one.
    await page.getByRole("button", { name: "Scrape next" }).click();
    const next = await notice(page, /^Nothing is due|found \d/, SCRAPE_MS);
    if (!next.startsWith("Nothing is due")) expect(next).not.toMatch(/^plumber/i);
    expect(await row.getByRole("button", { name: "Scrape now" }).isDisabled()).toBe(true);
  });

  it("saves lead scoring, and shows the API's refusal of weights over 100", async () => {
    const { page, slug } = await signedInPage();
    await page.goto(`/w/${slug}/hunting`);
    await page.getByRole("link", { name: "Lead scoring" }).click();
    await page.getByRole("heading", { level: 1, name: "Lead scoring" }).waitFor();
    const total = page.locator("[data-weights-total]");
    expect(await total.textContent()).toBe("Total 100 of 100 points");

    await page.getByLabel("No website", { exact: true }).fill("60");
    expect(await total.textContent()).toMatch(/^Total 130 of 100 points: over/);
    await page.getByRole("button", { name: "Save" }).click();
    await notice(page, /more than 100/);

    await page.getByLabel("No website", { exact: true }).fill("30");
    await page.getByLabel("Minimum score").fill("40");
    await page.getByLabel("Qualified only with an email address").check();
    await page.getByRole("button", { name: "Save" }).click();
    await notice(page, /^Saved\./);
    await page.reload();
    expect(await page.getByLabel("Minimum score").inputValue()).toBe("40");
    expect(await page.getByLabel("Qualified only with an email address").isChecked()).toBe(true);
  });

  it("shows an editor the lead scoring read-only, saying only owners change it", async () => {
    const { api: owner, slug } = await Api.account(base);
    const { url } = await owner.request<{ url: string }>("POST", `/api/workspaces/${slug}/invitations`, {
      role: "editor",
    });
    const { api: editor } = await Api.signUp(base, "Eddie Editor");
    await editor.request("POST", `/api/invitations/${url.split("/").pop()}/accept`);
    const context = await browser().newContext({ baseURL: base, viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(15_000);
    await context.addCookies(editor.cookies());
    const page = await context.newPage();
    await page.goto(`/w/${slug}/hunting/scoring`);
    await page.getByText("Only owners can change lead scoring.").waitFor();
    expect(await page.getByLabel("Minimum score").isDisabled()).toBe(true);
    expect(await page.getByLabel("Qualified only with an email address").isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0);
    await context.close();
  });
});

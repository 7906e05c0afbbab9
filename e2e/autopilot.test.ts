/**
 * The Autopilot dashboard following a cycle, as an operator sees it: a workspace with one due
 * territory, "Run one cycle" pressed, the running cycle's progress bar moving over its phases
 * and the funnel's numbers growing until the cycle is listed finished; then a funnel number
 * opens exactly its rows in the grid, filtered from the pipeline.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { PipelineStage } from "../schema/autopilot";
import { Api } from "./api";
import { sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

/** A whole cycle with the stand-ins: a sample-directory scrape, fallback sites, pitches to the outbox. */
const CYCLE_MS = 240_000;
/** How often the test looks at the page while the cycle runs (the page reads the API every 2 s). */
const LOOK_MS = 250;

/** The number a funnel stage shows. */
async function stageCount(page: Page, stage: PipelineStage): Promise<number> {
  const text = await page.locator(`[data-stage="${stage}"] p`).first().locator("a, span").first().textContent();
  return Number(text?.replaceAll(",", ""));
}

describe("the Autopilot dashboard", () => {
  it("follows one cycle live and opens a funnel number's rows in the grid", {
    timeout: CYCLE_MS + 120_000,
  }, async () => {
    const { api } = await Api.signUp(base, "Autopilot Operator");
    const { slug } = await api.request<{ slug: string }>("POST", "/api/workspaces", {
      name: `Autopilot ${Date.now()}`,
    });
    await api.request("POST", `/api/territories?workspace=${slug}`, { query: "plumber", location: { zip: "78701" } });

    const context = await browser().newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(15_000);
    await context.addCookies(api.cookies());
    const page = await context.newPage();
    await page.goto(`/w/${slug}`);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Autopilot" }).click();
    await page.getByRole("heading", { level: 1, name: "Autopilot" }).waitFor();
    await page.getByRole("list", { name: "Pipeline stages" }).waitFor();
    expect(await stageCount(page, "territories")).toBe(1);
    expect(await stageCount(page, "scraped")).toBe(0);
    await page.getByText("No cycles yet").waitFor();

    await page.getByRole("button", { name: "Run one cycle" }).click();
    await page.getByRole("progressbar", { name: "Cycle progress" }).waitFor();

    // While it runs: the progress bar's values and the scraped count, as the page shows them.
    const progress = new Set<number>();
    const scraped = new Set<number>();
    const finished = page.locator("[data-cycle]").filter({ hasText: /finished|failed/ });
    const deadline = Date.now() + CYCLE_MS;
    while ((await finished.count()) === 0) {
      if (Date.now() > deadline) throw new Error(`the cycle did not finish within ${CYCLE_MS / 1000} s`);
      const bar = page.getByRole("progressbar", { name: "Cycle progress" });
      const now = await bar.getAttribute("aria-valuenow", { timeout: 1_000 }).catch(() => null);
      if (now !== null) progress.add(Number(now));
      scraped.add(await stageCount(page, "scraped"));
      await page.waitForTimeout(LOOK_MS);
    }
    expect(await finished.first().textContent()).toContain("finished");
    expect(Math.min(...progress), "the progress bar showed the cycle part-way").toBeLessThan(100);
    await page.getByRole("progressbar", { name: "Cycle progress" }).waitFor({ state: "detached" });

    // The funnel moved: businesses scraped and qualified, sites generated.
    await expect.poll(() => stageCount(page, "scraped"), { timeout: 15_000 }).toBeGreaterThan(0);
    scraped.add(await stageCount(page, "scraped"));
    expect(scraped.size, "the scraped count changed while the page was open").toBeGreaterThan(1);
    const qualified = await stageCount(page, "qualified");
    expect(qualified).toBeGreaterThan(0);
    expect(await stageCount(page, "generated")).toBeGreaterThan(0);

    // The qualified number opens the Businesses grid with exactly those rows.
    await page.locator('[data-stage="qualified"] a').click();
    await page.getByText("Filtered from the pipeline").waitFor();
    await expect.poll(() => page.getByRole("grid").getAttribute("aria-rowcount")).toBe(String(qualified + 1));
    await page.getByRole("button", { name: "clear" }).click();
    await page.getByText("Filtered from the pipeline").waitFor({ state: "detached" });
    await expect
      .poll(async () => Number(await page.getByRole("grid").getAttribute("aria-rowcount")))
      .toBeGreaterThan(qualified + 1);
    await context.close();
  });
});

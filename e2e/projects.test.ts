/**
 * Dealership outreach projects in the browser: the wizard step by step, discovery from the
 * sample directory and from a CSV of the fixture corpus, a real run's live progress on the
 * project page until every dealer is settled (and the corpus checker agrees), retry and stop,
 * a bulk manual override, and an edit that widens the search and finds more dealers.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ProjectDetail } from "../schema/projects";
import { Api } from "./api";
import { sharedBrowser } from "./browser";
import { CORPUS_PROFILE, type ContactSites, startContactSites } from "./contact-sites";

const base = inject("baseUrl");
const browser = sharedBrowser();

async function signedInPage(): Promise<{ page: Page; slug: string }> {
  const { api, slug } = await Api.account(base);
  const context = await browser().newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  await context.addCookies(api.cookies());
  return { page: await context.newPage(), slug };
}

const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();
const stepIs = (page: Page, n: number, name: string, wizard = "New project") =>
  page.getByRole("form", { name: `${wizard}, step ${n} of 5: ${name}` }).waitFor();
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent ?? el?.getAttribute("aria-label") ?? "";
  });
/** A count in the project's summary stats, by its label. */
async function stat(page: Page, label: string): Promise<number> {
  const box = page
    .locator("[aria-label='Dealerships by status'] > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });
  return Number((await box.locator("dd").textContent())?.replaceAll(",", ""));
}

/** A CSV of the corpus's sites as dealers near the project's ZIP (10001). */
function corpusCsv(sites: ContactSites, corpus: { id: string }[]): string {
  const rows = corpus.map(
    ({ id }, i) =>
      `${id.replace(/-/g, " ")},Toyota,${10 + i} W 34th St,New York,NY,10001,(212) 555-03${String(i).padStart(2, "0")},${sites.url(id)},${40.75 + i * 0.002},-73.99`,
  );
  return ["name,makes,address,city,state,zip,phone,website,latitude,longitude", ...rows].join("\n");
}

let sites: ContactSites;
let corpus: { id: string; expected: string }[];
beforeAll(async () => {
  sites = await startContactSites();
  corpus = await sites.sites();
});
afterAll(() => sites?.stop());

describe("dealership outreach projects in the browser", () => {
  it("creates a project through the wizard, finds dealerships and shows a run's progress live", async () => {
    const { page, slug } = await signedInPage();
    await page.goto(`/w/${slug}/projects`);
    await page.getByRole("link", { name: "Projects" }).waitFor();
    await page.getByRole("link", { name: "New project" }).first().click();

    // Step 1: Next without a name is refused beside the field, and the field gets the focus.
    await stepIs(page, 1, "Project");
    await next(page);
    await page.getByText("Name is required").waitFor();
    expect(await focusedLabel(page)).toBe("Name");
    await page.getByLabel("Name").fill("Tri-state Toyota and Honda");
    await page.getByLabel("Name").press("Enter");

    // Step 2: a ZIP, a radius, and two makes picked through the filter box.
    await stepIs(page, 2, "Search");
    expect(await page.getByLabel("Radius (miles)").inputValue()).toBe("150");
    await page.getByRole("textbox", { name: "ZIP code" }).fill("10001");
    await page.getByLabel("Radius (miles)").fill("60");
    const filter = page.getByRole("textbox", { name: "Filter makes" });
    await filter.fill("toyo");
    await filter.press("Enter");
    await filter.fill("hond");
    await filter.press("Enter");
    expect(await page.getByRole("checkbox", { name: "Toyota" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Honda" }).isChecked()).toBe(true);
    await next(page);

    // Step 3: a bad email is refused; Back and Next again keep everything typed.
    await stepIs(page, 3, "Sender");
    await page.getByLabel("First name").fill(CORPUS_PROFILE.firstName);
    await page.getByLabel("Last name").fill(CORPUS_PROFILE.lastName);
    await page.getByLabel("Email").fill("dana.example.org");
    await page.getByLabel("Phone").fill(CORPUS_PROFILE.phone);
    await page.getByLabel("ZIP code (optional)").fill(CORPUS_PROFILE.zip);
    await next(page);
    await page.getByText(/Invalid email/i).waitFor();
    expect(await focusedLabel(page)).toBe("Email");
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await stepIs(page, 2, "Search");
    expect(await page.getByRole("textbox", { name: "ZIP code" }).inputValue()).toBe("10001");
    expect(await page.getByLabel("Radius (miles)").inputValue()).toBe("60");
    expect(await page.getByRole("checkbox", { name: "Honda" }).isChecked()).toBe(true);
    await next(page);
    await stepIs(page, 3, "Sender");
    expect(await page.getByLabel("First name").inputValue()).toBe("Dana");
    await page.getByLabel("Email").fill(CORPUS_PROFILE.email);
    await page.getByLabel("Email").press("Enter");

    // Step 4: the preview fills the placeholders for a sample dealer; an unknown one is refused by name.
    await stepIs(page, 4, "Message");
    const preview = page.locator("[data-message-preview]");
    await expect.poll(() => preview.textContent()).toMatch(/Hello Crescent Toyota team/);
    expect(await preview.textContent()).toContain(CORPUS_PROFILE.email);
    const message = page.getByRole("textbox", { name: "Message" });
    await message.press("ControlOrMeta+End");
    await message.pressSequentially("\nP.S. Say hi to {{dealer}}");
    await next(page);
    await page.getByText("Unknown placeholder: {{dealer}}").first().waitFor();
    await message.fill(`Hi {{dealership.name}}. ${CORPUS_PROFILE.message} `);
    await page.getByRole("button", { name: /^Insert sender\.name/ }).click();
    expect(await message.inputValue()).toBe(`Hi {{dealership.name}}. ${CORPUS_PROFILE.message} {{sender.name}}`);
    await expect.poll(() => preview.textContent()).toBe(`Hi Crescent Toyota. ${CORPUS_PROFILE.message} Dana Whitfield`);
    await next(page);

    // Step 5: everything once more, then the project exists as a draft.
    await stepIs(page, 5, "Review");
    const review = page.getByRole("form");
    for (const shown of ["Tri-state Toyota and Honda", "ZIP 10001", "60 miles", "Toyota, Honda", CORPUS_PROFILE.email])
      await review.getByText(shown, { exact: true }).waitFor();
    await page.getByRole("button", { name: "Create as draft" }).click();
    await page.waitForURL(/\/projects\/[^/]+\?created=1$/);
    await page.getByRole("heading", { level: 1, name: /Tri-state Toyota and Honda/ }).waitFor();
    await page.getByText("Project saved as a draft").waitFor();
    await page.getByText("No dealerships yet").waitFor();

    // Discovery from the sample directory: the count shows, and every dealer is a row and a map dot.
    await page.getByRole("button", { name: "Find dealerships" }).first().click();
    const discover = page.getByRole("dialog", { name: "Find dealerships" });
    await discover.getByLabel("Source").selectOption("sample");
    await discover.getByRole("button", { name: "Find dealerships" }).click();
    await page.getByText(/^Found \d+ dealerships?, \d+ added/).waitFor({ timeout: 30_000 });
    const found = Number((await page.getByText(/^Found \d+/).textContent())!.match(/Found (\d+)/)![1]);
    expect(found).toBeGreaterThan(1);
    await expect.poll(() => stat(page, "Total")).toBe(found);
    expect(await stat(page, "Pending")).toBe(found);
    const table = page.getByRole("table", { name: "Dealerships" });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(found);
    expect(await table.textContent()).toMatch(/Toyota|Honda/);
    await page.getByRole("img", { name: new RegExp(`^Map: ${found} dealerships within 60 miles`) }).waitFor();

    // The fixture corpus's dealer sites join from a CSV: real forms, which take seconds each.
    await page.getByRole("button", { name: "Find dealerships" }).first().click();
    await discover.getByLabel("Source").selectOption("csv");
    await discover.getByLabel("CSV file").setInputFiles({
      name: "corpus.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(corpusCsv(sites, corpus)),
    });
    await discover.getByRole("button", { name: "Find dealerships" }).click();
    await page.getByText(`Found ${corpus.length} dealerships, ${corpus.length} added`).waitFor({ timeout: 30_000 });
    const total = found + corpus.length;
    await expect.poll(() => stat(page, "Total")).toBe(total);

    // A real run: progress with counts and an ETA shows at once and moves without a reload.
    await page.getByRole("button", { name: "Start automation" }).click();
    const start = page.getByRole("dialog", { name: "Start automation" });
    await start.getByRole("button", { name: "Start sending" }).click();
    await page.getByText(/^Started: \d+ dealerships? queued/).waitFor();
    const progress = page.getByRole("region", { name: "Run progress" });
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(new RegExp(`\\d+ of ${total} done`));
    const log = page.getByRole("table", { name: "Live log" });
    await expect.poll(() => log.locator("tbody tr").count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toMatch(/left/);
    await expect
      .poll(async () => (await stat(page, "Success")) + (await stat(page, "Failed")), { timeout: 60_000 })
      .toBeGreaterThan(0);

    // The run ends with every dealer settled, and the corpus's checker agrees with what the sites received.
    await progress.waitFor({ state: "detached", timeout: 180_000 });
    const successes = corpus.filter((c) => c.expected === "success").length;
    expect(await stat(page, "Success")).toBe(successes);
    // Sample dealers are fictional: they fail at once, saying so (or, with no website, stay pending).
    expect((await stat(page, "Failed")) + (await stat(page, "Pending"))).toBe(total - successes);
    expect(await stat(page, "Failed")).toBeGreaterThanOrEqual(corpus.length - successes);
    const checked = await sites.check();
    expect(checked.lines.filter((l) => l.includes(" FAIL "))).toEqual([]);
    expect(checked.passed).toBe(corpus.length);

    // Failures are grouped by cause with their count; a screenshot opens large, and the arrow keys move on.
    const causes = page.getByRole("list", { name: "Failures by category" });
    expect(await causes.locator("h3").allTextContents()).toContainEqual(expect.stringMatching(/\d+$/));
    const shots = page.getByRole("list", { name: "Screenshots" }).getByRole("button");
    expect(await shots.count()).toBeGreaterThan(1);
    await shots.first().click();
    const viewer = page.getByRole("dialog");
    await viewer.getByText(/^.+ · 1 of \d+/).waitFor();
    await page.keyboard.press("ArrowRight");
    await viewer.getByText(/^.+ · 2 of \d+/).waitFor();
    await page.keyboard.press("Escape");

    // Retry failed takes the ones a retry can fix; Stop puts what is still queued back to pending.
    await page.getByRole("button", { name: /^Retry \d+ failed$/ }).click();
    await page.getByText(/^Retrying \d+ failed dealerships?/).waitFor();
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByText(/^Stopped: /).waitFor();
    await progress.waitFor({ state: "detached", timeout: 120_000 });
    expect(await stat(page, "Queued")).toBe(0);
    const settled = ["Pending", "Success", "Failed", "Manual"].map((label) => stat(page, label));
    expect((await Promise.all(settled)).reduce((a, b) => a + b, 0)).toBe(total);

    // Two dealers reached by phone: marked together, with a note that is required.
    const rows = table.getByRole("checkbox", { name: /^Select (?!every)/ });
    await rows.nth(0).check();
    await rows.nth(1).check();
    await page.getByRole("button", { name: "Mark as contacted manually" }).click();
    const note = page.getByRole("dialog", { name: /Mark 2 dealerships as contacted manually/ });
    await note.getByRole("button", { name: "Mark as contacted" }).click();
    await note.getByText("Note: say how the dealer was contacted").waitFor();
    await note.getByLabel("Note").fill("Called both sales desks on Monday");
    await note.getByRole("button", { name: "Mark as contacted" }).click();
    await page.getByText("2 dealerships marked as contacted manually.").waitFor();
    await expect.poll(() => stat(page, "Manual")).toBe(2);
    await page.getByRole("tab", { name: /^Manual/ }).click();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
    expect(await table.textContent()).toMatch(/Called both sales desks on Monday/);

    // The dashboard lists the project with its counts.
    await page.getByRole("link", { name: "Projects", exact: true }).first().click();
    const list = page.getByRole("list", { name: "Projects" });
    await list.getByText("Tri-state Toyota and Honda").waitFor();
    expect(await list.textContent()).toMatch(new RegExp(`of ${total} done`));
    await page.context().close();
  }, 240_000);

  it("edits a project from its page: the wizard prefilled, and a wider radius finds more dealers", async () => {
    const { api, slug } = await Api.account(base);
    const { id } = await api.request<{ id: string }>("POST", `/api/projects?workspace=${slug}`, {
      name: "Loop Toyota",
      description: "Dealers near the Loop",
      location: { zip: "60601" },
      radiusMiles: 15,
      makes: ["Toyota"],
      sender: { ...CORPUS_PROFILE, extra: {} },
      message: "Hello {{dealership.name}}, what {{make}} do you have?",
    });
    await api.request("POST", `/api/projects/${id}/discover?workspace=${slug}`, { source: "sample" });
    const { page } = await signedInPage();
    await page.goto(`/w/${slug}/projects/${id}`);
    const before = await stat(page, "Total");
    expect(before).toBeGreaterThan(0);

    // Edit opens the wizard with every step filled in from the project, any step a click away.
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Edit project" }).click();
    await stepIs(page, 1, "Project", "Edit project");
    expect(await page.getByLabel("Name").inputValue()).toBe("Loop Toyota");
    await page.getByLabel("Name").fill("Chicagoland Toyota");
    await page.getByRole("button", { name: "Go to step 2, Search" }).click();
    await stepIs(page, 2, "Search", "Edit project");
    expect(await page.getByRole("textbox", { name: "ZIP code" }).inputValue()).toBe("60601");
    expect(await page.getByRole("checkbox", { name: "Toyota" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Radius (miles)").inputValue()).toBe("15");
    await page.getByLabel("Radius (miles)").fill("60");
    await page.getByRole("textbox", { name: "ZIP code" }).fill("00000");
    await page.getByRole("button", { name: "Go to step 5, Review" }).click();
    await stepIs(page, 5, "Review", "Edit project");
    const review = page.getByRole("form");
    for (const shown of ["Chicagoland Toyota", "ZIP 00000", "60 miles", CORPUS_PROFILE.email])
      await review.getByText(shown, { exact: true }).waitFor();

    // A ZIP the API does not know: its answer shows in the form, and nothing is saved.
    await page.getByRole("button", { name: "Save changes" }).click();
    await review.getByText("Could not save the changes: ZIP code 00000 is not a US ZIP code we know").waitFor();
    const unsaved = await api.request<ProjectDetail>("GET", `/api/projects/${id}?workspace=${slug}`);
    expect(unsaved).toMatchObject({ name: "Loop Toyota", radiusMiles: 15, location: { zip: "60601" } });
    await page.getByRole("button", { name: "Go to step 2, Search" }).click();
    await page.getByRole("textbox", { name: "ZIP code" }).fill("60601");
    await page.getByRole("button", { name: "Go to step 5, Review" }).click();

    // Saving goes back to the page, which shows the new name and radius and the dealers they added.
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(new RegExp(`/projects/${id}$`), { timeout: 30_000 });
    await page.getByRole("heading", { level: 1, name: /Chicagoland Toyota/ }).waitFor();
    await page
      .locator("dd")
      .filter({ hasText: /· 60 mi$/ })
      .waitFor();
    const after = await stat(page, "Total");
    expect(after).toBeGreaterThan(before);
    await page.getByText(`Saved. Found ${after - before} new dealership${after - before === 1 ? "" : "s"}.`).waitFor();

    const saved = await api.request<ProjectDetail>("GET", `/api/projects/${id}?workspace=${slug}`);
    expect(saved).toMatchObject({ radiusMiles: 60, description: "Dealers near the Loop", makes: ["Toyota"] });
    expect(saved.counts.pending).toBe(after);
    await page.context().close();
  }, 90_000);
});

/**
 * The chat widget end to end: a published (fallback) site carries its workspace's widget under the
 * site's own strict CSP; a visitor on a phone writes; the Inbox shows the conversation with an
 * unread count; a person replies from it; the reply shows in the visitor's widget.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BusinessListRow } from "../schema/hunting-api";
import { Api } from "./api";
import { sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();
/** Generating the fallback site includes screenshots in Browser Rendering: seconds, more on a busy machine. */
const GENERATE_MS = 60_000;
const NAME = "Lupita's Tamales";

let owner: Api;
let slug: string;
let siteSlug: string;

beforeAll(async () => {
  ({ api: owner } = await Api.signUp(base, "Chat Tester"));
  ({ slug } = await owner.request<{ slug: string }>("POST", "/api/workspaces", { name: `Chat ${Date.now()}` }));
  const q = `workspace=${slug}`;
  const { id } = await owner.request<{ id: string }>("POST", `/api/territories?${q}`, {
    query: "tamales",
    location: { zip: "78702" },
  });
  const csv = `name,category,phone,city,zip,rating,reviews\n"${NAME}",Restaurant,(512) 555-0177,Austin,78702,4.9,40`;
  await owner.request("POST", `/api/territories/${id}/scrape?${q}`, { source: "csv", csv });
  const { rows } = await owner.request<{ rows: BusinessListRow[] }>("GET", `/api/businesses?territory=${id}&${q}`);
  const made = await owner.request<{ siteId: string; slug: string }>("POST", `/api/sites/generate?${q}`, {
    businessRowId: rows[0]!.rowId,
  });
  await owner.request("POST", `/api/sites/${made.siteId}/publish?${q}`);
  siteSlug = made.slug;
}, GENERATE_MS);

const pages: Page[] = [];
afterAll(async () => {
  for (const page of pages) await page.context().close();
});

async function newPage(viewport: { width: number; height: number }, signedIn: boolean) {
  const context = await browser().newContext({ baseURL: base, viewport });
  context.setDefaultTimeout(15_000);
  if (signedIn) await context.addCookies(owner.cookies());
  const page = await context.newPage();
  pages.push(page);
  return page;
}

describe("chat on a published site, answered from the Inbox", () => {
  it("carries a visitor's message to the Inbox and the reply back to the widget", async () => {
    const visitor = await newPage({ width: 390, height: 844 }, false);
    const problems: string[] = [];
    visitor.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    visitor.on("pageerror", (e) => problems.push(e.message));
    await visitor.goto(`/s/${siteSlug}/`);
    await visitor.getByRole("heading", { name: NAME }).first().waitFor();

    const toggle = visitor.getByRole("button", { name: "Chat", exact: true });
    await toggle.click();
    const box = visitor.getByRole("textbox", { name: "Your message" });
    await box.fill("Do you cater weddings?");
    await box.press("Enter");
    const log = visitor.getByRole("log");
    await log.getByText("Do you cater weddings?").waitFor();
    // The widget fits a phone's width.
    const panel = await visitor.getByRole("region", { name: "Chat" }).boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(390);

    const person = await newPage({ width: 1440, height: 900 }, true);
    await person.goto(`/w/${slug}/inbox`);
    const thread = person.getByRole("list", { name: "Conversations" }).getByRole("link").first();
    await thread.waitFor();
    expect(await thread.textContent()).toMatch(/Chat visitor.*1 unread.*Do you cater weddings\?/);
    await thread.click();
    await person.getByRole("list", { name: "Messages" }).getByText("Do you cater weddings?").waitFor();
    await person.getByRole("textbox", { name: /Reply by/ }).fill("We do! Up to 300 guests.");
    await person.getByRole("button", { name: "Send reply" }).click();
    await person.getByRole("list", { name: "Messages" }).getByText("We do! Up to 300 guests.").waitFor();
    // Opened, the conversation is read.
    await expect.poll(() => thread.textContent()).not.toMatch(/unread/);

    await log.getByText("We do! Up to 300 guests.").waitFor();
    expect(problems).toEqual([]);
  }, 90_000);
});

/**
 * The Messages page in the browser, served with `ANTHROPIC_BASE_URL` pointing at a stand-in of the
 * Messages API: without a key "Write with AI" fills the pitch template and says so; with one the
 * Message Writer's answer (a queued fake turn) fills the draft, a subject line is picked and edited,
 * Send queues it, the list shows it sent, and the Outbox tab shows the message rendered in its
 * sandboxed frame with its headers.
 */
import { rmSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FAKE_API_KEY,
  type FakeMessagesApi,
  startFakeMessagesApi,
} from "../automation/sites/agents/test/fake-messages-api";
import { ANSWERS, WRITER_ANSWER } from "../automation/sites/agents/test/fixtures";
import type { BusinessListRow } from "../schema/hunting-api";
import type { TableDetail } from "../schema/tables";
import { type Served, serve } from "../scripts/serve";
import { Api } from "./api";
import { sharedBrowser } from "./browser";

const browser = sharedBrowser();
let anthropic: FakeMessagesApi | undefined;
let served: Served | undefined;
let page: Page;

const SENDER = {
  fromName: "Ana Ruiz",
  fromEmail: "ana@rowpilot.example",
  replyTo: "replies@rowpilot.example",
  postalAddress: "100 Congress Ave, Austin, TX 78701",
};

/** Rosa's Taquería from a CSV list, with an email typed into her row, and the workspace's sender. */
async function rosa(api: Api, slug: string): Promise<BusinessListRow> {
  const ws = `workspace=${slug}`;
  await api.request("PATCH", `/api/workspaces/${slug}/settings`, { sender: SENDER });
  const { id } = await api.request<{ id: string }>("POST", `/api/territories?${ws}`, {
    query: "restaurant",
    location: { zip: "78702" },
  });
  const csv = `name,category,phone,zip,rating,reviews\n"Rosa's Taquería",Mexican restaurant,(512) 555-0142,78702,4.8,312`;
  await api.request("POST", `/api/territories/${id}/scrape?${ws}`, { source: "csv", csv });
  const { rows } = await api.request<{ rows: BusinessListRow[] }>("GET", `/api/businesses?${ws}&territory=${id}`);
  const tables = await api.request<{ businesses: string }>("GET", `/api/hunting/tables?${ws}`);
  const detail = await api.request<TableDetail>("GET", `/api/tables/${tables.businesses}`);
  const email = detail.columns.find((c) => c.options.key === "email")!;
  await api.request("PATCH", `/api/tables/${tables.businesses}/rows/${rows[0]!.rowId}`, {
    cells: { [email.id]: "rosa@taqueria.example" },
  });
  return rows[0]!;
}

beforeAll(async () => {
  anthropic = await startFakeMessagesApi(ANSWERS);
  served = await serve({ env: { ANTHROPIC_BASE_URL: anthropic.url } });
  const { api, slug } = await Api.account(served.url);
  await rosa(api, slug);
  const context = await browser().newContext({ baseURL: served.url, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  await context.addCookies(api.cookies());
  page = await context.newPage();
  await page.goto(`/w/${slug}/messages`);
});

afterAll(async () => {
  await page?.context().close();
  await served?.stop();
  if (served) rmSync(served.state, { recursive: true, force: true });
  await anthropic?.close();
});

const subjectField = () => page.getByLabel("Subject", { exact: true });
const messageField = () => page.getByLabel("Message", { exact: true });

async function writeToRosa() {
  await page.getByRole("searchbox", { name: "Search recipients" }).fill("rosa");
  await page.getByRole("radio", { name: /Rosa's Taquería/ }).check();
  await page.getByRole("button", { name: "Write with AI" }).click();
}

describe("the Messages page", () => {
  it("writes from the pitch template without a key, and says so", async () => {
    await writeToRosa();
    const note = page.locator("[data-writer]");
    await expect.poll(() => note.getAttribute("data-writer")).toBe("template");
    await expect.poll(() => note.textContent()).toContain("add an Anthropic key in Settings");
    // No site has been made for Rosa: the template offers one rather than link to nothing.
    expect(await subjectField().inputValue()).toBe("A website for Rosa's Taquería?");
    expect(await messageField().inputValue()).not.toContain("/s/");
    expect(await messageField().inputValue()).toContain("Ana Ruiz");
    await expect.poll(() => page.getByRole("table", { name: "Messages" }).textContent()).toContain("Draft");
  });

  it("writes with the AI writer, sends the edited draft and shows it sent and in the Outbox", async () => {
    const { api, slug } = await Api.account(served!.url);
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, { secrets: { anthropicApiKey: FAKE_API_KEY } });
    anthropic!.queue("messageWriter", { kind: "answer", json: WRITER_ANSWER });
    await page.reload();

    await writeToRosa();
    const note = page.locator("[data-writer]");
    await expect.poll(() => note.getAttribute("data-writer")).toBe("ai");
    expect(await subjectField().inputValue()).toBe(WRITER_ANSWER.subject);
    expect(await messageField().inputValue()).toBe(WRITER_ANSWER.body);
    await page.getByRole("button", { name: WRITER_ANSWER.subjects[0] }).click();
    expect(await subjectField().inputValue()).toBe(WRITER_ANSWER.subjects[0]);
    const subject = "Rosa, a website for your breakfast tacos";
    await subjectField().fill(subject);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("Sending to Rosa's Taquería").waitFor();

    const row = page.getByRole("row").filter({ hasText: subject });
    await expect.poll(() => row.locator("[data-status]").getAttribute("data-status"), { timeout: 20_000 }).toBe("sent");

    await page.getByRole("link", { name: "Outbox" }).click();
    await page
      .getByRole("list", { name: "Outbox" })
      .getByRole("button", { name: new RegExp(subject) })
      .click();
    const frame = page.frameLocator('iframe[title="The message as sent"]');
    await expect.poll(() => frame.locator("body").textContent()).toContain("handmade breakfast tacos");
    expect(await page.locator('iframe[title="The message as sent"]').getAttribute("sandbox")).toBe("");
    const headers = page.getByRole("table", { name: "Headers" });
    await expect.poll(() => headers.textContent()).toContain("Reply-To");
    expect(await headers.textContent()).toContain(SENDER.replyTo);
    expect(await headers.textContent()).toContain("List-Unsubscribe=One-Click");
    // The links as sent: the footer's signed unsubscribe link.
    const links = page.getByRole("list", { name: "Links" });
    await expect.poll(() => links.textContent()).toMatch(/\/u\/[\w-]+\.[\w-]+/);
    expect(await frame.locator("body").textContent()).toContain(SENDER.postalAddress);
  });
});

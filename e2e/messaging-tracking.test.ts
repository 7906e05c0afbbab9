/**
 * A message's life after it is sent, as people see it: the recipient's mail client fetches the
 * open pixel and the recipient follows the tracked link, while the sender watches the Messages
 * grid count both live; then the recipient unsubscribes through the link's page and the address
 * shows in Suppressions.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MACHINE_OPEN_SECONDS } from "../automation/messaging/tracking/machine-opens";
import type { MessageRecord, OutboxEntry } from "../schema/messaging-api";
import type { TableSummary } from "../schema/tables";
import { Api } from "./api";
import { openTable, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

/** A person's mail app, not a scanner: the headless browser's own user agent says HeadlessChrome. */
const DESKTOP_CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** The bakery's own site, where the tracked link leads. */
let bakery: Server;
let bakeryUrl = "";
beforeAll(async () => {
  bakery = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "text/html" }).end("<h1>Rose's Bakery</h1>"),
  );
  await new Promise<void>((resolve) => bakery.listen(0, "127.0.0.1", resolve));
  bakeryUrl = `http://127.0.0.1:${(bakery.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => bakery.close(() => resolve())));

/** The outbox copy's pixel, tracked link and unsubscribe link, as the send path wrote them. */
function trackingLinks(entry: OutboxEntry, target: string) {
  const html = entry.html ?? "";
  const found = (what: string, pattern: RegExp) => {
    const link = html.match(pattern)?.[1]?.replaceAll("&amp;", "&");
    if (!link) throw new Error(`The outbox copy has no ${what}:\n${html}`);
    return link;
  };
  return {
    target,
    pixel: found("open pixel", /src="([^"]*\/t\/o\/[^"]+\.gif)"/),
    click: found("tracked link", /href="([^"]*\/t\/c\/[^"]+)"/),
    unsubscribe: found("unsubscribe link", /href="([^"]*\/u\/[^"]+)"/),
  };
}

/** The text of the grid cell in the row showing `rowText`, under the header named `name`. */
async function cellText(page: Page, rowText: string, name: string) {
  const header = page.locator("[role=columnheader]", { hasText: new RegExp(`^${name}$`) });
  const col = await header.getAttribute("aria-colindex");
  return page
    .locator("[role=row]", { hasText: rowText })
    .locator(`[role=gridcell][aria-colindex="${col}"]`)
    .textContent();
}

describe("tracking and unsubscribing in the browser", () => {
  it("counts an open and a click live in the Messages grid, and an unsubscribe lands in Suppressions", async () => {
    const { api, slug } = await Api.account(base);
    const q = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
      sender: {
        fromName: "Ana at Rowpilot",
        fromEmail: "ana@rowpilot.example",
        postalAddress: "100 Congress Ave, Austin, TX 78701",
      },
    });
    const run = crypto.randomUUID().slice(0, 8);
    const email = `rose.${run}@bakery.example`;
    const subject = `A website for Rose's Bakery (${run})`;
    const menu = `${bakeryUrl}/menu?utm_source=rowpilot&day=fri#cakes`;
    const leads = await api.request<{ id: string }>("POST", `/api/tables?${q}`, {
      name: `Bakeries ${Date.now()}`,
      columns: [{ name: "Name" }, { name: "Email", type: "email" }],
    });
    const lead = await api.request<{ id: string }>("POST", `/api/tables/${leads.id}/rows`, {
      cells: { Name: "Rose's Bakery", Email: email },
    });
    const { id } = await api.request<{ id: string }>("POST", `/api/messages?${q}`, {
      recipientTable: leads.id,
      recipientRowId: lead.id,
      channel: "email",
      subject,
      body: `Hi Rose,\n\nYour menu, online: ${menu}\n\nAna`,
    });
    await api.request("POST", `/api/messages/${id}/send?${q}`);
    await expect
      .poll(async () => (await api.request<MessageRecord>("GET", `/api/messages/${id}?${q}`)).status)
      .toBe("sent");
    const { sentAt } = await api.request<MessageRecord>("GET", `/api/messages/${id}?${q}`);
    const { messages } = await api.request<{ messages: OutboxEntry[] }>("GET", `/api/outbox?${q}`);
    const links = trackingLinks(messages.find((m) => m.messageId === id)!, menu);

    const tables = await api.request<TableSummary[]>("GET", `/api/tables?${q}`);
    const messagesTable = tables.find((t) => t.name === "Messages")!;
    // Wide enough that every column of Messages is drawn, Opens and Clicks included.
    const grid = await openTable(browser(), api, `${base}/w/${slug}/t/${messagesTable.id}`);
    await grid.setViewportSize({ width: 5200, height: 900 });
    await grid.getByText(subject).waitFor();

    const mail = await (await browser().newContext({ userAgent: DESKTOP_CHROME })).newPage();
    // An open within seconds of sending is a scanner's or a proxy's; a person's comes later.
    const wait = Date.parse(sentAt!) + (MACHINE_OPEN_SECONDS + 1) * 1000 - Date.now();
    if (wait > 0) await mail.waitForTimeout(wait);
    const pixel = await mail.goto(links.pixel);
    expect(pixel?.headers()["content-type"]).toBe("image/gif");
    await expect.poll(() => cellText(grid, subject, "Opens")).toBe("1");
    await expect.poll(() => cellText(grid, subject, "Status")).toBe("opened");

    await mail.goto(links.click);
    expect(mail.url()).toBe(links.target);
    await mail.getByRole("heading", { name: "Rose's Bakery" }).waitFor();
    await expect.poll(() => cellText(grid, subject, "Clicks")).toBe("1");
    expect(await cellText(grid, subject, "Opens")).toBe("1");
    await expect.poll(() => cellText(grid, subject, "Status")).toBe("clicked");

    await mail.goto(links.unsubscribe);
    await mail.getByRole("heading", { name: "Unsubscribe from Ana at Rowpilot?" }).waitFor();
    await mail.getByRole("button", { name: "Unsubscribe" }).click();
    await mail.getByRole("heading", { name: "You are unsubscribed" }).waitFor();
    await expect.poll(() => cellText(grid, subject, "Status")).toBe("unsubscribed");

    const suppressions = tables.find((t) => t.name === "Suppressions")!;
    await grid.goto(`${base}/w/${slug}/t/${suppressions.id}`);
    await grid.getByText(email).waitFor();
    await grid.context().close();
    await mail.context().close();
  });
});

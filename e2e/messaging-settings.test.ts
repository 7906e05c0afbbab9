/**
 * Messaging settings and the campaign dashboard as an owner uses them: the sender and pace kept
 * after a reload, the sending domain's missing DMARC record warned about (DNS from the fake
 * resolver global-setup starts), and a sent message's open and click on the dashboard.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { MACHINE_OPEN_SECONDS } from "../automation/messaging/tracking/machine-opens";
import type { MessageRecord, OutboxEntry } from "../schema/messaging-api";
import { Api } from "./api";
import { sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

/** A person's mail app, not a scanner: the headless browser's own user agent says HeadlessChrome. */
const DESKTOP_CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

async function signedIn(api: Api, url: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  await context.addCookies(api.cookies());
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

describe("messaging settings and the campaign dashboard", () => {
  it("keeps the sender and pace after a reload, and warns that the domain has no DMARC record", async () => {
    const { api, slug } = await Api.account(base);
    const page = await signedIn(api, `${base}/w/${slug}/settings`);
    const sender = page.getByRole("form", { name: "Sender" });
    await sender.getByLabel("From name").fill("Ana at Rowpilot");
    await sender.getByLabel("From email", { exact: true }).fill("ana@nodmarc.example");
    await sender.getByLabel("Postal address").fill("100 Congress Ave, Austin, TX 78701");
    await sender.getByRole("button", { name: "Save sender" }).click();
    await page.getByText("Sender saved.").waitFor();

    const pace = page.getByRole("form", { name: "Pace" });
    await pace.getByLabel("Per sender a day").fill("150");
    await pace.getByLabel("Sat", { exact: true }).check();
    await pace.getByLabel("Warm-up: first days' sends").fill("25");
    await pace.getByRole("button", { name: "Save pace" }).click();
    await page.getByText("Pace saved.").waitFor();

    await page.reload();
    expect(
      await page.getByRole("form", { name: "Sender" }).getByLabel("From email", { exact: true }).inputValue(),
    ).toBe("ana@nodmarc.example");
    const kept = page.getByRole("form", { name: "Pace" });
    expect(await kept.getByLabel("Per sender a day").inputValue()).toBe("150");
    expect(await kept.getByLabel("Sat", { exact: true }).isChecked()).toBe(true);
    // The ramp read back from the Worker starts at the new first days' sends.
    expect(
      await page.getByRole("table", { name: "Warm-up schedule" }).locator("tbody tr td").nth(2).textContent(),
    ).toBe("25");

    await kept.getByLabel("Time zone").fill("Mars/Olympus");
    await kept.getByRole("button", { name: "Save pace" }).click();
    await page.getByRole("alert").filter({ hasText: "IANA time zone" }).waitFor();

    await page.getByRole("button", { name: "Check DNS" }).click();
    await page.getByText("nodmarc.example is missing").waitFor();
    await page.getByText("No DMARC record").waitFor();
    await page.context().close();
  });

  it("shows an editor the messaging settings read-only", async () => {
    const { api: owner, slug } = await Api.account(base);
    await owner.request("PATCH", `/api/workspaces/${slug}/settings`, { sender: { fromEmail: "ana@ready.example" } });
    const { url } = await owner.request<{ url: string }>("POST", `/api/workspaces/${slug}/invitations`, {
      role: "editor",
    });
    const { api: editor } = await Api.signUp(base, "Eddie Editor");
    await editor.request("POST", `/api/invitations/${url.split("/").pop()}/accept`);
    const page = await signedIn(editor, `${base}/w/${slug}/settings`);
    await page.getByText("Only owners can change settings.").waitFor();
    const sender = page.getByRole("form", { name: "Sender" });
    expect(await sender.getByLabel("From email", { exact: true }).inputValue()).toBe("ana@ready.example");
    expect(await sender.getByLabel("From email", { exact: true }).isDisabled()).toBe(true);
    expect(await sender.getByRole("button", { name: "Save sender" }).isDisabled()).toBe(true);
    expect(await page.getByRole("form", { name: "Pace" }).getByLabel("Per sender a day").isDisabled()).toBe(true);
    expect(await page.getByRole("combobox", { name: "Email provider" }).isDisabled()).toBe(true);
    // Reading the domain's DNS changes nothing, so anyone in the workspace may check it.
    await page.getByRole("button", { name: "Check DNS" }).click();
    await page.getByText("ready.example has what can be checked for outbox.").waitFor();
    await page.context().close();
  });

  it("shows a sent message's open and click on the dashboard once tracking sees them", async () => {
    const { api, slug } = await Api.account(base);
    const q = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
      sender: { fromName: "Ana", fromEmail: "ana@rowpilot.example", postalAddress: "100 Congress Ave, Austin, TX" },
    });
    const leads = await api.request<{ id: string }>("POST", `/api/tables?${q}`, {
      name: `Bakeries ${Date.now()}`,
      columns: [{ name: "Name" }, { name: "Email", type: "email" }],
    });
    const lead = await api.request<{ id: string }>("POST", `/api/tables/${leads.id}/rows`, {
      cells: { Name: "Rose's Bakery", Email: "rose@bakery.example" },
    });
    const { id } = await api.request<{ id: string }>("POST", `/api/messages?${q}`, {
      recipientTable: leads.id,
      recipientRowId: lead.id,
      channel: "email",
      subject: "A website for Rose's Bakery",
      body: "Hi Rose,\n\nYour menu, online: https://bakery.example/menu\n\nAna",
    });
    await api.request("POST", `/api/messages/${id}/send?${q}`);
    await expect
      .poll(async () => (await api.request<MessageRecord>("GET", `/api/messages/${id}?${q}`)).status)
      .toBe("sent");
    const { sentAt } = await api.request<MessageRecord>("GET", `/api/messages/${id}?${q}`);
    const { messages } = await api.request<{ messages: OutboxEntry[] }>("GET", `/api/outbox?${q}`);
    const html = messages.find((m) => m.messageId === id)?.html ?? "";
    const pixel = html.match(/src="([^"]*\/t\/o\/[^"]+\.gif)"/)?.[1];
    const click = html.match(/href="([^"]*\/t\/c\/[^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
    if (!pixel || !click) throw new Error(`The outbox copy has no pixel or tracked link:\n${html}`);

    const dashboard = await signedIn(api, `${base}/w/${slug}/campaigns`);
    await dashboard.getByLabel("Totals").waitFor();

    // An open within seconds of sending is a scanner's or a proxy's; a person's comes later.
    const wait = Date.parse(sentAt!) + (MACHINE_OPEN_SECONDS + 1) * 1000 - Date.now();
    if (wait > 0) await dashboard.waitForTimeout(wait);
    const mail = await (await browser().newContext({ userAgent: DESKTOP_CHROME })).newPage();
    await mail.goto(pixel);
    await mail.request.get(click, { maxRedirects: 0, headers: { "user-agent": DESKTOP_CHROME } });
    await mail.context().close();

    const figure = (label: string) =>
      dashboard
        .locator("dl[aria-label=Totals] > div", { has: dashboard.getByText(label, { exact: true }) })
        .locator("dd")
        .first();
    await expect
      .poll(async () => {
        await dashboard.reload();
        return [
          await figure("Sent").textContent(),
          await figure("Opened").textContent(),
          await figure("Clicked").textContent(),
        ];
      })
      .toEqual(["1", "1", "1"]);
    await dashboard.getByRole("table", { name: "By campaign" }).getByText("No campaign").waitFor();
    await dashboard.context().close();
  });
});

/**
 * Claiming a site and paying for it, end to end, as `npm start` runs with `RECURRENTE_URL`
 * pointing at a stand-in: an owner sets the Recurrente keys and registers the webhook endpoint,
 * publishes a site; its owner opens it, claims it, pays on the stand-in's hosted checkout and
 * comes back to a page that waits for Recurrente's webhook. The site loses its claim bar, and the
 * agency's Customers grid shows the new customer live, with no reload.
 */
import { rmSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DECLINED_CARD,
  type FakeRecurrente,
  startFakeRecurrente,
} from "../automation/payments/recurrente/test/fake-recurrente";
import type { BusinessListRow } from "../schema/hunting-api";
import type { CustomerItem, PaymentItem } from "../schema/payments-api";
import { type Served, serve } from "../scripts/serve";
import { Api } from "./api";
import { sharedBrowser } from "./browser";

const BUSINESS = "Rosa's Tailoring";
/** A webhook goes from the stand-in to the Worker, which reads the checkout back before writing. */
const CONFIRMED_MS = 20_000;

const browser = sharedBrowser();
let fake: FakeRecurrente | undefined;
let served: Served | undefined;
let api: Api;
let slug: string;

beforeAll(async () => {
  fake = await startFakeRecurrente();
  served = await serve({ env: { RECURRENTE_URL: fake.url } });
  ({ api } = await Api.signUp(served.url, "Billing Owner"));
  ({ slug } = await api.request<{ slug: string }>("POST", "/api/workspaces", { name: `Billing ${Date.now()}` }));
  await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
    secrets: { paymentsPublicKey: fake.keys.publicKey, paymentsApiKey: fake.keys.secretKey },
  });
}, 120_000);

afterAll(async () => {
  await served?.stop();
  if (served) rmSync(served.state, { recursive: true, force: true });
  await fake?.close();
});

const ws = (path: string) => `${path}${path.includes("?") ? "&" : "?"}workspace=${slug}`;

const customers = async () => (await api.request<{ customers: CustomerItem[] }>("GET", ws("/api/customers"))).customers;
const payments = async () => (await api.request<{ payments: PaymentItem[] }>("GET", ws("/api/payments"))).payments;

/** A published fallback site for a business of the workspace's own, found from a CSV list. */
async function publishedSite(): Promise<{ siteId: string; slug: string; businessRowId: string }> {
  const { id } = await api.request<{ id: string }>("POST", ws("/api/territories"), {
    query: "tailor",
    location: { zip: "78702" },
  });
  const csv = `name,category,phone,city,zip,rating,reviews\n"${BUSINESS}",Tailor,(512) 555-0142,Austin,78702,4.8,61`;
  await api.request("POST", ws(`/api/territories/${id}/scrape`), { source: "csv", csv });
  const { rows } = await api.request<{ rows: BusinessListRow[] }>("GET", ws(`/api/businesses?territory=${id}`));
  const business = rows.find((r) => r.name === BUSINESS)!;
  const site = await api.request<{ siteId: string; slug: string }>("POST", ws("/api/sites/generate"), {
    businessRowId: business.rowId,
  });
  await api.request("POST", ws(`/api/sites/${site.siteId}/publish`), { confirm: true });
  return { siteId: site.siteId, slug: site.slug, businessRowId: business.rowId };
}

async function signedInPage(b: Browser): Promise<Page> {
  const context = await b.newContext({ baseURL: served!.url, viewport: { width: 1440, height: 900 } });
  await context.addCookies(api.cookies());
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

async function visitorPage(b: Browser): Promise<Page> {
  const context = await b.newContext({ baseURL: served!.url, viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Opens the claim form from the site's claim bar and continues to Recurrente's hosted checkout. */
async function claim(visitor: Page, siteSlug: string, email: string) {
  await visitor.goto(`/s/${siteSlug}/`);
  await visitor.locator("[data-claim-bar]").getByRole("link", { name: "Claim this site" }).click();
  await visitor.waitForURL(new RegExp(`/s/${siteSlug}/claim$`));
  await visitor.getByLabel("Your name").fill("Rosa Medina");
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByRole("button", { name: "Continue to payment" }).click();
  await visitor.waitForURL((url) => url.href.startsWith(new URL(fake!.url).origin));
}

describe("claiming a site and paying through Recurrente", () => {
  it("registers the webhook endpoint, takes a declined card without claiming, then a paid claim makes the customer live", async () => {
    const endpoint = await api.request<{ url: string; secretStored: boolean }>(
      "POST",
      ws("/api/billing/webhook-endpoint"),
    );
    expect(endpoint).toMatchObject({ url: `${served!.url}/hooks/payments/recurrente/${slug}`, secretStored: true });

    const site = await publishedSite();
    const owner = await signedInPage(browser());
    // The billing tables with their plan, as the demo seed makes them.
    await api.request("GET", ws("/api/billing/plans"));
    const tables = await api.request<{ customers: string }>("GET", ws("/api/billing/tables"));
    await owner.goto(`/w/${slug}/t/${tables.customers}`);
    await owner.getByText("Saved").waitFor();

    // A declined card: the page says why, and nothing is claimed.
    const visitor = await visitorPage(browser());
    await claim(visitor, site.slug, "rosa@tailoring.example");
    await visitor.getByLabel("Número de tarjeta").fill(DECLINED_CARD);
    await visitor.getByRole("button", { name: /^Pagar/ }).click();
    await visitor.getByText(/rechazado/).waitFor();
    await expect
      .poll(async () => (await payments()).map((p) => p.status), {
        timeout: CONFIRMED_MS,
      })
      .toEqual(["failed"]);
    expect(await customers()).toEqual([]);

    // Paid: the success page waits for the webhook, then says the site is theirs.
    await visitor.getByRole("button", { name: /^Pagar/ }).waitFor();
    await visitor.getByLabel("Número de tarjeta").fill("4242 4242 4242 4242");
    await visitor.getByRole("button", { name: /^Pagar/ }).click();
    await visitor.waitForURL(new RegExp(`/s/${site.slug}/claim/done`));
    await visitor.getByText(/It's yours/).waitFor({ timeout: CONFIRMED_MS });

    // The agency's grid shows the customer without a reload.
    await owner.getByRole("gridcell", { name: "rosa@tailoring.example" }).waitFor({ timeout: CONFIRMED_MS });
    const [customer] = await customers();
    expect(customer).toMatchObject({ name: "Rosa Medina", email: "rosa@tailoring.example", status: "active" });
    expect((await payments()).find((p) => p.status === "succeeded")).toMatchObject({
      kind: "setup",
      amountCents: (99 + 29) * 100,
      currency: "USD",
      customerEmail: "rosa@tailoring.example",
    });

    // The site is theirs: its row says claimed, its page has no claim bar, and a second claim is refused politely.
    expect(await api.request<{ status: string }>("GET", ws(`/api/sites/${site.siteId}`))).toMatchObject({
      status: "claimed",
    });
    await visitor.goto(`/s/${site.slug}/`);
    await visitor.locator("h1").waitFor();
    expect(await visitor.locator("[data-claim-bar]").count()).toBe(0);
    await visitor.goto(`/s/${site.slug}/claim`);
    await visitor.getByText("This site has already been claimed by its owner.").waitFor();

    await owner.context().close();
    await visitor.context().close();
  }, 180_000);
});

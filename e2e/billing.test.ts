/**
 * The revenue dashboard and the Payments settings as an owner uses them, served with
 * `RECURRENTE_URL` pointing at the fake Recurrente: a new workspace's dashboard says what to do
 * first; the Payments card stores Recurrente's keys (shown as hints only), registers the webhook
 * at the fake (its signing secret stored) and keeps the grace period, read-only for an editor; then, with customers,
 * subscriptions and payments in the billing tables, the cards, charts and recent payments show
 * their figures, and a link opens the Customers grid.
 */
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeRecurrente, startFakeRecurrente } from "../automation/payments/recurrente/test/fake-recurrente";
import { paymentClaim, workspace } from "../schema/db";
import type { TableSummary } from "../schema/tables";
import { openLocal } from "../scripts/local-db";
import { type Served, serve } from "../scripts/serve";
import { Api } from "./api";
import { sharedBrowser } from "./browser";

const browser = sharedBrowser();
let fake: FakeRecurrente | undefined;
let served: Served | undefined;

const KEYS = { publicKey: "pk_test_rowpilot_0417", secretKey: "sk_test_rowpilot_9932" };
const DAY_MS = 86_400_000;

beforeAll(async () => {
  fake = await startFakeRecurrente(KEYS);
  served = await serve({ env: { RECURRENTE_URL: fake.url } });
});

afterAll(async () => {
  await served?.stop();
  await fake?.close();
});

async function signedIn(api: Api, path: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  await context.addCookies(api.cookies());
  const page = await context.newPage();
  await page.goto(`${served!.url}${path}`);
  return page;
}

/**
 * Customers, subscriptions and payments written into the billing tables through the rows API, as
 * the webhooks would: Ana active, Beto past due; a flagged setup fee, a declined renewal, a refund.
 */
/** The claim ledger as the claim page and the webhooks leave it: Ana's claim paid, Beto's still open. */
async function seedClaims(slug: string) {
  const local = await openLocal(served!.state);
  try {
    const ws = (await local.db.query.workspace.findFirst({ where: eq(workspace.slug, slug) }))!;
    const now = new Date();
    const claim = (name: string, email: string, state: string) => ({
      id: crypto.randomUUID(),
      workspaceId: ws.id,
      claimKey: `site-${name}:${email}`,
      siteId: `site-${name}`,
      siteSlug: `site-${name}`,
      businessName: `${name}'s business`,
      planId: "plan",
      setupCents: 9900,
      monthlyCents: 2900,
      currency: "USD",
      name,
      email,
      phone: "",
      checkoutId: `ch_${crypto.randomUUID()}`,
      state,
      createdAt: now,
      updatedAt: now,
    });
    await local.db
      .insert(paymentClaim)
      .values([claim("Ana", "ana@cafe.example", "paid"), claim("Beto", "beto@taller.example", "open")]);
  } finally {
    await local.dispose();
  }
}

async function seedBilling(api: Api, slug: string) {
  const ws = `workspace=${slug}`;
  // Reading the plans makes the billing tables, with the default plan ($99 setup, $29 a month).
  await api.request("GET", `/api/billing/plans?${ws}`);
  const tables = await api.request<TableSummary[]>("GET", `/api/tables?${ws}`);
  const id = (name: string) => tables.find((t) => t.name === name)!.id;
  const insert = async (table: string, cells: Record<string, unknown>) =>
    (await api.request<{ id: string }>("POST", `/api/tables/${id(table)}/rows`, { cells })).id;
  const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

  const ana = await insert("Customers", {
    Name: "Ana Pérez",
    Email: "ana@cafe.example",
    Status: "active",
    "Lifetime value": 118,
    Currency: "USD",
    "First paid": ago(4),
  });
  const beto = await insert("Customers", {
    Name: "Beto Gómez",
    Email: "beto@taller.example",
    Status: "past_due",
    "Lifetime value": 89,
    Currency: "USD",
    "First paid": ago(3),
  });
  await insert("Subscriptions", { Customer: [ana], Status: "active", "Recurrente subscription": "su_ana" });
  await insert("Subscriptions", { Customer: [beto], Status: "past_due", "Recurrente subscription": "su_beto" });
  const payment = (customer: string, cells: Record<string, unknown>) =>
    insert("Payments", { Customer: [customer], Currency: "USD", ...cells });
  await payment(ana, {
    "Recurrente payment": "pa_ana_setup",
    Kind: "setup",
    Amount: 99,
    Status: "succeeded",
    "Paid at": ago(4),
  });
  await payment(beto, {
    "Recurrente payment": "pa_beto_setup",
    Kind: "setup",
    Amount: 89,
    Status: "succeeded",
    "Paid at": ago(3),
    Flag: "Amount 89.00 USD does not match the plan's setup fee of 99.00 USD",
  });
  await payment(ana, {
    "Recurrente payment": "pa_ana_renewal",
    Kind: "renewal",
    Amount: 29,
    Status: "succeeded",
    "Paid at": ago(2),
  });
  await payment(beto, {
    "Recurrente payment": "pa_beto_renewal",
    Kind: "renewal",
    Amount: 29,
    Status: "failed",
    "Failure reason": "Card declined: insufficient funds",
  });
  await payment(ana, {
    "Recurrente payment": "re_ana",
    Kind: "refund",
    Amount: -10,
    Status: "succeeded",
    "Paid at": ago(1),
  });
}

/** A stat card's figure, by its label. */
async function figure(page: Page, label: string) {
  return (await page.locator(`dl[aria-label="Revenue"] dt:text-is("${label}") + dd`).textContent())?.trim();
}

describe("the revenue dashboard and the payments settings", () => {
  it("tells a workspace that never used billing how to start", async () => {
    const { api, slug } = await Api.account(served!.url);
    const page = await signedIn(api, `/w/${slug}`);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Billing" }).click();
    await page.getByRole("heading", { name: "Billing" }).waitFor();
    await page.getByText("No claims yet").waitFor();
    await page.getByText("Publish a site and share it").waitFor();
    await page.getByText("Payments are not set up").waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.context().close();
  });

  it("stores Recurrente's keys as hints, registers the webhook and keeps the grace period", async () => {
    const { api, slug } = await Api.account(served!.url);
    const page = await signedIn(api, `/w/${slug}/settings`);
    const keys = page.getByRole("form", { name: "Payments keys" });
    await keys.getByLabel("Public key").fill(KEYS.publicKey);
    await keys.getByLabel("Secret key").fill(KEYS.secretKey);
    await keys.getByRole("button", { name: "Save payments keys" }).click();
    await page.getByText("Payments keys saved.").waitFor();
    await keys.getByText("Set ••••0417").waitFor();
    await keys.getByText("Set ••••9932").waitFor();
    expect(await page.content()).not.toContain(KEYS.secretKey);
    // They are the Payments card's: the general provider keys card does not list them again.
    expect(await page.getByText("Payments secret key").count()).toBe(0);

    await page.getByRole("button", { name: "Register webhook with Recurrente" }).click();
    await page.getByText(`/hooks/payments/recurrente/${slug}`).waitFor();
    await page.getByText("Its signing secret is stored.").waitFor();
    const registered = fake!.requests.filter((r) => r.method === "POST" && r.path.endsWith("/webhook_endpoints"));
    expect(registered).toHaveLength(1);
    await keys
      .getByText(/Set ••••\S{4} · updated/)
      .nth(2)
      .waitFor();

    const grace = page.getByRole("form", { name: "Grace period" });
    expect(await grace.getByLabel("Grace period (days)").inputValue()).toBe("7");
    await grace.getByLabel("Grace period (days)").fill("12");
    await grace.getByRole("button", { name: "Save grace period" }).click();
    await page.getByText("Grace period saved.").waitFor();
    await page.reload();
    expect(await page.getByRole("form", { name: "Grace period" }).getByLabel("Grace period (days)").inputValue()).toBe(
      "12",
    );
    await page.context().close();
  });

  it("shows an editor the payments settings read-only, keys as hints", async () => {
    const { api: owner, slug } = await Api.account(served!.url);
    await owner.request("PATCH", `/api/workspaces/${slug}/settings`, {
      secrets: { paymentsPublicKey: KEYS.publicKey, paymentsApiKey: KEYS.secretKey },
    });
    const { url } = await owner.request<{ url: string }>("POST", `/api/workspaces/${slug}/invitations`, {
      role: "editor",
    });
    const { api: editor } = await Api.signUp(served!.url, "Eddie Editor");
    await editor.request("POST", `/api/invitations/${url.split("/").pop()}/accept`);
    const page = await signedIn(editor, `/w/${slug}/settings`);
    const keys = page.getByRole("form", { name: "Payments keys" });
    await keys.getByText("Set ••••9932").waitFor();
    expect(await keys.getByLabel("Secret key").isDisabled()).toBe(true);
    expect(await keys.getByRole("button", { name: "Save payments keys" }).isDisabled()).toBe(true);
    expect(await keys.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Register webhook with Recurrente" }).isDisabled()).toBe(true);
    const grace = page.getByRole("form", { name: "Grace period" });
    expect(await grace.getByLabel("Grace period (days)").isDisabled()).toBe(true);
    await page.context().close();
  });

  it("shows the billing tables' figures, charts and newest payments", async () => {
    const { api, slug } = await Api.account(served!.url);
    await seedBilling(api, slug);
    await seedClaims(slug);
    const page = await signedIn(api, `/w/${slug}/billing`);
    await page.getByRole("list", { name: "Recent payments" }).waitFor();
    expect(await figure(page, "MRR")).toBe("$58");
    expect(await figure(page, "Active customers")).toBe("1");
    expect(await figure(page, "Past due")).toBe("1");
    expect(await figure(page, "Churn (30 days)")).toBe("0%");
    // The setup fees of paid claims: Ana's; Beto's flagged payment did not pay his claim.
    expect(await figure(page, "Setup fees")).toBe("$99");
    expect(await figure(page, "Refunds")).toBe("$10");
    expect(await figure(page, "Average lifetime value")).toBe("$103.50");

    // Revenue by month: 99 + 89 + 29 collected, 10 refunded; a claim is paid when its setup fee is.
    await page.getByText("$207 in all").waitFor();
    await page.getByText("2 in all · best 2").waitFor();

    const items = page.getByRole("list", { name: "Recent payments" }).getByRole("listitem");
    expect(await items.count()).toBe(5);
    await expect.poll(() => items.first().textContent()).toContain("-$10");
    const declined = items.filter({ hasText: "pa_beto_renewal" });
    expect(await declined.textContent()).toContain("Card declined: insufficient funds");
    expect(await declined.textContent()).toContain("Failed");
    const flagged = items.filter({ hasText: "pa_beto_setup" });
    expect(await flagged.textContent()).toContain("Flagged: Amount 89.00 USD does not match");
    expect(await flagged.textContent()).toContain("beto@taller.example");

    await page.getByRole("navigation", { name: "Billing tables" }).getByRole("link", { name: "Customers" }).click();
    await page.getByRole("grid").waitFor();
    await page.getByText("Ana Pérez").waitFor();
    await page.context().close();
  });
});

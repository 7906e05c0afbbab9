/**
 * Test fixtures inside workerd: a workspace with Recurrente keys of the fake and its billing
 * tables, subscriptions made at the fake by paying a checkout, and Subscriptions rows that point
 * at them (written as the webhook would, so these tests do not depend on it).
 */
import { env } from "cloudflare:test";
import type { SubscriptionStatus } from "../../schema/payments-tables";
import type { CellValue } from "../../schema/tables";
import { getDb } from "../db";
import { byKey, reader } from "../kinds/tables";
import { hookUrl, recurrenteFake, workerWith } from "../test/fake-recurrente";
import { call, nextAddress, ORIGIN, ownerWithWorkspace } from "../test/http";
import { recurrenteOf } from "./recurrente";
import { billingOrigin } from "./subscription-rows";
import { ensureBilling } from "./tables";

export const fake = recurrenteFake();
/** The test env with Recurrente pointed at the fake. */
export const fakeEnv: Env = { ...env, RECURRENTE_URL: fake.url };

export async function billingWorkspace() {
  const { owner, ws, base } = await ownerWithWorkspace("Billing Motors");
  const keys = { paymentsPublicKey: fake.keys.publicKey, paymentsApiKey: fake.keys.secretKey };
  const saved = await call(owner, "PATCH", `${base}/settings`, { secrets: keys });
  if (saved.status !== 200) throw new Error(`settings: ${saved.status} ${await saved.text()}`);
  const db = getDb(env.DB);
  const billing = await ensureBilling(fakeEnv, db, ws.id, owner.id);
  const recurrente = (await recurrenteOf(fakeEnv, db, ws.id))!;
  const worker = workerWith({ RECURRENTE_URL: fake.url });

  /** A call to the API through the Worker that talks to the fake, as `client` (the owner by default). */
  const api = (method: string, path: string, body?: unknown, client: { cookie?: string } = owner) =>
    worker(`/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, {
      method,
      headers: {
        origin: ORIGIN,
        "cf-connecting-ip": nextAddress(),
        ...(client.cookie ? { cookie: client.cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** A subscription made at the fake by paying a checkout with a monthly item; its su_… id. */
  async function subscriptionAtFake(email = `owner.${crypto.randomUUID().slice(0, 6)}@bakery.example`) {
    const checkout = await recurrente.createCheckout({
      items: [{ name: "Website", amountCents: 2900, currency: "USD", chargeType: "recurring" }],
      successUrl: `${ORIGIN}/done`,
      cancelUrl: `${ORIGIN}/claim`,
      metadata: { email, workspace: ws.id },
    });
    await fake.pay(checkout.id, undefined, { to: hookUrl(ws.slug) });
    const paid = await recurrente.getCheckout(checkout.id);
    if (!paid.subscriptionId) throw new Error(`the fake made no subscription for ${checkout.id}`);
    return { id: paid.subscriptionId, checkoutId: checkout.id, email };
  }

  /** A Customers row and a Subscriptions row for it, as the webhook writes them. */
  async function subscriptionRow(
    cells: { recurrenteId: string | null; status: SubscriptionStatus } & Record<string, CellValue>,
  ) {
    const customer = await billing.customers.room.insertRow(
      byKey(billing.customers, { name: "Rosa Díaz", email: "rosa@bakery.example", status: cells.status }),
      billingOrigin,
    );
    if (!customer.ok) throw new Error(customer.message);
    const row = await billing.subscriptions.room.insertRow(
      byKey(billing.subscriptions, { customer: [customer.value], ...cells }),
      billingOrigin,
    );
    if (!row.ok) throw new Error(row.message);
    return { rowId: row.value, customerId: customer.value };
  }

  /** A row's cells by key. */
  async function cellsOf(table: "subscriptions" | "customers" | "webhookEvents", rowId: string) {
    const [row] = await billing[table].room.readRows([rowId]);
    if (!row) throw new Error(`no ${table} row ${rowId}`);
    return reader(billing[table], row.cells);
  }

  return { owner, ws, base, db, billing, recurrente, api, subscriptionAtFake, subscriptionRow, cellsOf };
}

/**
 * A workspace for the Recurrente webhook tests: Rosa's Taquería in Businesses, her published Sites
 * row, payments keys and webhook secret set to the fake Recurrente's, and claims made as the claim
 * page makes them (a payment_claim row and its checkout at the fake). Readers give the billing
 * rows by column key; `post` sends the fake's signed deliveries through the real Worker.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { recurrenteClient } from "../../../automation/payments/recurrente/client";
import { auditLog, paymentClaim } from "../../../schema/db";
import type { PaymentsTable } from "../../../schema/payments-tables";
import { newId } from "../../auth/tokens";
import { getDb } from "../../db";
import { findHunting } from "../../hunting/tables";
import { byKey, reader } from "../../kinds/tables";
import { ensureSites } from "../../sites/tables";
import { type FakeDelivery, hookUrl, postDelivery, recurrenteFake, workerWith } from "../../test/fake-recurrente";
import { call } from "../../test/http";
import { workspaceWithRosa } from "../../test/sites";
import { ensureBilling } from "../tables";

export const SETUP_CENTS = 9900;
export const MONTHLY_CENTS = 2900;
export const ANA = { name: "Ana Pérez", email: "ana@example.com", phone: "+1 512 555 0199" };
const origin = { kind: "automation" as const, job: "test" };

export async function billingWorkspace(options: { webhookSecret?: string | null } = {}) {
  const fake = recurrenteFake();
  const { owner, ws, business } = await workspaceWithRosa();
  const webhookSecret = options.webhookSecret === undefined ? fake.webhookSecret : options.webhookSecret;
  const secrets = {
    paymentsPublicKey: fake.keys.publicKey,
    paymentsApiKey: fake.keys.secretKey,
    ...(webhookSecret ? { paymentsWebhookSecret: webhookSecret } : {}),
  };
  const res = await call(owner, "PATCH", `/api/workspaces/${ws.slug}/settings`, { secrets });
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${await res.text()}`);
  const db = getDb(env.DB);
  const hunting = (await findHunting(env, db, ws.id))!;
  const sites = await ensureSites(env, db, ws.id, null, hunting.ids.businesses);
  const slug = `rosas-${ws.slug}`;
  const inserted = await sites.room.insertRow(
    byKey(sites, { business: [business.rowId], slug, status: "published" }),
    origin,
  );
  if (!inserted.ok) throw new Error(inserted.message);
  const siteId = inserted.value;
  const billing = await ensureBilling(env, db, ws.id, null);
  const { rows: plans } = await billing.plans.room.queryRows({ filters: [], sort: [], limit: 1, offset: 0 });
  const recurrente = recurrenteClient({ ...fake.keys, baseUrl: fake.url });
  const to = hookUrl(ws.slug);
  const workerFetch = workerWith({ RECURRENTE_URL: fake.url });

  /** A claim as the claim page leaves it: a checkout at the fake for the setup fee and the monthly plan. */
  const claim = async (who = ANA, amounts = { setupCents: SETUP_CENTS, monthlyCents: MONTHLY_CENTS }) => {
    const id = newId();
    const checkout = await recurrente.createCheckout({
      items: [
        { name: "Website setup", amountCents: amounts.setupCents, currency: "USD", chargeType: "one_time" },
        {
          name: "Website",
          amountCents: amounts.monthlyCents,
          currency: "USD",
          chargeType: "recurring",
          billingInterval: "month",
        },
      ],
      successUrl: `http://rowpilot.test/s/${slug}/claim/done?claim=${id}`,
      cancelUrl: `http://rowpilot.test/s/${slug}/claim`,
      metadata: {
        workspace: ws.id,
        site: siteId,
        business: business.rowId,
        claim: id,
        email: who.email,
        name: who.name,
      },
    });
    const now = new Date();
    await db.insert(paymentClaim).values({
      id,
      workspaceId: ws.id,
      claimKey: `${siteId}:${who.email.toLowerCase()}`,
      siteId,
      siteSlug: slug,
      businessId: business.rowId,
      businessName: business.name,
      planId: plans[0]!.id,
      setupCents: SETUP_CENTS,
      monthlyCents: MONTHLY_CENTS,
      currency: "USD",
      ...who,
      checkoutId: checkout.id,
      checkoutUrl: checkout.checkoutUrl,
      state: "open",
      createdAt: now,
      updatedAt: now,
    });
    return { id, checkoutId: checkout.id };
  };

  const post = (delivery: FakeDelivery) => postDelivery(workerFetch, delivery);
  /** Posts each delivery in order; their answers' statuses and results. */
  const postAll = async (deliveries: FakeDelivery[]) => {
    const answers: { status: number; result: string | null }[] = [];
    for (const d of deliveries) {
      const answer = await post(d);
      const body = (await answer.json()) as { result?: string };
      answers.push({ status: answer.status, result: body.result ?? null });
    }
    return answers;
  };

  /** The billing table's rows, each read by column key. */
  const rows = async (table: PaymentsTable) => {
    const handle = billing[table];
    const { rows: found } = await handle.room.queryRows({ filters: [], sort: [], limit: 500, offset: 0 });
    return found.map((row) => ({ id: row.id, r: reader(handle, row.cells) }));
  };
  const claimRow = async (id: string) => (await db.query.paymentClaim.findFirst({ where: eq(paymentClaim.id, id) }))!;
  const siteStatus = async () => reader(sites, (await sites.room.readRows([siteId]))[0]!.cells).text("status");
  const leadStatus = async () =>
    reader(hunting.businesses, (await hunting.businesses.room.readRows([business.rowId]))[0]!.cells).text("leadStatus");
  const audits = async (action: string) =>
    db.query.auditLog.findMany({ where: and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, action)) });

  return {
    fake,
    ws,
    owner,
    to,
    business,
    siteId,
    billing,
    recurrente,
    workerFetch,
    claim,
    post,
    postAll,
    rows,
    claimRow,
    siteStatus,
    leadStatus,
    audits,
  };
}

/**
 * For the claim flow's tests inside workerd: a workspace with Rosa's Taquería, a Sites row for
 * her and its page published (with its claim bar) under a fresh slug, optionally with the fake
 * Recurrente's keys; requests to the Worker pointed at the fake; the site's claim ledger rows.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { paymentClaim } from "../../../schema/db";
import { getDb } from "../../db";
import { findHunting } from "../../hunting/tables";
import { byKey } from "../../kinds/tables";
import { publicKey } from "../../sites/generate";
import { ensureSites } from "../../sites/tables";
import { recurrenteFake, workerWith } from "../../test/fake-recurrente";
import { call, nextAddress } from "../../test/http";
import { workspaceWithRosa } from "../../test/sites";

export const PAGE = `<!doctype html><html lang="en"><head><title>Rosa's Taquería</title><style>body{margin:0}</style></head><body><main><h1>Rosa's Taquería</h1></main><aside class="claim" data-claim-bar aria-label="Claim this site"><p>Made for Rosa's Taquería</p><a href="claim">Claim this site</a></aside></body></html>`;

export const fake = recurrenteFake();
/** The real Worker, its Recurrente at the fake. */
export const worker = workerWith({ RECURRENTE_URL: fake.url });

/** A published site for Rosa's Taquería in a new workspace; `keys` sets the fake's Recurrente keys. */
export async function publishedRosa({ keys }: { keys: boolean }) {
  const { owner, ws, business } = await workspaceWithRosa();
  if (keys) {
    const secrets = { paymentsPublicKey: fake.keys.publicKey, paymentsApiKey: fake.keys.secretKey };
    const set = await call(owner, "PATCH", `/api/workspaces/${ws.slug}/settings`, { secrets });
    if (set.status !== 200) throw new Error(`setting the payments keys failed: ${set.status} ${await set.text()}`);
  }
  const db = getDb(env.DB);
  const hunting = await findHunting(env, db, ws.id);
  const sites = await ensureSites(env, db, ws.id, null, hunting!.ids.businesses);
  const slug = `rosas-taqueria-${crypto.randomUUID().slice(0, 6)}`;
  const inserted = await sites.room.insertRows(
    [byKey(sites, { business: [business.rowId], slug, status: "published" })],
    { kind: "automation", job: "test" },
  );
  if (!inserted.ok) throw new Error(inserted.message);
  const siteId = inserted.value[0]!;
  await env.FILES.put(publicKey(slug), PAGE, { customMetadata: { workspaceId: ws.id, siteId, allowedHosts: "" } });
  return { owner, ws, business, slug, siteId };
}

/** The claim form posted from address `ip` (a fresh one unless given). */
export function postClaim(slug: string, fields: Record<string, string>, ip = nextAddress()) {
  return worker(`/s/${slug}/claim`, {
    method: "POST",
    headers: { "cf-connecting-ip": ip },
    body: new URLSearchParams(fields),
  });
}

/** The site's claim ledger rows. */
export const claimsOf = (workspaceId: string, siteId: string) =>
  getDb(env.DB)
    .select()
    .from(paymentClaim)
    .where(and(eq(paymentClaim.workspaceId, workspaceId), eq(paymentClaim.siteId, siteId)));

/** The checkouts the fake was asked to make for this site. */
export async function checkoutsFor(siteId: string) {
  const made = (await fake.requests()).filter((r) => r.method === "POST" && r.path.endsWith("/checkouts"));
  return made
    .map((r) => JSON.parse(r.body) as { metadata?: Record<string, string> } & Record<string, unknown>)
    .filter((body) => body.metadata?.siteId === siteId);
}

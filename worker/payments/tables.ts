/**
 * A workspace's billing tables (Plans, Customers, Subscriptions, Payments, Webhook events), found
 * by kind and made from the "Customers and billing" template the first time billing needs them,
 * with the default plan in Plans. Customers' and Subscriptions' Business and Site links point at
 * the workspace's Businesses and Sites tables when it has them; without them those columns are
 * left out.
 */
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import {
  DEFAULT_PLAN,
  PAYMENTS_KINDS,
  PAYMENTS_ORDER,
  PAYMENTS_TABLES,
  type PaymentsTable,
} from "../../schema/payments-tables";
import { SITES_KINDS } from "../../schema/sites-tables";
import type { Db } from "../db";
import {
  byKey,
  ensureKindIds,
  findKindIds,
  idOfKind,
  type KindTemplate,
  type TableHandle,
  tableHandle,
  templateWithOutside,
} from "../kinds/tables";

export type Billing = Record<PaymentsTable, TableHandle> & {
  ids: Record<PaymentsTable, string>;
  workspaceId: string;
};

const origin = { kind: "automation" as const, job: "billing" };

/** The template with links outside it resolved: to a table's id, or the column left out. */
const template = (outside: Record<"businesses" | "sites", string | null>): KindTemplate<PaymentsTable> =>
  templateWithOutside({ order: PAYMENTS_ORDER, kinds: PAYMENTS_KINDS, tables: PAYMENTS_TABLES }, outside);

async function billingOf(env: Env, ids: Record<PaymentsTable, string>, workspaceId: string): Promise<Billing> {
  const handles = await Promise.all(PAYMENTS_ORDER.map((t) => tableHandle(env, ids[t])));
  const byTable = Object.fromEntries(PAYMENTS_ORDER.map((t, i) => [t, handles[i]!])) as Record<
    PaymentsTable,
    TableHandle
  >;
  return { ...byTable, ids, workspaceId };
}

/** The workspace's billing tables, or null when billing has never been used there. */
export async function findBilling(env: Env, db: Db, workspaceId: string): Promise<Billing | null> {
  const ids = await findKindIds(db, workspaceId, template({ businesses: null, sites: null }));
  return ids ? billingOf(env, ids, workspaceId) : null;
}

/** The workspace's billing tables, made when any is missing; a new Plans table gets the default plan. */
export async function ensureBilling(env: Env, db: Db, workspaceId: string, createdBy: string | null): Promise<Billing> {
  const found = await findKindIds(db, workspaceId, template({ businesses: null, sites: null }));
  if (found) return billingOf(env, found, workspaceId);
  const outside = {
    businesses: await idOfKind(db, workspaceId, HUNTING_KINDS.businesses),
    sites: await idOfKind(db, workspaceId, SITES_KINDS.sites),
  };
  const ids = await ensureKindIds(env, db, workspaceId, createdBy, template(outside));
  const billing = await billingOf(env, ids, workspaceId);
  await billing.plans.room.seedRows([byKey(billing.plans, { ...DEFAULT_PLAN })], origin);
  return billing;
}

/**
 * Our idempotency for Recurrente checkouts (its API takes no idempotency key): one `payment_claim`
 * row per workspace and claim key, inserted before the checkout is made. The request whose insert
 * wins makes the checkout; any other finds the row and waits for it, or takes it over by a
 * compare-and-set on its state and `updatedAt` (a failed or expired claim, or one whose maker
 * died mid-way). D1 runs each statement alone, so the insert and each compare-and-set are atomic.
 */
import { and, eq } from "drizzle-orm";
import { auditLog, paymentClaim } from "../../../schema/db";
import { newId } from "../../auth/tokens";
import type { Db } from "../../db";

export type ClaimRow = typeof paymentClaim.$inferSelect;
export type NewClaim = Omit<
  ClaimRow,
  "id" | "state" | "checkoutId" | "checkoutUrl" | "failureReason" | "offlineAt" | "createdAt" | "updatedAt"
>;

/** `<site row id>:<lower-cased email>`: the same person claiming the same site again is the same claim. */
export const claimKeyOf = (siteId: string, email: string) => `${siteId}:${email.trim().toLowerCase()}`;

export async function claimById(db: Db, workspaceId: string, id: string): Promise<ClaimRow | null> {
  const row = await db.query.paymentClaim.findFirst({
    where: and(eq(paymentClaim.id, id), eq(paymentClaim.workspaceId, workspaceId)),
  });
  return row ?? null;
}

async function claimByKey(db: Db, workspaceId: string, claimKey: string): Promise<ClaimRow | null> {
  const row = await db.query.paymentClaim.findFirst({
    where: and(eq(paymentClaim.workspaceId, workspaceId), eq(paymentClaim.claimKey, claimKey)),
  });
  return row ?? null;
}

/** The site's paid claim, or null while nobody has paid for it. */
export async function paidClaimOf(db: Db, workspaceId: string, siteId: string): Promise<ClaimRow | null> {
  const row = await db.query.paymentClaim.findFirst({
    where: and(
      eq(paymentClaim.workspaceId, workspaceId),
      eq(paymentClaim.siteId, siteId),
      eq(paymentClaim.state, "paid"),
    ),
  });
  return row ?? null;
}

/**
 * The claim row for `claim`'s key: `mine` when this call inserted it (state "creating", the
 * caller makes the checkout), else the row as another request left it (null when it was deleted
 * between the insert and the read: the caller tries again).
 */
export async function reserveClaim(db: Db, claim: NewClaim): Promise<{ mine: boolean; row: ClaimRow | null }> {
  const now = new Date();
  const [inserted] = await db
    .insert(paymentClaim)
    .values({ ...claim, id: newId(), state: "creating", createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { mine: true, row: inserted };
  return { mine: false, row: await claimByKey(db, claim.workspaceId, claim.claimKey) };
}

/** The row read again, to see what another request made of it. */
export const reread = (db: Db, row: ClaimRow) => claimByKey(db, row.workspaceId, row.claimKey);

/**
 * Takes `seen` over for a new checkout when nobody changed it since it was read: state
 * "creating", the claimant's latest details. Null when another request got there first.
 */
export async function takeOver(db: Db, seen: ClaimRow, claim: NewClaim): Promise<ClaimRow | null> {
  // Strictly later than what was seen, so a second take-over in the same millisecond fails its compare.
  const updatedAt = new Date(Math.max(Date.now(), seen.updatedAt.getTime() + 1));
  const [taken] = await db
    .update(paymentClaim)
    .set({ ...claim, state: "creating", failureReason: null, updatedAt })
    .where(
      and(eq(paymentClaim.id, seen.id), eq(paymentClaim.state, seen.state), eq(paymentClaim.updatedAt, seen.updatedAt)),
    )
    .returning();
  return taken ?? null;
}

/**
 * A declined or expired-looking claim whose checkout Recurrente still takes: open again at the
 * same checkout (compare-and-set on what was seen), so its payment still finds this claim.
 */
export async function reopen(db: Db, seen: ClaimRow): Promise<ClaimRow | null> {
  const updatedAt = new Date(Math.max(Date.now(), seen.updatedAt.getTime() + 1));
  const [opened] = await db
    .update(paymentClaim)
    .set({ state: "open", failureReason: null, updatedAt })
    .where(
      and(eq(paymentClaim.id, seen.id), eq(paymentClaim.state, seen.state), eq(paymentClaim.updatedAt, seen.updatedAt)),
    )
    .returning();
  return opened ?? null;
}

/** The checkout made: the claim is open at its URL. */
export async function markOpen(db: Db, id: string, checkout: { id: string; url: string }): Promise<void> {
  await db
    .update(paymentClaim)
    .set({ checkoutId: checkout.id, checkoutUrl: checkout.url, state: "open", updatedAt: new Date() })
    .where(and(eq(paymentClaim.id, id), eq(paymentClaim.state, "creating")));
}

/**
 * No checkout was made: the row goes back to what it was before this attempt (deleted when this
 * attempt inserted it), so the next try starts clean and nothing stays "creating".
 */
export async function giveBack(db: Db, id: string, before: ClaimRow | null): Promise<void> {
  const mine = and(eq(paymentClaim.id, id), eq(paymentClaim.state, "creating"));
  if (!before) {
    await db.delete(paymentClaim).where(mine);
    return;
  }
  const { state, checkoutId, checkoutUrl, failureReason } = before;
  await db
    .update(paymentClaim)
    .set({ state, checkoutId, checkoutUrl, failureReason, updatedAt: new Date() })
    .where(mine);
}

/** A line in the workspace's audit log for its owners: payments failed where nobody was signed in to see it. */
export async function tellOwners(db: Db, workspaceId: string, action: string, detail: Record<string, unknown>) {
  await db.insert(auditLog).values({
    id: newId(),
    workspaceId,
    actorUserId: null,
    actorTokenId: null,
    action,
    target: typeof detail.siteSlug === "string" ? detail.siteSlug : null,
    detail,
    createdAt: new Date(),
  });
}

/**
 * Claims of published sites and the Recurrente checkout each one opened. Recurrente's API takes
 * no idempotency key, so this row is ours: one per workspace and claim key (the site and the
 * claimant's email), inserted before the checkout is created, so a retry or a double click finds
 * the checkout already made instead of making a second. A webhook's checkout is looked up here
 * too: one we never made is flagged, never applied. A site whose claim is paid shows no claim
 * bar.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { workspace } from "./workspaces";

export const paymentClaim = sqliteTable(
  "payment_claim",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    /** `<site row id>:<lower-cased email>`: the same person claiming the same site twice is one claim. */
    claimKey: text("claim_key").notNull(),
    siteId: text("site_id").notNull(),
    siteSlug: text("site_slug").notNull(),
    businessId: text("business_id"),
    businessName: text("business_name").notNull(),
    /** The Plans row the checkout was made from, and the amounts it asked for (cents). */
    planId: text("plan_id").notNull(),
    setupCents: integer("setup_cents").notNull(),
    monthlyCents: integer("monthly_cents").notNull(),
    currency: text("currency").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    /** Null while the checkout is being made (the row is the lock). */
    checkoutId: text("checkout_id"),
    checkoutUrl: text("checkout_url"),
    /** creating → open → paid | failed | expired (ClaimState, plus creating). */
    state: text("state").notNull(),
    failureReason: text("failure_reason"),
    /**
     * Set on a paid claim while its site is taken offline (its subscription past due beyond the
     * grace period); cleared when it is paid up. The site's page is then a friendly notice.
     */
    offlineAt: integer("offline_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("payment_claim_key").on(t.workspaceId, t.claimKey),
    uniqueIndex("payment_claim_checkout").on(t.checkoutId),
    index("payment_claim_site").on(t.workspaceId, t.siteId),
  ],
);

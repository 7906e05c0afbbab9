/**
 * The "Sites" table: one row per generated website, linked to its business. Columns carry stable
 * keys; the Business link names the workspace's Businesses table, resolved when it is made.
 */
import { z } from "zod";
import type { ColumnType } from "./tables";

export const SITES_KINDS = { sites: "sites.sites", claims: "sites.claims" } as const;
export type SitesTable = keyof typeof SITES_KINDS;

/** A site's life: queued, generated into review, published (or failed), then claimed by its owner. */
export const SITE_STATUSES = ["queued", "generating", "review", "published", "failed", "claimed"] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** What the Sites buttons (and Businesses' Generate site) do, run by the Worker for their row. */
export const SITE_OPS = ["generate", "publish", "unpublish"] as const;
export type SiteOp = (typeof SITE_OPS)[number];

export const siteButton = (
  label: string,
  op: SiteOp,
  confirm: string | null = null,
  disabledWhen: string | null = null,
) => ({
  label,
  action: { name: "sites", params: { op } },
  confirm,
  disabledWhen,
});

export type SiteColumn = { key: string; name: string; type: ColumnType; options?: Record<string, unknown> };

export const SITES_COLUMNS: SiteColumn[] = [
  { key: "business", name: "Business", type: "link" },
  { key: "slug", name: "Slug", type: "text" },
  { key: "status", name: "Status", type: "status" },
  { key: "version", name: "Version", type: "number" },
  { key: "fallback", name: "Fallback", type: "checkbox" },
  { key: "vibe", name: "Vibe", type: "text" },
  { key: "template", name: "Template", type: "text" },
  { key: "url", name: "Published URL", type: "url" },
  { key: "generated", name: "Generated", type: "datetime" },
  { key: "published", name: "Published", type: "datetime" },
  { key: "desktop", name: "Desktop", type: "attachment" },
  { key: "mobile", name: "Mobile", type: "attachment" },
  /** What a browser saw: claim bar, console errors, weight, images without alt, language. */
  { key: "quality", name: "Quality", type: "longText" },
  { key: "error", name: "Error", type: "longText" },
  /** One line a stage: agent, outcome, model, seconds, tokens, cost. */
  { key: "stages", name: "Stages", type: "longText" },
  /** The prompt variant each agent ran with: "Analyst: default · Concept: bold". */
  { key: "promptVariants", name: "Prompt variants", type: "text" },
  {
    key: "publishButton",
    name: "Publish",
    type: "button",
    options: siteButton(
      "Publish",
      "publish",
      "Publish this site at its public address? If its Quality or Error cell lists findings (✗), it goes live with them.",
      'NOT({Status} = "review")',
    ),
  },
  {
    key: "unpublishButton",
    name: "Unpublish",
    type: "button",
    options: siteButton("Unpublish", "unpublish", "Take this site offline?", 'NOT({Status} = "published")'),
  },
];

/** Owners who said "this is my business" on a published site, waiting for the claim flow. */
export const CLAIMS_COLUMNS: SiteColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "email", name: "Email", type: "email" },
  { key: "phone", name: "Phone", type: "phone" },
  { key: "site", name: "Site", type: "link" },
  { key: "business", name: "Business", type: "link" },
  { key: "received", name: "Received", type: "datetime" },
  { key: "status", name: "Status", type: "status" },
];

/** What the claim form takes. */
export const ClaimRequest = z.object({
  name: z.string().trim().min(1, "Please give your name").max(120),
  email: z.email("Please give an email address we can reach you at").max(254),
  phone: z.string().trim().max(40).default(""),
});
export type ClaimRequest = z.infer<typeof ClaimRequest>;

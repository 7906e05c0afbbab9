/**
 * The "Business hunting" tables: Territories (the coverage grid) and Businesses (every local
 * business found, scored as a lead). Columns carry stable keys, found by key so people may
 * rename them; links name their table by kind. Score and Qualified are formula columns whose
 * text the Worker writes from the workspace's scoring settings (and rewrites when they change).
 */
import type { OutreachColumn } from "./outreach-tables";
import { siteButton } from "./sites-tables";

export const HUNTING_KINDS = {
  territories: "hunting.territories",
  businesses: "hunting.businesses",
  runs: "hunting.runs",
} as const;
export type HuntingTable = keyof typeof HUNTING_KINDS;

export type HuntingColumn = Omit<OutreachColumn, "links"> & { links?: HuntingTable };

/** Territory statuses, in the order a territory moves through them. */
export const TERRITORY_STATUSES = ["pending", "scraping", "cooldown", "exhausted", "failed"] as const;
/** A business's place in the pipeline, from found to paying customer. */
export const LEAD_STATUSES = [
  "new",
  "qualified",
  "disqualified",
  "site generated",
  "pitched",
  "claimed",
  "customer",
] as const;

/** What the hunting tables' buttons do, run by the Worker for the row they sit on. */
export const HUNTING_OPS = ["scrape", "scrape-force", "find-email", "rescore"] as const;
export type HuntingOp = (typeof HUNTING_OPS)[number];

const button = (label: string, op: HuntingOp, confirm: string | null = null, disabledWhen: string | null = null) => ({
  label,
  action: { name: "hunting", params: { op } },
  confirm,
  disabledWhen,
});

/** A territory in cooldown that has not ended yet (a cooldown that is over makes it due again). */
const RESTING = 'AND({Status} = "cooldown", DATETIME_DIFF({Cooldown until}, NOW(), "seconds") > 0)';

const TERRITORIES: HuntingColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "query", name: "Category", type: "text" },
  { key: "location", name: "Location", type: "text" },
  { key: "latitude", name: "Latitude", type: "number" },
  { key: "longitude", name: "Longitude", type: "number" },
  { key: "radius", name: "Radius (miles)", type: "number" },
  { key: "priority", name: "Priority", type: "number" },
  { key: "status", name: "Status", type: "status" },
  { key: "lastScraped", name: "Last scraped", type: "datetime" },
  { key: "cooldownUntil", name: "Cooldown until", type: "datetime" },
  { key: "found", name: "Found", type: "number" },
  { key: "new", name: "New", type: "number" },
  { key: "qualified", name: "Qualified", type: "number" },
  {
    key: "qualificationRate",
    name: "Qualification rate",
    type: "formula",
    options: { formula: "IF({Found}, {Qualified} / {Found}, BLANK())", display: "percent" },
  },
  { key: "cost", name: "Provider cost", type: "currency" },
  { key: "lastError", name: "Last error", type: "longText" },
  {
    key: "scrapeNow",
    name: "Scrape now",
    type: "button",
    options: button("Scrape", "scrape", null, `OR({Status} = "scraping", ${RESTING})`),
  },
  {
    key: "scrapeAgain",
    name: "Scrape again",
    type: "button",
    options: button(
      "Scrape again",
      "scrape-force",
      "This territory is in cooldown. Scrape it again now (it costs provider credits)?",
      `NOT(${RESTING})`,
    ),
  },
];

const BUSINESSES: HuntingColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "category", name: "Category", type: "singleSelect" },
  { key: "address", name: "Address", type: "text" },
  { key: "city", name: "City", type: "text" },
  { key: "state", name: "State", type: "text" },
  { key: "zip", name: "ZIP", type: "text" },
  { key: "latitude", name: "Latitude", type: "number" },
  { key: "longitude", name: "Longitude", type: "number" },
  { key: "phone", name: "Phone", type: "phone" },
  { key: "website", name: "Website", type: "url" },
  { key: "email", name: "Email", type: "email" },
  { key: "emailSource", name: "Email source", type: "singleSelect" },
  { key: "rating", name: "Rating", type: "number" },
  { key: "reviews", name: "Reviews", type: "number" },
  { key: "placeId", name: "Place ID", type: "text" },
  { key: "mapsLink", name: "Maps link", type: "url" },
  { key: "businessStatus", name: "Business status", type: "singleSelect" },
  { key: "chain", name: "Chain", type: "checkbox" },
  { key: "chainReason", name: "Chain because", type: "text" },
  { key: "territories", name: "Territories", type: "link", links: "territories" },
  /** Formula text written by the Worker from the workspace's scoring settings. */
  { key: "score", name: "Score", type: "formula", options: { formula: "" } },
  { key: "qualified", name: "Qualified", type: "formula", options: { formula: "" } },
  /** Its website is only a Facebook, Instagram or listing page: the best lead for a site. */
  { key: "socialOnly", name: "Social only", type: "formula", options: { formula: "" } },
  { key: "leadStatus", name: "Lead status", type: "status" },
  { key: "notes", name: "Notes", type: "longText" },
  { key: "findEmail", name: "Find email", type: "button", options: button("Find email", "find-email") },
  { key: "rescore", name: "Rescore", type: "button", options: button("Rescore", "rescore") },
  { key: "generateSite", name: "Generate site", type: "button", options: siteButton("Generate site", "generate") },
];

/** The run log: one row per scrape of a territory, written as it starts and when it ends. */
const RUNS: HuntingColumn[] = [
  { key: "territory", name: "Territory", type: "link", links: "territories" },
  { key: "status", name: "Status", type: "status" },
  { key: "source", name: "Source", type: "singleSelect" },
  { key: "trigger", name: "Started by", type: "singleSelect" },
  { key: "started", name: "Started", type: "datetime" },
  { key: "finished", name: "Finished", type: "datetime" },
  { key: "found", name: "Found", type: "number" },
  { key: "added", name: "New", type: "number" },
  { key: "updated", name: "Updated", type: "number" },
  { key: "qualified", name: "Qualified", type: "number" },
  { key: "tiles", name: "Searches", type: "number" },
  { key: "cost", name: "Provider cost", type: "currency" },
  { key: "duration", name: "Duration (s)", type: "number" },
  { key: "error", name: "Error", type: "longText" },
  { key: "problems", name: "Problems", type: "longText" },
];

/** In the order they are created: a link names a table made before it. */
export const HUNTING_TABLES: Record<HuntingTable, { name: string; columns: HuntingColumn[] }> = {
  territories: { name: "Territories", columns: TERRITORIES },
  businesses: { name: "Businesses", columns: BUSINESSES },
  runs: { name: "Scrape runs", columns: RUNS },
};

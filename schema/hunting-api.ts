/**
 * Business hunting over HTTP (`/api/territories`, `/api/businesses`, `/api/hunting/*`): what the
 * API takes and gives, shared by the Worker, the app's screens and the tests.
 */
import { z } from "zod";
import { HUNTING_SOURCES, HuntingSource, ScoringSettings } from "./hunting";
import { TERRITORY_STATUSES } from "./hunting-tables";
import { ProjectLocation } from "./projects";

/** Where a territory is: a ZIP code, an address, or a city and state (placed offline by its ZIP codes). */
export const TerritoryLocation = z.union([
  ProjectLocation.options[0],
  z.object({
    city: z.string().trim().min(2, "is too short").max(80),
    state: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "must be a two-letter state code"),
  }),
  ProjectLocation.options[1],
]);
export type TerritoryLocation = z.infer<typeof TerritoryLocation>;

export const TerritoryStatus = z.enum(TERRITORY_STATUSES);
export type TerritoryStatus = z.infer<typeof TerritoryStatus>;

/** The widest territory a search may cover, in miles (a metro area). */
export const MAX_TERRITORY_RADIUS = 100;
export const DEFAULT_TERRITORY_RADIUS = 10;

export const CreateTerritory = z.object({
  /** Shown in the grid; "plumber in Austin, TX" when left out. */
  name: z.string().trim().min(1).max(120).optional(),
  /** A category ("plumber") or free search text ("vegan bakery"). */
  query: z.string().trim().min(1).max(120),
  location: TerritoryLocation,
  radiusMiles: z.number().gt(0).max(MAX_TERRITORY_RADIUS).default(DEFAULT_TERRITORY_RADIUS),
  priority: z.number().int().min(1).max(10).default(5),
});
export type CreateTerritory = z.input<typeof CreateTerritory>;

export const UpdateTerritory = z
  .object({
    name: z.string().trim().min(1).max(120),
    query: z.string().trim().min(1).max(120),
    location: TerritoryLocation,
    radiusMiles: z.number().gt(0).max(MAX_TERRITORY_RADIUS),
    priority: z.number().int().min(1).max(10),
    /** Set by hand: back to pending, or marked exhausted. */
    status: z.enum(["pending", "exhausted"]),
  })
  .partial();
export type UpdateTerritory = z.infer<typeof UpdateTerritory>;

export const ScrapeRequest = z.object({
  source: HuntingSource.optional(),
  /** The CSV file's text, for `source: "csv"`. */
  csv: z.string().max(20_000_000).optional(),
  /** Scrape even during cooldown (owners only; recorded in the activity log). */
  force: z.boolean().default(false),
});
export type ScrapeRequest = z.input<typeof ScrapeRequest>;

export const SCRAPE_RUN_STATUSES = ["running", "succeeded", "failed"] as const;
export type ScrapeRunStatus = (typeof SCRAPE_RUN_STATUSES)[number];
/** What started a scrape. */
export const SCRAPE_TRIGGERS = ["api", "button", "scrape-next", "schedule", "autopilot"] as const;
export type ScrapeTrigger = (typeof SCRAPE_TRIGGERS)[number];

/** One scrape of a territory, as the Scrape runs table keeps it. */
export type ScrapeRun = {
  runId: string;
  territoryId: string;
  status: ScrapeRunStatus;
  source: HuntingSource;
  trigger: ScrapeTrigger;
  startedAt: string;
  finishedAt: string | null;
  found: number;
  added: number;
  updated: number;
  qualified: number;
  /** Map searches made: 1, or more when a full answer split the territory into tiles. */
  tiles: number;
  costUsd: number | null;
  durationMs: number | null;
  error: string | null;
  /** Lines of a CSV that could not be read ("line 12: no name"), the first few. */
  problems: string[];
};

/** A finished scrape, as `POST /api/territories/:id/scrape` answers when it ends within the request. */
export type ScrapeResult = Pick<
  ScrapeRun,
  "runId" | "territoryId" | "source" | "found" | "added" | "updated" | "qualified" | "tiles" | "costUsd" | "problems"
>;

export type TerritoryRecord = {
  id: string;
  name: string;
  query: string;
  location: string;
  center: { lat: number; lng: number } | null;
  radiusMiles: number;
  priority: number;
  status: TerritoryStatus;
  lastScraped: string | null;
  cooldownUntil: string | null;
  found: number;
  new: number;
  qualified: number;
  qualificationRate: number | null;
  costUsd: number | null;
  lastError: string | null;
  lastRun: ScrapeRun | null;
};

/** One business as `GET /api/businesses` lists it. */
export type BusinessListRow = {
  rowId: string;
  placeId: string | null;
  name: string;
  category: string;
  city: string;
  state: string;
  latitude: number | null;
  longitude: number | null;
  website: string;
  socialOnly: boolean;
  email: string;
  emailSource: string | null;
  rating: number | null;
  reviews: number | null;
  chain: boolean;
  chainReason: string | null;
  score: number | null;
  qualified: boolean;
  territories: string[];
  leadStatus: string | null;
};

export type FindEmailResult =
  | { email: string; source: "provider" | "review" | "website" | "manual"; page: string | null }
  | { email: null; tried: string[] };

/** `GET /api/hunting/report`: totals and rates over the workspace's Businesses and Territories. */
export type HuntingReport = {
  totals: {
    territories: number;
    scraped: number;
    businesses: number;
    qualified: number;
    /** qualified / businesses, 0–1; null with no businesses. */
    qualificationRate: number | null;
    withEmail: number;
    noWebsite: number;
    costUsd: number;
    /** costUsd / qualified; null when nothing is qualified or no provider reported a cost. */
    costPerQualified: number | null;
    /** Map searches made over every run, against the places they found. */
    tilesSearched: number;
    placesFound: number;
  };
  byCategory: { key: string; businesses: number; qualified: number; rate: number | null }[];
  byCity: { key: string; businesses: number; qualified: number; rate: number | null }[];
  /** Territories by qualified leads found, best first (at most 10). */
  bestTerritories: { territoryId: string; name: string; found: number; qualified: number; rate: number | null }[];
  /** Qualified leads per ISO week (Monday, `YYYY-MM-DD`) of their territory's scrape, oldest first, the last 12 weeks. */
  weekly: { week: string; qualified: number }[];
};

/** `GET /api/hunting/map`: what the coverage map draws. */
export type CoverageMap = {
  territories: { id: string; name: string; lat: number; lng: number; radiusMiles: number; status: TerritoryStatus }[];
  businesses: { rowId: string; name: string; lat: number; lng: number; score: number | null; qualified: boolean }[];
};

/** The workspace's hunting settings (`GET`/`PUT /api/hunting/settings`); only owners change them. */
export const HuntingSettings = z.object({
  /** Days a territory rests after a scrape before it may be scraped again. */
  cooldownDays: z.number().int().min(0).max(365).default(7),
  /** Ask the provider for reviews of businesses still without an email (costs provider credits). */
  fetchReviews: z.boolean().default(true),
  /** Where a scrape looks when none is named: the sample directory, or a provider (a CSV is uploaded each time). */
  defaultSource: HuntingSource.exclude(["csv"]).default("sample"),
  /** Scrape the next due territory on a schedule. */
  autoScrape: z
    .object({
      enabled: z.boolean().default(false),
      /** Minutes between scheduled scrapes (the cron checks every minute). */
      everyMinutes: z.number().int().min(1).max(10_080).default(360),
      /** Scheduled scrapes in one UTC day at most. */
      dailyCap: z.number().int().min(1).max(1000).default(10),
    })
    .prefault({}),
  scoring: ScoringSettings.prefault({}),
});
export type HuntingSettings = z.infer<typeof HuntingSettings>;
export type HuntingSettingsInput = z.input<typeof HuntingSettings>;

export { HUNTING_SOURCES };

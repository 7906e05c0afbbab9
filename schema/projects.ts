/**
 * Dealership outreach projects: what a project asks for (where, how far, which makes, who writes
 * and what they say), the contact status of each dealership, and the API's request and response
 * shapes. Shared by the Worker, which validates with them, and the app's wizard and pages.
 */
import { z } from "zod";
import type { Attachment } from "./attachments";
import { SenderProfile } from "./contact";

export const PROJECT_STATUSES = ["draft", "active", "completed", "archived"] as const;
export const ProjectStatus = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/**
 * A dealership's contact status. `queued` is the brief's pending once Start automation has
 * taken it; `running` while its form is being filled.
 */
export const CONTACT_STATUSES = ["pending", "queued", "running", "success", "failed", "manual_override"] as const;
export const ContactStatus = z.enum(CONTACT_STATUSES);
export type ContactStatus = z.infer<typeof ContactStatus>;

/** The makes a project can ask for, as discovery normalizes them (Chevy → Chevrolet). */
export const MAKES = [
  "Acura",
  "Alfa Romeo",
  "Audi",
  "BMW",
  "Buick",
  "Cadillac",
  "Chevrolet",
  "Chrysler",
  "Dodge",
  "Fiat",
  "Ford",
  "Genesis",
  "GMC",
  "Honda",
  "Hyundai",
  "Infiniti",
  "Jaguar",
  "Jeep",
  "Kia",
  "Land Rover",
  "Lexus",
  "Lincoln",
  "Mazda",
  "Mercedes-Benz",
  "Mini",
  "Mitsubishi",
  "Nissan",
  "Porsche",
  "Ram",
  "Subaru",
  "Tesla",
  "Toyota",
  "Volkswagen",
  "Volvo",
] as const;
export const Make = z.enum(MAKES);
export type Make = z.infer<typeof Make>;

/** Where discovery searches from: a US ZIP code (bundled centroids) or an address (geocoded). */
export const ProjectLocation = z.union([
  z.object({
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "must be a 5-digit US ZIP code"),
  }),
  z.object({ address: z.string().trim().min(3, "is too short").max(300) }),
]);
export type ProjectLocation = z.infer<typeof ProjectLocation>;

/** Radius when a project names none: the brief's default. */
export const DEFAULT_RADIUS_MILES = 150;
/** Farther than this, "local" stops meaning anything and Overpass queries time out. */
export const MAX_RADIUS_MILES = 500;

/** Who writes to the dealers: the contact engine's sender profile without the message. */
export const ProjectSender = SenderProfile.omit({ message: true, vehicleOfInterest: true }).extend({
  /** Anything else a dealer's form may ask for (trade-in, budget…), by label. */
  extra: z.record(z.string(), z.string()).default({}),
});
export type ProjectSender = z.infer<typeof ProjectSender>;

/**
 * Browser Rendering allows a few concurrent browsers per account (2 locally is plenty on two
 * cores); a project never runs more than this many dealerships at once.
 */
export const MAX_CONCURRENCY = 4;
/** Dealerships one queue job contacts in a row on one browser session. */
export const MAX_BATCH_SIZE = 25;

const BatchSize = z.number().int().min(1).max(MAX_BATCH_SIZE);
const Concurrency = z.number().int().min(1).max(MAX_CONCURRENCY);

export const ProjectSettings = z.object({ batchSize: BatchSize.default(5), concurrency: Concurrency.default(2) });
export type ProjectSettings = z.infer<typeof ProjectSettings>;

/** A project's fields as they are checked, with no defaults (an edit names only what changes). */
const ProjectFields = z.object({
  name: z.string().trim().min(1, "is required").max(120),
  description: z.string().trim().max(2000),
  location: ProjectLocation,
  radiusMiles: z.number().positive().max(MAX_RADIUS_MILES),
  makes: z.array(z.string().trim().min(1)).min(1, "choose at least one make").max(MAKES.length),
  sender: ProjectSender,
  /** The message template; see `MESSAGE_PLACEHOLDERS`. */
  message: z.string().trim().min(1, "is required").max(5000),
  settings: z.object({ batchSize: BatchSize, concurrency: Concurrency }),
});

export const CreateProject = ProjectFields.extend({
  description: ProjectFields.shape.description.default(""),
  radiusMiles: ProjectFields.shape.radiusMiles.default(DEFAULT_RADIUS_MILES),
  settings: ProjectSettings.default({ batchSize: 5, concurrency: 2 }),
});
export type CreateProject = z.infer<typeof CreateProject>;

/**
 * An edit: any part of a project, and nothing else is touched (zod would fill a `.partial()`
 * of `CreateProject` with its defaults, resetting what the edit left out). Settings may be given
 * one at a time; changed search criteria make discovery run again.
 */
export const UpdateProject = ProjectFields.partial().extend({
  settings: ProjectFields.shape.settings.partial().optional(),
  status: ProjectStatus.optional(),
});
export type UpdateProject = z.infer<typeof UpdateProject>;

export const DISCOVERY_SOURCES = ["sample", "overpass", "outscraper", "google", "csv"] as const;
export const DiscoverySource = z.enum(DISCOVERY_SOURCES);
export type DiscoverySource = z.infer<typeof DiscoverySource>;

export const DiscoverRequest = z.object({
  source: DiscoverySource.default("sample"),
  /** CSV text when `source` is "csv": name, makes, address, city, state, zip, phone, website, latitude, longitude. */
  csv: z.string().max(20_000_000).optional(),
});
export type DiscoverRequest = z.infer<typeof DiscoverRequest>;

/**
 * `found`: dealers of the makes within the radius; `added`: those that were not in the project
 * yet; `skipped`: found but already there; `problems`: CSV lines that could not be read.
 */
export type DiscoverResult = {
  found: number;
  added: number;
  source: DiscoverySource;
  skipped: number;
  problems: string[];
};

export const StartAutomation = z.object({ dryRun: z.boolean().default(false) });
export type StartResult = { queued: number; dryRun: boolean };

export const OverrideRequest = z.object({
  note: z.string().trim().min(1, "say how the dealer was contacted").max(2000),
});
export const BulkOverrideRequest = OverrideRequest.extend({ rowIds: z.array(z.string().min(1)).min(1).max(1000) });

export type ProjectCounts = Record<ContactStatus, number> & { total: number };

/** A contact status cell as a status: anything else (empty, hand-typed) counts as pending. */
export const contactStatusOf = (value: unknown): ContactStatus =>
  CONTACT_STATUSES.includes(value as ContactStatus) ? (value as ContactStatus) : "pending";

/** Dealerships counted by the values of their contact status cells. */
export function countStatuses(statuses: readonly unknown[]): ProjectCounts {
  const counts = {
    total: statuses.length,
    ...Object.fromEntries(CONTACT_STATUSES.map((s) => [s, 0])),
  } as ProjectCounts;
  for (const status of statuses) counts[contactStatusOf(status)]++;
  return counts;
}

/** The counts as the Projects row's count columns keep them, by column key (queued and running are "in progress"). */
export const countCells = (counts: ProjectCounts) => ({
  total: counts.total,
  pending: counts.pending,
  inProgress: counts.queued + counts.running,
  success: counts.success,
  failed: counts.failed,
  manual: counts.manual_override,
});

/** The point discovery measures from, once geocoded. */
export type ProjectCenter = { lat: number; lng: number; label: string };

/** The run in progress or last run: when it started and the per-site pace so far, for the ETA. */
export type ProjectRun = {
  startedAt: string;
  dryRun: boolean;
  /** Median seconds per dealership finished in this run; null until one has finished. */
  secondsPerSite: number | null;
  /** Seconds until the queue is empty at the current pace and concurrency; null when unknown. */
  etaSeconds: number | null;
};

export type ProjectTables = { projects: string; dealerships: string; attempts: string };

export type ProjectSummary = {
  id: string;
  name: string;
  status: ProjectStatus;
  createdAt: string;
  makes: Make[];
  radiusMiles: number;
  locationLabel: string;
  counts: ProjectCounts;
  /** Successes (and manual overrides) over dealerships that reached a final status, 0–1; null before any. */
  successRate: number | null;
};

export type ProjectDetail = ProjectSummary & {
  description: string;
  location: ProjectLocation;
  center: ProjectCenter | null;
  sender: ProjectSender;
  message: string;
  settings: ProjectSettings;
  run: ProjectRun | null;
  tables: ProjectTables;
};

export type DealershipRecord = {
  id: string;
  name: string;
  makes: string[];
  address: string;
  phone: string;
  website: string;
  latitude: number | null;
  longitude: number | null;
  distanceMiles: number | null;
  status: ContactStatus;
  category: string | null;
  reason: string;
  suggestedFix: string;
  attempts: number;
  lastAttempt: string | null;
  /** The latest attempt's screenshots, served by `attachmentUrl(tables.dealerships, key)`. */
  screenshots: Attachment[];
  notes: string;
};

export type AttemptRecord = {
  id: string;
  dealershipId: string;
  dealershipName: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: "success" | "failure" | "dry_run";
  category: string | null;
  reason: string;
  /** For a success, the proof a person can audit: the request, its answer, the confirmation. */
  evidence: string;
  fieldsFilled: string[];
  durationMs: number | null;
  /** Served by `attachmentUrl(tables.attempts, key)`. */
  screenshots: Attachment[];
};

/** `GET /api/projects`: every project of the workspace and what the dashboard shows across them. */
export type ProjectsDashboard = {
  projects: ProjectSummary[];
  /** The latest attempts across projects, newest first. */
  recent: (AttemptRecord & { projectId: string; projectName: string })[];
  /** Per day (UTC, `YYYY-MM-DD`), the last 14 days with attempts: finished attempts and successes. */
  trend: { day: string; attempts: number; successes: number }[];
  /** Failure categories across projects, most common first, with the engine's usual fix. */
  failures: { category: string; count: number; suggestedFix: string | null }[];
};

/**
 * Failures "Retry failed" takes again: the ones a later try can fix. A captcha, a block or a
 * missing form stays failed until someone acts; an unconfirmed send is not repeated, so the
 * dealer does not get the message twice.
 */
export const RETRYABLE_CATEGORIES = ["timeout", "error", "validation_error"] as const;

/**
 * A job on the `contact-jobs` queue that works through a project's queued dealerships: it takes
 * up to `batchSize` of them one after another on one browser, then passes the baton to a next
 * job while any are left. A project runs `concurrency` of these chains side by side.
 */
export const ProjectContactJob = z.object({
  kind: z.literal("project-contact"),
  workspaceId: z.string().min(1),
  tables: z.object({ projects: z.string().min(1), dealerships: z.string().min(1), attempts: z.string().min(1) }),
  projectId: z.string().min(1),
  /** The run this chain belongs to (its start time); a newer run retires it. */
  run: z.string().min(1),
  dryRun: z.boolean().default(false),
  batchSize: z.number().int().min(1).max(MAX_BATCH_SIZE),
});
export type ProjectContactJob = z.infer<typeof ProjectContactJob>;

/**
 * Rows of the outreach tables as the API gives them, and back: a Projects row ⇄ a project, a
 * Dealerships row → a dealership record, an Attempts row → an attempt record.
 */
import { attachmentsOf } from "../../schema/attachments";
import {
  type AttemptRecord,
  type CreateProject,
  contactStatusOf,
  countStatuses,
  DEFAULT_RADIUS_MILES,
  type DealershipRecord,
  MAKES,
  type Make,
  type ProjectCounts,
  type ProjectDetail,
  type ProjectLocation,
  ProjectSettings,
  ProjectStatus,
  type ProjectSummary,
} from "../../schema/projects";
import type { CellValue, RowRecord } from "../../schema/tables";
import { type Outreach, type OutreachHandle, reader } from "./tables";

/** Successes and manual contacts over dealerships that reached a final status; null before any. */
export function successRate(counts: ProjectCounts): number | null {
  const done = counts.success + counts.failed + counts.manual_override;
  return done ? (counts.success + counts.manual_override) / done : null;
}

const locationOf = (text: string): ProjectLocation => (/^\d{5}$/.test(text) ? { zip: text } : { address: text });

function parseExtra(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text || "{}") as unknown;
    if (value && typeof value === "object" && !Array.isArray(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  } catch {
    // Hand-edited in the grid: "Label: value" per line.
  }
  return Object.fromEntries(
    text
      .split("\n")
      .map((line) => line.split(/:(.*)/s).map((part) => part.trim()))
      .filter(([label, value]) => label && value)
      .map(([label, value]) => [label!, value!]),
  );
}

/** Counts as the Projects row keeps them (written by the Dealerships room, see `durable/project-counts`). */
function countsOf(r: ReturnType<typeof reader>): ProjectCounts {
  const counts = countStatuses([]);
  counts.total = r.number("total") ?? 0;
  counts.pending = r.number("pending") ?? 0;
  counts.running = r.number("inProgress") ?? 0;
  counts.success = r.number("success") ?? 0;
  counts.failed = r.number("failed") ?? 0;
  counts.manual_override = r.number("manual") ?? 0;
  return counts;
}

export function projectSummary(projects: OutreachHandle, row: RowRecord): ProjectSummary {
  const r = reader(projects, row.cells);
  const status = ProjectStatus.safeParse(r.text("status"));
  const counts = countsOf(r);
  return {
    id: row.id,
    name: r.text("name") || "Untitled project",
    status: status.success ? status.data : "draft",
    createdAt: r.text("created"),
    makes: r.list("makes").filter((m): m is Make => (MAKES as readonly string[]).includes(m)),
    radiusMiles: r.number("radius") ?? DEFAULT_RADIUS_MILES,
    locationLabel: r.text("place") || r.text("location"),
    counts,
    successRate: successRate(counts),
  };
}

/** The project a Projects row holds; `counts` when freshly counted, else those the row keeps. */
export function projectDetail(o: Outreach, row: RowRecord, counts?: ProjectCounts): Omit<ProjectDetail, "run"> {
  const r = reader(o.projects, row.cells);
  counts ??= countsOf(r);
  const lat = r.number("centerLat");
  const lng = r.number("centerLng");
  const settings = ProjectSettings.safeParse({
    batchSize: r.number("batchSize") ?? undefined,
    concurrency: r.number("concurrency") ?? undefined,
  });
  return {
    ...projectSummary(o.projects, row),
    counts,
    successRate: successRate(counts),
    description: r.text("description"),
    location: locationOf(r.text("location")),
    center: lat !== null && lng !== null ? { lat, lng, label: r.text("place") } : null,
    sender: {
      firstName: r.text("senderFirstName"),
      lastName: r.text("senderLastName"),
      email: r.text("senderEmail"),
      phone: r.text("senderPhone"),
      zip: r.text("senderZip"),
      extra: parseExtra(r.text("senderExtra")),
    },
    message: r.text("message"),
    settings: settings.success ? settings.data : ProjectSettings.parse({}),
    tables: o.ids,
  };
}

/** A new or edited project's cells, by column key. */
export function projectCells(input: Partial<CreateProject>): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  if (input.name !== undefined) cells.name = input.name;
  if (input.description !== undefined) cells.description = input.description;
  if (input.location) cells.location = "zip" in input.location ? input.location.zip : input.location.address;
  if (input.radiusMiles !== undefined) cells.radius = input.radiusMiles;
  if (input.makes) cells.makes = input.makes;
  if (input.message !== undefined) cells.message = input.message;
  if (input.settings) {
    cells.batchSize = input.settings.batchSize;
    cells.concurrency = input.settings.concurrency;
  }
  if (input.sender) {
    cells.senderFirstName = input.sender.firstName;
    cells.senderLastName = input.sender.lastName;
    cells.senderEmail = input.sender.email;
    cells.senderPhone = input.sender.phone;
    cells.senderZip = input.sender.zip;
    cells.senderExtra = Object.keys(input.sender.extra).length ? JSON.stringify(input.sender.extra) : "";
  }
  return cells;
}

export function dealershipRecord(dealerships: OutreachHandle, row: RowRecord): DealershipRecord {
  const r = reader(dealerships, row.cells);
  return {
    id: row.id,
    name: r.text("name"),
    makes: r.list("makes"),
    address: r.text("address"),
    phone: r.text("phone"),
    website: r.text("website"),
    latitude: r.number("latitude"),
    longitude: r.number("longitude"),
    distanceMiles: r.number("distance"),
    status: contactStatusOf(r.get("status")),
    category: r.text("category") || null,
    reason: r.text("reason"),
    suggestedFix: r.text("suggestedFix"),
    attempts: r.number("attempts") ?? 0,
    lastAttempt: r.text("lastAttempt") || null,
    screenshots: attachmentsOf(r.get("screenshots")),
    notes: r.text("notes"),
  };
}

export function attemptRecord(attempts: OutreachHandle, row: RowRecord, names: Map<string, string>): AttemptRecord {
  const r = reader(attempts, row.cells);
  const dealershipId = r.list("dealership")[0] ?? "";
  const outcome = r.text("outcome");
  const duration = r.number("duration");
  return {
    id: row.id,
    dealershipId,
    dealershipName: names.get(dealershipId) ?? "A deleted dealership",
    startedAt: r.text("started"),
    finishedAt: r.text("finished") || null,
    outcome: outcome === "success" || outcome === "dry_run" ? outcome : "failure",
    category: r.text("category") || null,
    reason: r.text("reason"),
    evidence: r.text("evidence"),
    fieldsFilled: r.list("fields"),
    durationMs: duration === null ? null : Math.round(duration * 1000),
    screenshots: attachmentsOf(r.get("screenshots")),
  };
}

/** How projects, dealerships and attempts read on screen: labels, colours, numbers and times. */
import type {
  AttemptRecord,
  ContactStatus,
  ProjectCounts,
  ProjectLocation,
  ProjectStatus,
  ProjectSummary,
} from "../../schema/projects";

export const CONTACT_STATUS_LABEL: Record<ContactStatus, string> = {
  pending: "Pending",
  queued: "Queued",
  running: "Running",
  success: "Success",
  failed: "Failed",
  manual_override: "Manual",
};

/**
 * One colour per contact status, the same in chips, progress bars and map dots. Written out in
 * full so Tailwind sees every class.
 */
export const CONTACT_STATUS_TONE: Record<ContactStatus, { chip: string; bar: string; dot: string }> = {
  pending: { chip: "bg-surface-2 text-muted", bar: "bg-zinc-300 dark:bg-zinc-600", dot: "fill-zinc-400" },
  queued: { chip: "bg-sky-500/15 text-sky-700 dark:text-sky-300", bar: "bg-sky-400", dot: "fill-sky-500" },
  running: { chip: "bg-accent-soft text-accent", bar: "bg-accent", dot: "fill-accent" },
  success: { chip: "bg-success-soft text-success", bar: "bg-success", dot: "fill-success" },
  failed: { chip: "bg-danger-soft text-danger", bar: "bg-danger", dot: "fill-danger" },
  manual_override: {
    chip: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
    bar: "bg-amber-500",
    dot: "fill-amber-500",
  },
};

/** The order statuses stack in a progress bar: done first, then what is left. */
export const BAR_ORDER: ContactStatus[] = ["success", "manual_override", "failed", "running", "queued", "pending"];

/** Statuses a dealership stays in until someone acts again (retry, or a new run). */
export const FINAL_STATUSES: ContactStatus[] = ["success", "failed", "manual_override"];

export const PROJECT_STATUS_TONE: Record<ProjectStatus, string> = {
  draft: "bg-surface-2 text-muted",
  active: "bg-accent-soft text-accent",
  completed: "bg-success-soft text-success",
  archived: "bg-surface-2 text-muted line-through decoration-1",
};

export const OUTCOME_LABEL: Record<AttemptRecord["outcome"], string> = {
  success: "Sent",
  failure: "Failed",
  dry_run: "Dry run",
};
export const OUTCOME_TONE: Record<AttemptRecord["outcome"], string> = {
  success: "bg-success-soft text-success",
  failure: "bg-danger-soft text-danger",
  dry_run: "bg-sky-500/15 text-sky-700 dark:text-sky-300",
};

/** A failure category as words: `no_contact_page` → "No contact page". */
export function categoryLabel(category: string | null): string {
  if (!category) return "Uncategorized";
  const words = category.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** @example percent(0.666) // "67%" */
export function percent(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? "—" : `${Math.round(rate * 100)}%`;
}

/** Dealerships that reached a final status. */
export const finished = (counts: ProjectCounts) => FINAL_STATUSES.reduce((sum, s) => sum + counts[s], 0);

/** Dealerships a run still has to do. */
export const inFlight = (counts: ProjectCounts) => counts.queued + counts.running;

/** The dashboard's quick stats across projects. */
export function dashboardStats(projects: ProjectSummary[]) {
  const dealerships = projects.reduce((sum, p) => sum + p.counts.total, 0);
  const done = projects.reduce((sum, p) => sum + finished(p.counts), 0);
  return {
    total: projects.length,
    active: projects.filter((p) => p.status === "active").length,
    dealerships,
    completionRate: dealerships ? done / dealerships : null,
  };
}

/** @example formatEta(400) // "about 7 min" */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "estimating…";
  if (seconds < 60) return "under a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min`;
}

/** @example formatDuration(12_340) // "12.3 s" */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** @example formatMiles(12.34) // "12.3 mi" */
export function formatMiles(miles: number | null): string {
  if (miles === null) return "—";
  return `${miles < 10 ? miles.toFixed(1) : Math.round(miles).toLocaleString()} mi`;
}

export function locationText(location: ProjectLocation): string {
  return "zip" in location ? `ZIP ${location.zip}` : location.address;
}

/**
 * What the project page says once an edit is saved: with the dealers the new search added when
 * it changed (`added`, the growth of the total), `null` when it did not.
 */
export function savedText(added: number | null): string {
  if (added === null) return "Saved.";
  if (added <= 0) return "Saved. No new dealerships were added.";
  return `Saved. Found ${added.toLocaleString()} new dealership${added === 1 ? "" : "s"}.`;
}

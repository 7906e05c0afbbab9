/** How the dashboard says ages, durations and a running cycle's progress. */
import type { CycleRecord, PipelineStageCount } from "../../schema/autopilot";
import { filterParam } from "../grid/url-filter";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago `iso` was, short: "just now", "12 min", "3 h", "2 d".
 * @example age("2026-01-01T09:00:00Z", new Date("2026-01-01T12:00:00Z")) // "3 h"
 */
export function age(iso: string, now: Date): string {
  const ms = now.getTime() - Date.parse(iso);
  if (ms < MINUTE) return "just now";
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** A span of time as "45 s", "3 min 20 s", "2 h 5 min". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${Math.floor(m / 60)} h`;
}

/** A cycle's length: to its end, or so far for a running one. */
export function cycleDuration(cycle: CycleRecord, now: Date): string {
  const end = cycle.finishedAt ? Date.parse(cycle.finishedAt) : now.getTime();
  return duration(end - Date.parse(cycle.startedAt));
}

/** The share of a cycle's phases that finished (0 to 1). */
export function cycleProgress(cycle: CycleRecord): number {
  const total = cycle.phases.length + cycle.pending.length;
  return total === 0 ? 1 : cycle.phases.length / total;
}

/** Where a stage's number opens its rows: the table page with the stage's filter, or null. */
export function stageHref(slug: string, link: PipelineStageCount["link"]): string | null {
  if (!link) return null;
  const base = `/w/${encodeURIComponent(slug)}/t/${encodeURIComponent(link.tableId)}`;
  return link.filter ? `${base}?${new URLSearchParams({ filter: filterParam(link.filter) })}` : base;
}

/** Money as the spend bars say it: "$1.20". */
export const usd = (n: number) => `$${n.toFixed(2)}`;

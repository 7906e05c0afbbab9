/** How territories, scores and the hunting report read on screen: labels, colours, numbers, weeks. */
import type { TerritoryStatus } from "../../schema/hunting-api";

export const TERRITORY_STATUS_LABEL: Record<TerritoryStatus, string> = {
  pending: "Pending",
  scraping: "Scraping",
  cooldown: "Cooldown",
  exhausted: "Exhausted",
  failed: "Failed",
};

/**
 * One colour per territory status, the same in chips, map circles and the legend (`swatch` is a
 * ring's border). Written out in
 * full so Tailwind sees every class.
 */
export const TERRITORY_STATUS_TONE: Record<
  TerritoryStatus,
  { chip: string; swatch: string; area: string; outline: string }
> = {
  pending: {
    chip: "bg-surface-2 text-muted",
    swatch: "border-zinc-400",
    area: "fill-zinc-400/10",
    outline: "stroke-zinc-400",
  },
  scraping: {
    chip: "bg-accent-soft text-accent",
    swatch: "border-accent",
    area: "fill-accent/10",
    outline: "stroke-accent",
  },
  cooldown: {
    chip: "bg-sky-500/15 text-sky-700 dark:text-sky-300",
    swatch: "border-sky-500",
    area: "fill-sky-500/10",
    outline: "stroke-sky-500",
  },
  exhausted: {
    chip: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
    swatch: "border-amber-500",
    area: "fill-amber-500/10",
    outline: "stroke-amber-500",
  },
  failed: {
    chip: "bg-danger-soft text-danger",
    swatch: "border-danger",
    area: "fill-danger/10",
    outline: "stroke-danger",
  },
};

/** A lead score's band on the map: four steps of the 0–100 score, and one for rows not scored yet. */
export type ScoreBand = "none" | "low" | "fair" | "good" | "best";

/** Where each band starts; 50 is the default minimum score of a qualified lead. */
export const SCORE_BANDS: { band: Exclude<ScoreBand, "none">; from: number; label: string }[] = [
  { band: "best", from: 75, label: "75–100" },
  { band: "good", from: 50, label: "50–74" },
  { band: "fair", from: 25, label: "25–49" },
  { band: "low", from: 0, label: "0–24" },
];

/**
 * @example scoreBand(50) // "good"
 * @example scoreBand(null) // "none"
 */
export function scoreBand(score: number | null): ScoreBand {
  if (score === null || !Number.isFinite(score)) return "none";
  return SCORE_BANDS.find((b) => score >= b.from)?.band ?? "low";
}

export const SCORE_BAND_TONE: Record<ScoreBand, { dot: string; swatch: string }> = {
  none: { dot: "fill-zinc-400", swatch: "bg-zinc-400" },
  low: { dot: "fill-rose-400", swatch: "bg-rose-400" },
  fair: { dot: "fill-amber-400", swatch: "bg-amber-400" },
  good: { dot: "fill-lime-500", swatch: "bg-lime-500" },
  best: { dot: "fill-emerald-600", swatch: "bg-emerald-600" },
};

/**
 * A week's Monday (`YYYY-MM-DD`, as the report gives it) as a short label.
 * @example weekLabel("2026-11-30") // "Nov 30"
 */
export function weekLabel(week: string): string {
  const date = new Date(`${week}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return week;
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * Dollars with cents under 100 and without above.
 * @example formatUsd(3.456) // "$3.46"
 * @example formatUsd(null) // "—"
 */
export function formatUsd(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return "—";
  const digits = Math.abs(amount) < 100 ? 2 : 0;
  return amount.toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A date without its time, for cooldowns. @example formatDay("2026-12-13T10:00:00Z") // "Dec 13, 2026" */
export function formatDay(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}

/** Whether a territory is resting at `now`: a cooldown date still ahead. */
export function inCooldown(cooldownUntil: string | null, now = Date.now()): boolean {
  if (!cooldownUntil) return false;
  const until = Date.parse(cooldownUntil);
  return Number.isFinite(until) && until > now;
}

/** The total of the five scoring weights, to show beside them. */
export const weightsTotal = (weights: Record<string, number>) =>
  Object.values(weights).reduce((sum, w) => sum + (Number.isFinite(w) ? w : 0), 0);

/** How the gallery words a site: status labels and colors, stage figures, quality findings. */
import type { SiteStatus } from "../../schema/sites-tables";

export const SITE_STATUS_LABEL: Record<SiteStatus, string> = {
  queued: "Queued",
  generating: "Generating",
  review: "In review",
  published: "Published",
  failed: "Failed",
  claimed: "Claimed",
};

export const SITE_STATUS_TONE: Record<SiteStatus, string> = {
  queued: "bg-sky-500/15 text-sky-700 dark:text-sky-300",
  generating: "bg-accent-soft text-accent",
  review: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  published: "bg-success-soft text-success",
  failed: "bg-danger-soft text-danger",
  claimed: "bg-violet-500/15 text-violet-700 dark:text-violet-300",
};

export const isSiteStatus = (status: string): status is SiteStatus => status in SITE_STATUS_LABEL;

/** A vibe's name for people: "warm-editorial" → "Warm editorial". */
export function vibeLabel(vibe: string): string {
  const words = vibe.replaceAll("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stage's time: "4.2 s", or "—" for a stage that took none (reused). */
export const seconds = (ms: number) => (ms > 0 ? `${(ms / 1000).toFixed(1)} s` : "—");

/** A stage's cost: "$0.013"; "—" for none, "no price" when the model has no price on file. */
export function cost(usd: number | null, tokens: number): string {
  if (usd === null) return tokens ? "no price" : "—";
  return usd === 0 ? "—" : `$${usd.toFixed(3)}`;
}

/**
 * What the Quality cell flags, one finding a part: a part marked ✗, console errors, or a version
 * that was never checked. An empty list means nothing to look at before publishing.
 * @example qualityFindings("accessibility ✓ · No claim bar ✗ · 10.2 KB") // ["No claim bar ✗"]
 */
export function qualityFindings(quality: string | null): string[] {
  if (!quality) return [];
  if (quality.startsWith("Not checked")) return [quality];
  return quality
    .split(" · ")
    .map((part) => part.trim())
    .filter((part) => part.includes("✗") || /^\d+ console error/.test(part));
}

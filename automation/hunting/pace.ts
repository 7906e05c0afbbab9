/**
 * The pace of scraping. A territory rests after a scrape until its cooldown ends; it is due when
 * it is pending or its cooldown is over. "Scrape next" takes the due territory of highest
 * priority, on a tie the one scraped longest ago (never scraped: first of all). The schedule runs
 * "Scrape next" every `everyMinutes`, at most `dailyCap` times a UTC day.
 */

export type PacedTerritory = {
  status: string;
  cooldownUntil: string | null;
  priority: number;
  lastScraped: string | null;
};

/** The ISO time the territory's cooldown ends, when it is cooling down at `now`; else null. */
export function coolingUntil(t: Pick<PacedTerritory, "status" | "cooldownUntil">, now: Date): string | null {
  if (t.status !== "cooldown" || !t.cooldownUntil) return null;
  return Date.parse(t.cooldownUntil) > now.getTime() ? t.cooldownUntil : null;
}

/** Whether "Scrape next" may take it: pending, or cooled down. Failed and exhausted ones wait for a person. */
export const isDue = (t: Pick<PacedTerritory, "status" | "cooldownUntil">, now: Date) =>
  t.status === "pending" || (t.status === "cooldown" && coolingUntil(t, now) === null);

/** The due territories in the order "Scrape next" takes them. */
export function dueOrder<T extends PacedTerritory>(territories: readonly T[], now: Date): T[] {
  return territories
    .filter((t) => isDue(t, now))
    .sort((a, b) => b.priority - a.priority || (a.lastScraped ?? "").localeCompare(b.lastScraped ?? ""));
}

export type AutoScrape = { enabled: boolean; everyMinutes: number; dailyCap: number };

/** Whether a workspace's schedule is due at `now`, from when its scheduled scrapes started (any order). */
export function scheduleDue(auto: AutoScrape, scheduledStarts: readonly string[], now: Date): boolean {
  if (!auto.enabled) return false;
  const day = now.toISOString().slice(0, 10);
  const times = scheduledStarts.map((s) => Date.parse(s)).filter((t) => !Number.isNaN(t));
  if (times.filter((t) => new Date(t).toISOString().slice(0, 10) === day).length >= auto.dailyCap) return false;
  const last = Math.max(Number.NEGATIVE_INFINITY, ...times);
  return now.getTime() - last >= auto.everyMinutes * 60_000;
}

/**
 * Scraping the due territories, up to the cycle's cap, in the order "Scrape next" takes them:
 * each is claimed in the ledger, started on the outreach queue like any scrape (Started by
 * "autopilot") and waited for within a bounded time; what a paid source charged is added to the
 * day's spend. A paid source whose budget is reached, or that has no key, scrapes nothing: the
 * due territories are left for a later cycle, counted skipped with the cause.
 */
import { dueOrder } from "../../../automation/hunting";
import type { PhaseResult, SpendProvider } from "../../../schema/autopilot";
import type { HuntingSource } from "../../../schema/hunting";
import type { HuntingSettings } from "../../../schema/hunting-api";
import { CooldownError, HuntingBusyError, HuntingInputError } from "../../hunting/errors";
import { awaitRun, latestRun, startScrape } from "../../hunting/runs";
import { readHuntingSettings } from "../../hunting/settings";
import { checkSource } from "../../hunting/sources";
import type { Hunting } from "../../hunting/tables";
import { allTerritories } from "../../hunting/territories";
import { providerKeys } from "../../projects/discover";
import { type CycleContext, count, failedBecause } from "../context";
import { cycleItems, historyOf, skippedBecause } from "../items";
import { claimItem, finishItem } from "../ledger";
import { noteRows } from "../note";
import { canSpend, recordSpend } from "../spend";

/** One run's wait: the sample directory answers in seconds, a provider's tiled search in a minute or two. */
export const RUN_WAIT_MS = 3 * 60_000;
/** All of the step's waits together, well inside a Workflows step; territories not reached wait for the next cycle. */
export const SCRAPING_WAIT_MS = 6 * 60_000;
/** Scrapes of a failed territory the autopilot tries, over all cycles, before leaving it to a person. */
export const MAX_TERRITORY_RETRIES = 3;
/** A failed run's error as a cause: long enough to tell causes apart, short enough to group by. */
const CAUSE_CHARS = 120;

/** The sources that cost money, by the provider their spend is counted under. */
const PAID: Partial<Record<HuntingSource, SpendProvider>> = { outscraper: "outscraper", google: "google" };

/** What the ledger keeps of a territory's scrape, to count it again on a retried step. */
type ScrapeDetail = { runId?: string; found?: number; foundQualified?: number; cause?: string; skipped?: boolean };

const detailOf = (text: string | null): ScrapeDetail => {
  try {
    return text ? (JSON.parse(text) as ScrapeDetail) : {};
  } catch {
    return { cause: text ?? undefined };
  }
};

function tally(result: PhaseResult, state: "done" | "failed", detail: ScrapeDetail): void {
  if (state === "done") {
    count(result, "scraped");
    count(result, "found", detail.found ?? 0);
    count(result, "foundQualified", detail.foundQualified ?? 0);
  } else if (detail.skipped) skippedBecause(result, detail.cause ?? "taken by another scrape");
  else failedBecause(result, detail.cause ?? "scrape failed");
}

type Scraping = {
  ctx: CycleContext;
  h: Hunting;
  source: HuntingSource;
  settings: HuntingSettings;
  paid: SpendProvider | null;
  deadline: number;
  result: PhaseResult;
};

async function finish(s: Scraping, territoryId: string, state: "done" | "failed", detail: ScrapeDetail, what: string) {
  await finishItem(s.ctx, "scrape", territoryId, state, JSON.stringify(detail));
  await noteRows(s.ctx, s.h.territories, [{ rowId: territoryId, what }]);
  tally(s.result, state, detail);
}

/** Waits for the run this cycle started and records how it ended; one still running is left claimed. */
async function settle(s: Scraping, territoryId: string, runId: string): Promise<void> {
  const run = await awaitRun(s.h, runId, Math.max(0, Math.min(RUN_WAIT_MS, s.deadline - Date.now())));
  if (!run) {
    // It goes on in the queue; a retried step (or the cleanup phase) settles it.
    skippedBecause(s.result, "still scraping");
    return;
  }
  if (s.paid && (run.costUsd ?? 0) > 0) await recordSpend(s.ctx, s.paid, run.costUsd ?? 0, run.tiles || 1);
  if (run.status === "succeeded")
    return finish(
      s,
      territoryId,
      "done",
      { runId, found: run.found, foundQualified: run.qualified },
      `Scraped: ${run.found} found, ${run.added} new, ${run.qualified} qualified`,
    );
  const cause = (run.error ?? "scrape failed").slice(0, CAUSE_CHARS);
  return finish(s, territoryId, "failed", { runId, cause }, `Scrape failed: ${cause}`);
}

/** Starts the territory's scrape and settles it; a refusal is counted, never thrown. */
async function scrapeOne(s: Scraping, territoryId: string): Promise<void> {
  let runId: string;
  try {
    runId = await startScrape(s.ctx.env, s.h, territoryId, {
      source: s.source,
      force: false,
      trigger: "autopilot",
      settings: s.settings,
    });
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof HuntingBusyError || error instanceof CooldownError)
      return finish(
        s,
        territoryId,
        "failed",
        { cause: "taken by another scrape", skipped: true },
        `Not scraped: ${message}`,
      );
    if (error instanceof HuntingInputError)
      return finish(s, territoryId, "failed", { cause: message.slice(0, CAUSE_CHARS) }, `Not scraped: ${message}`);
    throw error;
  }
  await settle(s, territoryId, runId);
}

/** Why the source cannot scrape now (no key, budget reached), or null when it can. */
async function blocked(s: Scraping): Promise<{ cause: string; error: string } | null> {
  if (!s.paid) return null;
  try {
    checkSource(s.source, await providerKeys(s.ctx.env, s.ctx.db, s.ctx.workspaceId), undefined);
  } catch (error) {
    return { cause: "no key", error: (error as Error).message };
  }
  if (!(await canSpend(s.ctx, s.paid)))
    return { cause: "budget reached", error: `Today's ${s.paid} budget is reached: scraping waits for tomorrow` };
  return null;
}

/**
 * Territories whose scrape failed (a provider down, a key refused), highest priority first, that
 * the autopilot has not tried `MAX_TERRITORY_RETRIES` times already: a provider's bad hour does
 * not leave them for a person, and a territory that always fails stops taking a cycle's places.
 */
async function failedToRetry<T extends { id: string; status: string; priority: number }>(
  ctx: CycleContext,
  territories: T[],
): Promise<T[]> {
  const failed = territories.filter((t) => t.status === "failed").sort((a, b) => b.priority - a.priority);
  const history = await historyOf(
    ctx,
    "scrape",
    failed.map((t) => t.id),
  );
  const tries = (id: string) =>
    (history.get(id) ?? []).filter((row) => row.state === "failed" && !detailOf(row.detail).skipped).length;
  return failed.filter((t) => tries(t.id) < MAX_TERRITORY_RETRIES);
}

export async function scrapeDue(ctx: CycleContext, h: Hunting, result: PhaseResult): Promise<void> {
  const settings = await readHuntingSettings(ctx.db, ctx.workspaceId);
  const s: Scraping = {
    ctx,
    h,
    source: settings.defaultSource,
    settings,
    paid: PAID[settings.defaultSource] ?? null,
    deadline: Date.now() + SCRAPING_WAIT_MS,
    result,
  };
  // What this cycle did before a retry: counted, not done again; a claimed one is settled.
  const earlier = await cycleItems(ctx, "scrape");
  for (const item of earlier) {
    if (item.state !== "claimed") {
      tally(result, item.state, detailOf(item.detail));
      continue;
    }
    const run = await latestRun(h, item.itemId);
    const ours = run?.trigger === "autopilot" && Date.parse(run.startedAt) >= ctx.startedAt.getTime();
    if (run && ours) await settle(s, item.itemId, run.runId);
    else await scrapeOne(s, item.itemId);
  }
  const taken = new Set(earlier.map((i) => i.itemId));
  const territories = await allTerritories(h);
  const due = [...dueOrder(territories, ctx.startedAt), ...(await failedToRetry(ctx, territories))]
    .filter((t) => !taken.has(t.id))
    .slice(0, Math.max(0, ctx.settings.caps.territories - earlier.length));
  for (const [i, territory] of due.entries()) {
    const left = due.length - i;
    if (Date.now() >= s.deadline) return skippedBecause(result, "out of time", left);
    const stop = await blocked(s);
    if (stop) {
      result.error = stop.error;
      return skippedBecause(result, stop.cause, left);
    }
    const claim = await claimItem(ctx, "scrape", territory.id);
    if (claim !== "new") continue;
    await scrapeOne(s, territory.id);
  }
}

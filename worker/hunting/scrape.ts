/**
 * One scrape of a territory: refused during cooldown (unless forced) or while another runs; else
 * the territory is claimed ("scraping") and a Scrape runs row opened. The run asks the source
 * (split into tiles when an answer comes back full), finds emails in reviews, merges what it
 * found into Businesses (one row per business, facts refreshed, what people wrote kept, every
 * territory that found it linked), and closes with the counts: the territory goes to cooldown
 * (or exhausted when nothing was found), the run row says what happened. A failure marks both
 * with the reason and writes no businesses.
 */
import {
  bestEmail,
  coolingUntil,
  emailsInReviews,
  mergeBusinesses,
  searchTiled,
  websiteKind,
} from "../../automation/hunting";
import type { BusinessRecord, HuntingSource } from "../../schema/hunting";
import type { HuntingSettings, ScrapeResult, ScrapeTrigger } from "../../schema/hunting-api";
import type { CellValue, RowRecord } from "../../schema/tables";
import { getDb } from "../db";
import { byKey, reader } from "../kinds/tables";
import type { ProviderKeys } from "../projects/discover";
import { allRows } from "../projects/store";
import { businessCells, clearedByPerson, knownBusiness, recordCells } from "./businesses";
import { chainVerdicts } from "./chains";
import { CooldownError, HuntingBusyError, HuntingInputError } from "./errors";
import { whileMerging } from "./merge-lock";
import { latestRun } from "./runs";
import { checkCategory, huntingSource } from "./sources";
import type { Hunting } from "./tables";
import { huntingOrigin, territoryRecord, territoryRow } from "./territories";

/** Places asked for per search: Google Maps stops near 120, so a full answer means there are more. */
export const PLACES_PER_SEARCH = 120;
/** Rows written per room call, to keep each Yjs transaction and RPC message small. */
const WRITE_CHUNK = 500;
/** A territory "scraping" for longer than this was left by a run that died: it may be taken again. */
export const SCRAPE_LOCK_MS = 20 * 60_000;
/** CSV lines reported with a run; the rest are counted. */
const MAX_PROBLEMS = 20;
const DAY_MS = 86_400_000;

export type ScrapeOptions = {
  source: HuntingSource;
  csv?: string;
  force: boolean;
  trigger: ScrapeTrigger;
  settings: HuntingSettings;
  /** When it starts (a cron tick's scheduled time); now when left out. */
  now?: Date;
};

const origin = huntingOrigin("scrape");

/**
 * Claims the territory and opens its run row: everything that refuses a scrape happens here, before
 * any work. Returns the run row's id.
 */
export async function beginScrape(h: Hunting, territoryId: string, options: ScrapeOptions): Promise<string> {
  const now = options.now ?? new Date();
  const row = await territoryRow(h, territoryId);
  const territory = territoryRecord(h, row);
  if (!territory.center) throw new HuntingInputError("This territory has no place: edit its location first");
  if (!territory.query) throw new HuntingInputError("This territory has no category: edit it first");
  if (territory.status === "scraping") {
    const started = Date.parse((await latestRun(h, territoryId))?.startedAt ?? "");
    if (!Number.isNaN(started) && now.getTime() - started < SCRAPE_LOCK_MS)
      throw new HuntingBusyError("This territory is being scraped already; its counts will show when it is done");
  }
  const cooling = coolingUntil(territory, now);
  if (cooling && !options.force) throw new CooldownError(cooling);
  try {
    checkCategory(options.source, territory.query);
  } catch (error) {
    // Taken in turn, it is said in the row, so a territory Scrape next passes over does not wait
    // unexplained; a person who asked for this source has the answer already.
    if (options.trigger === "scrape-next" || options.trigger === "schedule" || options.trigger === "autopilot") {
      const cells = { status: "failed", lastError: (error as Error).message };
      await h.territories.room.patchRow(territoryId, byKey(h.territories, cells), origin);
    }
    throw error;
  }
  const statusColumn = h.territories.keys.status;
  if (!statusColumn) throw new HuntingInputError("The Territories table has lost its Status column");
  const [taken] = await h.territories.room.claimRowsById({
    rowIds: [territoryId],
    columnId: statusColumn,
    anyOf: [row.cells[statusColumn] ?? null],
    set: byKey(h.territories, { status: "scraping", lastError: null }),
    origin,
  });
  if (!taken)
    throw new HuntingBusyError("This territory is being scraped already; its counts will show when it is done");
  const inserted = await h.runs.room.insertRows(
    [
      byKey(h.runs, {
        territory: [territoryId],
        status: "running",
        source: options.source,
        trigger: options.trigger,
        started: now.toISOString(),
      }),
    ],
    origin,
  );
  if (!inserted.ok) {
    await h.territories.room.patchRow(territoryId, byKey(h.territories, { status: territory.status }), origin);
    throw new HuntingInputError(inserted.message);
  }
  return inserted.value[0]!;
}

/** An email from review texts for records still without one (owners often write theirs in answers). */
function emailFromReviews(record: BusinessRecord): BusinessRecord {
  if (record.email || !record.reviewTexts.length) return record;
  const site = websiteKind(record.website);
  const best = bestEmail(emailsInReviews(record.reviewTexts), site.kind === "own" ? site.host : "");
  return best ? { ...record, email: best.address, emailSource: "review" } : record;
}

const withLink = (links: string[], id: string) => (links.includes(id) ? null : [...links, id]);

async function writeChunks<T>(items: T[], write: (chunk: T[]) => Promise<{ ok: boolean; message?: string }>) {
  for (let i = 0; i < items.length; i += WRITE_CHUNK) {
    const written = await write(items.slice(i, i + WRITE_CHUNK));
    if (!written.ok) throw new HuntingInputError(written.message ?? "the Businesses table refused the rows");
  }
}

/** Merges `found` into Businesses for the territory; returns the rows it touched and the counts. */
async function mergeFound(h: Hunting, territoryId: string, found: BusinessRecord[]) {
  const rows = await allRows(h.businesses, []);
  const known = rows.map((row) => knownBusiness(h.businesses, row));
  const merge = mergeBusinesses(known, found);
  const patches = new Map<number, Record<string, CellValue>>();
  let updated = 0;
  for (const { index, patch } of merge.updates) {
    // Facts the row does not keep (review texts) change nothing in it; a provider that now calls
    // a known business a chain marks it, when nobody has.
    const cells = recordCells(patch);
    if (patch.providerChain === true && !known[index]!.chain && !clearedByPerson(known[index]!))
      Object.assign(cells, { chain: true, chainReason: "provider: chain" });
    if (!Object.keys(cells).length) continue;
    patches.set(index, cells);
    updated += 1;
  }
  for (const target of merge.targets) {
    if (target.kind !== "existing") continue;
    const links = withLink(known[target.index]!.territories, territoryId);
    if (links) patches.set(target.index, { ...patches.get(target.index), territories: links });
  }
  const links = new Map<number, readonly string[]>();
  for (const [index, cells] of patches)
    if (Array.isArray(cells.territories)) links.set(index, cells.territories as string[]);
  const chains = chainVerdicts(known, links, merge.added, territoryId);
  known.forEach((k, index) => {
    const chain = chains.known.get(k.rowId);
    if (chain) patches.set(index, { ...patches.get(index), ...chain });
  });
  const added = merge.added.map((record, i) =>
    businessCells(record, { territories: [territoryId], leadStatus: "new", ...chains.added[i]! }),
  );
  const patchList = [...patches].map(([index, cells]) => ({
    id: known[index]!.rowId,
    cells: byKey(h.businesses, cells),
  }));
  await writeChunks(patchList, (chunk) => h.businesses.room.patchRows(chunk, origin));
  const addedIds: string[] = [];
  await writeChunks(
    added.map((cells) => byKey(h.businesses, cells)),
    async (chunk) => {
      const inserted = await h.businesses.room.insertRows(chunk, origin);
      if (inserted.ok) addedIds.push(...inserted.value);
      return inserted;
    },
  );
  const touched = [
    ...new Set([...merge.targets.filter((t) => t.kind === "existing").map((t) => known[t.index]!.rowId), ...addedIds]),
  ];
  return { touched, added: addedIds.length, updated };
}

/** How many of the rows the formula column Qualified calls qualified now. */
async function countQualified(h: Hunting, rowIds: string[]): Promise<number> {
  let qualified = 0;
  for (let i = 0; i < rowIds.length; i += WRITE_CHUNK) {
    const rows: RowRecord[] = await h.businesses.room.readRows(rowIds.slice(i, i + WRITE_CHUNK));
    qualified += rows.filter((row) => reader(h.businesses, row.cells).get("qualified") === true).length;
  }
  return qualified;
}

/** Runs the scrape `beginScrape` opened and closes it; a failure is written to both rows, then thrown. */
export async function runScrape(
  env: Env,
  h: Hunting,
  territoryId: string,
  runId: string,
  keys: ProviderKeys,
  options: ScrapeOptions,
): Promise<ScrapeResult> {
  const startedAt = Date.now();
  try {
    const territory = territoryRecord(h, await territoryRow(h, territoryId));
    const source = huntingSource(env, options.source, keys, {
      csv: options.csv,
      fetchReviews: options.settings.fetchReviews,
    });
    const tiled = await searchTiled(source, {
      query: territory.query,
      center: territory.center ?? { lat: 0, lng: 0 },
      radiusMiles: territory.radiusMiles,
      limit: PLACES_PER_SEARCH,
      enrich: true,
    });
    const found = tiled.records.map(emailFromReviews);
    const unread = source.errors ?? [];
    if (!found.length && unread.length)
      throw new HuntingInputError(
        `No line of the CSV could be read (${unread.length} refused; line ${unread[0]!.line}: ${unread[0]!.message})`,
      );
    const { merged, qualified } = await whileMerging(getDb(env.DB), h.workspaceId, async () => {
      const merged = await mergeFound(h, territoryId, found);
      return { merged, qualified: await countQualified(h, merged.touched) };
    });
    const problems = (source.errors ?? []).slice(0, MAX_PROBLEMS).map((e) => `line ${e.line}: ${e.message}`);
    const finished = new Date();
    const cooldownUntil = new Date(finished.getTime() + options.settings.cooldownDays * DAY_MS);
    const result: ScrapeResult = {
      runId,
      territoryId,
      source: options.source,
      found: found.length,
      added: merged.added,
      updated: merged.updated,
      qualified,
      tiles: tiled.tilesSearched,
      costUsd: tiled.costUsd,
      problems,
    };
    await h.territories.room.patchRow(
      territoryId,
      byKey(h.territories, {
        status: found.length ? "cooldown" : "exhausted",
        lastScraped: finished.toISOString(),
        cooldownUntil: cooldownUntil.toISOString(),
        found: found.length,
        new: merged.added,
        qualified,
        cost: tiled.costUsd,
        lastError: null,
      }),
      origin,
    );
    await h.runs.room.patchRow(
      runId,
      byKey(h.runs, {
        status: "succeeded",
        finished: finished.toISOString(),
        found: found.length,
        added: merged.added,
        updated: merged.updated,
        qualified,
        tiles: tiled.tilesSearched,
        cost: tiled.costUsd,
        duration: Math.round((finished.getTime() - startedAt) / 100) / 10,
        problems: problems.join("\n") || null,
      }),
      origin,
    );
    return result;
  } catch (error) {
    await failScrape(h, territoryId, runId, (error as Error).message || String(error), startedAt);
    throw error;
  }
}

/** Writes a scrape's failure to its territory (failed, with the reason) and its run row. */
export async function failScrape(
  h: Hunting,
  territoryId: string,
  runId: string,
  message: string,
  startedAt = Date.now(),
): Promise<void> {
  const finished = new Date();
  await h.territories.room.patchRow(
    territoryId,
    byKey(h.territories, { status: "failed", lastError: message }),
    origin,
  );
  await h.runs.room.patchRow(
    runId,
    byKey(h.runs, {
      status: "failed",
      finished: finished.toISOString(),
      duration: Math.round((finished.getTime() - startedAt) / 100) / 10,
      error: message,
    }),
    origin,
  );
}

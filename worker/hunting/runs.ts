/**
 * Starting a scrape (claim, run row, queue message) and reading runs back: a run row as the API
 * gives it, a territory's latest run, and waiting a while for a run to end so a quick scrape
 * answers within its request.
 */
import { HuntingSource } from "../../schema/hunting";
import type { ScrapeRun, ScrapeRunStatus, ScrapeTrigger } from "../../schema/hunting-api";
import { SCRAPE_TRIGGERS } from "../../schema/hunting-api";
import type { RowRecord } from "../../schema/tables";
import { reader } from "../kinds/tables";
import { allRows } from "../projects/store";
import { csvKeyFor, type ScrapeJob } from "./jobs";
import { beginScrape, failScrape, type ScrapeOptions } from "./scrape";
import type { Hunting } from "./tables";

/** How often a waiting request looks at its run row. */
const POLL_MS = 250;

/** What a scrape is started with (`beginScrape`'s options). */
export type StartScrape = ScrapeOptions;

/** Claims the territory, opens its run and queues the work; refusals (cooldown, busy, no place) throw. */
export async function startScrape(env: Env, h: Hunting, territoryId: string, start: StartScrape): Promise<string> {
  const runId = await beginScrape(h, territoryId, start);
  const csvKey = start.source === "csv" ? csvKeyFor(h.workspaceId, runId) : null;
  const job: ScrapeJob = {
    kind: "scrape",
    workspaceId: h.workspaceId,
    ids: h.ids,
    territoryId,
    runId,
    source: start.source,
    csvKey,
    force: start.force,
    trigger: start.trigger,
  };
  try {
    if (csvKey) await env.FILES.put(csvKey, start.csv ?? "");
    await env.OUTREACH_QUEUE.send(job);
  } catch (error) {
    // Claimed but never queued: the territory and its run say so rather than stay "scraping".
    await failScrape(h, territoryId, runId, `Could not start the scrape: ${(error as Error).message}`);
    throw error;
  }
  return runId;
}

const STATUSES = new Set<string>(["running", "succeeded", "failed"]);
const count = (n: number | null) => n ?? 0;

export function scrapeRun(h: Hunting, row: RowRecord): ScrapeRun {
  const r = reader(h.runs, row.cells);
  const status = r.text("status");
  const source = HuntingSource.safeParse(r.text("source"));
  const trigger = r.text("trigger");
  const durationS = r.number("duration");
  return {
    runId: row.id,
    territoryId: r.list("territory")[0] ?? "",
    status: (STATUSES.has(status) ? status : "running") as ScrapeRunStatus,
    source: source.success ? source.data : "sample",
    trigger: (SCRAPE_TRIGGERS as readonly string[]).includes(trigger) ? (trigger as ScrapeTrigger) : "api",
    startedAt: r.text("started"),
    finishedAt: r.text("finished") || null,
    found: count(r.number("found")),
    added: count(r.number("added")),
    updated: count(r.number("updated")),
    qualified: count(r.number("qualified")),
    tiles: count(r.number("tiles")),
    costUsd: r.number("cost"),
    durationMs: durationS === null ? null : Math.round(durationS * 1000),
    error: r.text("error") || null,
    problems: r.text("problems") ? r.text("problems").split("\n") : [],
  };
}

export async function readRun(h: Hunting, runId: string): Promise<ScrapeRun | null> {
  const [row] = await h.runs.room.readRows([runId]);
  return row ? scrapeRun(h, row) : null;
}

/** The territory's newest run, or null before its first. */
export async function latestRun(h: Hunting, territoryId: string): Promise<ScrapeRun | null> {
  const started = h.runs.keys.started;
  const territory = h.runs.keys.territory;
  if (!started || !territory) return null;
  const { rows } = await h.runs.room.queryRows({
    filters: [{ columnId: territory, op: "contains", value: territoryId }],
    sort: [{ columnId: started, direction: "desc" }],
    limit: 1,
    offset: 0,
  });
  const run = rows[0] ? scrapeRun(h, rows[0]) : null;
  return run?.territoryId === territoryId ? run : null;
}

/** Every run, newest first. */
export async function allRuns(h: Hunting): Promise<ScrapeRun[]> {
  const started = h.runs.keys.started;
  const rows = await allRows(h.runs, [], started ? [{ columnId: started, direction: "desc" }] : []);
  return rows.map((row) => scrapeRun(h, row));
}

/** The run once it has ended, or null when it is still running after `withinMs`. */
export async function awaitRun(h: Hunting, runId: string, withinMs: number): Promise<ScrapeRun | null> {
  const until = Date.now() + withinMs;
  for (;;) {
    const run = await readRun(h, runId);
    if (run && run.status !== "running") return run;
    if (Date.now() >= until) return null;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Regenerating many sites at once (`POST /api/sites/regenerate`). On the queue, each site is a
 * `generate-jobs` message as for one site. As a Message Batch (half the price, answers within 24
 * hours; only when the workspace allows the delay) the stage runs for every site in ONE batch,
 * which `batch-poll.ts` reads once it has ended; each site then continues through the normal
 * queue path.
 */

import { describeApiError } from "../../automation/sites/agents";
import type { BatchSite } from "../../automation/sites/agents/batch";
import { batchRequests, MAX_BATCH_SITES, type SkippedSite } from "../../automation/sites/agents/batch";
import { SITE_AGENT_LABELS, type SiteAgent } from "../../schema/site-agents";
import { isBusySite } from "../../schema/sites-api";
import type { RowRecord } from "../../schema/tables";
import { readWorkspaceSecret } from "../api/settings";
import { type Db, getDb } from "../db";
import type { Hunting } from "../hunting/tables";
import { byKey, type TableHandle } from "../kinds/tables";
import { allRows } from "../projects/store";
import { clientFor } from "./anthropic";
import { batchSite, FIRST_POLL_SECONDS, schedulePoll, stageOf } from "./batch-poll";
import type { BatchState } from "./batch-state";
import { regenerateSite, SiteBusyError, SiteInputError, siteRecord } from "./generate";
import { readSiteSettings } from "./settings";

const origin = { kind: "automation" as const, job: "generate-site" };

export type RegenerateRequest = { siteIds: string[] | "all"; stage: SiteAgent; batch: boolean };
export type RegenerateReport = {
  mode: "batch" | "queue";
  /** The Message Batch's id, when one was made. */
  batchId: string | null;
  queued: string[];
  skipped: SkippedSite[];
  /** Why a batch was asked for and the sites were queued one by one instead. */
  notice: string | null;
};

/** The Message Batches API refused the batch or could not be reached. */
export class SiteBatchError extends Error {}

/** Regenerates `stage` and the stages after it for up to 500 sites, one by one on the queue or as one batch. */
export async function regenerateSites(
  env: Env,
  h: Hunting,
  sites: TableHandle,
  request: RegenerateRequest,
): Promise<RegenerateReport> {
  const db = getDb(env.DB);
  const apiKey = await readWorkspaceSecret(env, db, h.workspaceId, "anthropicApiKey");
  if (!apiKey) throw new SiteInputError("Regenerating sites needs an Anthropic API key in Settings");
  const { rows, skipped } = await siteRows(sites, request.siteIds);
  const ready: RowRecord[] = [];
  for (const row of rows) {
    const site = siteRecord(sites, row);
    if (isBusySite(site.status)) skipped.push({ siteId: row.id, reason: "It is being generated already" });
    else if (!site.businessRowId) skipped.push({ siteId: row.id, reason: "It belongs to no business" });
    else ready.push(row);
  }
  const allowed = (await readSiteSettings(db, h.workspaceId)).allowBatchDelay;
  if (request.batch && allowed) return startBatch(env, db, h, sites, request.stage, ready, skipped, apiKey);

  const queued: string[] = [];
  for (const row of ready) {
    try {
      queued.push((await regenerateSite(env, h, sites, row.id, request.stage)).id);
    } catch (error) {
      if (!(error instanceof SiteBusyError || error instanceof SiteInputError)) throw error;
      skipped.push({ siteId: row.id, reason: error.message });
    }
  }
  const notice =
    request.batch && !allowed
      ? "This workspace does not allow the Message Batch delay (the sites setting allowBatchDelay), so the sites were queued one by one"
      : null;
  return { mode: "queue", batchId: null, queued, skipped, notice };
}

async function siteRows(sites: TableHandle, ids: string[] | "all") {
  const skipped: SkippedSite[] = [];
  if (ids === "all") {
    const rows = await allRows(sites, []);
    if (rows.length > MAX_BATCH_SITES)
      throw new SiteInputError(
        `This workspace has ${rows.length} sites; regenerate at most ${MAX_BATCH_SITES} at a time by their ids`,
      );
    return { rows, skipped };
  }
  const rows = await sites.room.readRows([...new Set(ids)]);
  const found = new Set(rows.map((row) => row.id));
  for (const id of ids) if (!found.has(id)) skipped.push({ siteId: id, reason: "Site not found" });
  return { rows, skipped };
}

async function startBatch(
  env: Env,
  db: Db,
  h: Hunting,
  sites: TableHandle,
  stage: SiteAgent,
  rows: RowRecord[],
  skipped: SkippedSite[],
  apiKey: string,
): Promise<RegenerateReport> {
  const candidates: BatchSite[] = [];
  for (const row of rows) {
    const made = await batchSite(env, h, sites, row, stage);
    if (made) candidates.push(made.batchSite);
    else skipped.push({ siteId: row.id, reason: "Its business was deleted" });
  }
  const settings = await readSiteSettings(db, h.workspaceId);
  const agentSettings = { model: settings.models[stage], maxTokens: settings.maxTokens[stage] };
  const { requests, skipped: refused } = batchRequests(candidates, stageOf(stage, agentSettings));
  skipped.push(...refused);
  if (requests.length === 0) return { mode: "batch", batchId: null, queued: [], skipped, notice: null };
  let batchId: string;
  try {
    batchId = (await clientFor(env, apiKey).messages.batches.create({ requests })).id;
  } catch (error) {
    throw new SiteBatchError(`The Message Batch could not be made: ${describeApiError(error)}`);
  }
  const queued = requests.map((r) => r.custom_id);
  const now = new Date();
  const state: BatchState = {
    batchId,
    workspaceId: h.workspaceId,
    stage,
    siteIds: queued,
    huntingIds: h.ids,
    createdAt: now.toISOString(),
    poll: 0,
    delaySeconds: 0,
    nextPollAt: now.toISOString(),
    ...agentSettings,
  };
  for (const siteId of queued) {
    const cells = { status: "queued", error: null, stages: `${SITE_AGENT_LABELS[stage]}: queued (batch)` };
    await sites.room.patchRow(siteId, byKey(sites, cells), origin);
  }
  await schedulePoll(env, db, state, FIRST_POLL_SECONDS);
  return { mode: "batch", batchId, queued, skipped, notice: null };
}

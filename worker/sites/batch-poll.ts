/**
 * Reading a Message Batch of site regenerations until it has ended: a poll message on
 * `generate-jobs`, sent again with a growing delay (30 s doubling to 10 minutes), giving up 24
 * hours after the batch was made. Once it has ended, each site's outcome (its answer, or the
 * attempt to ask again) goes to R2 and the site continues on the queue as a regeneration from the
 * batch's stage, the job reading that outcome. The batch in flight is kept in D1
 * (`batch-state.ts`), so a restart that loses the poll message resumes it from the every-minute cron.
 */
import type Anthropic from "@anthropic-ai/sdk";
import { z } from "zod";
import {
  DEFAULT_PROMPT_SECTIONS,
  DEFAULT_SITE_MAX_TOKENS,
  DEFAULT_SITE_MODELS,
  describeApiError,
} from "../../automation/sites/agents";
import { type BatchSite, type BatchStage, readBatchResult } from "../../automation/sites/agents/batch";
import type { BatchAttempt } from "../../automation/sites/agents/pipeline";
import { SiteAgent, StageRecord, StageUsage } from "../../schema/site-agents";
import type { RowRecord } from "../../schema/tables";
import { readWorkspaceSecret } from "../api/settings";
import { type Db, getDb } from "../db";
import { type Hunting, huntingOf } from "../hunting/tables";
import { byKey, type TableHandle } from "../kinds/tables";
import { clientFor } from "./anthropic";
import { allBatchStates, type BatchState, deleteBatchState, readBatchState, saveBatchState } from "./batch-state";
import { factsOf, siteRecord, versionKey } from "./generate";
import type { SiteJob } from "./jobs";
import { stagesOf } from "./stages";
import { findSites } from "./tables";

/** The first poll waits 30 s, each next one twice as long, up to 10 minutes (most batches end within an hour). */
export const FIRST_POLL_SECONDS = 30;
const MAX_POLL_SECONDS = 600;
/** A batch expires 24 hours after it is made; past that (and a poll's length), polling gives up. */
const GIVE_UP_MS = 24 * 60 * 60 * 1000 + MAX_POLL_SECONDS * 1000;
/** A poll overdue by this much was lost (a restart); the cron starts its chain again. */
const RESUME_AFTER_MS = 5 * 60 * 1000;

const origin = { kind: "automation" as const, job: "generate-site" };

/**
 * A batch's stage: the workspace's model and output limit for the agent, and the default prompts
 * (a batch sends one prompt to every site, so the Prompts table's variants are not split there).
 */
export const stageOf = (agent: SiteAgent, settings: { model?: string; maxTokens?: number } = {}): BatchStage => ({
  agent,
  prompts: DEFAULT_PROMPT_SECTIONS,
  model: settings.model ?? DEFAULT_SITE_MODELS[agent],
  maxTokens: settings.maxTokens ?? DEFAULT_SITE_MAX_TOKENS[agent],
});

/** The site's facts and its last version's stage records, or null when its business is gone. */
export async function batchSite(env: Env, h: Hunting, sites: TableHandle, row: RowRecord, stage: SiteAgent) {
  const site = siteRecord(sites, row);
  const [business] = site.businessRowId ? await h.businesses.room.readRows([site.businessRowId]) : [];
  if (!business) return null;
  const previous = stage === "analyst" ? [] : await stagesOf(env, h.workspaceId, site.id, site.version);
  return { batchSite: { siteId: site.id, facts: factsOf(h, business, site.slug), previous }, site, business };
}

/** A `generate-jobs` message that reads a batch in flight. */
export const SiteBatchPoll = z.object({
  kind: z.literal("siteBatchPoll"),
  workspaceId: z.string(),
  batchId: z.string(),
  poll: z.number().int(),
});
export type SiteBatchPoll = z.infer<typeof SiteBatchPoll>;

/** Starts the next link of the batch's poll chain, `delaySeconds` from now. */
export async function schedulePoll(env: Env, db: Db, state: BatchState, delaySeconds: number): Promise<void> {
  const next: BatchState = {
    ...state,
    poll: state.poll + 1,
    delaySeconds,
    nextPollAt: new Date(Date.now() + delaySeconds * 1000).toISOString(),
  };
  await saveBatchState(db, next);
  const message: SiteBatchPoll = {
    kind: "siteBatchPoll",
    workspaceId: next.workspaceId,
    batchId: next.batchId,
    poll: next.poll,
  };
  await env.GENERATE_QUEUE.send(message, { delaySeconds });
}

/** Handles the message when it is a batch poll (true), or leaves it to the site jobs (false). */
export async function handleBatchPoll(env: Env, body: unknown): Promise<boolean> {
  const parsed = SiteBatchPoll.safeParse(body);
  if (!parsed.success) return false;
  try {
    await pollSiteBatch(env, parsed.data);
  } catch (error) {
    // The state stays in D1: the cron restarts this chain once the poll is overdue.
    console.error(`rowpilot: poll of Message Batch ${parsed.data.batchId} crashed: ${(error as Error).message}`);
  }
  return true;
}

async function pollSiteBatch(env: Env, poll: SiteBatchPoll): Promise<void> {
  const db = getDb(env.DB);
  const state = await readBatchState(db, poll.workspaceId, poll.batchId);
  if (!state || state.poll !== poll.poll) return;
  const apiKey = await readWorkspaceSecret(env, db, state.workspaceId, "anthropicApiKey");
  if (!apiKey) return giveUp(env, db, state, "the workspace's Anthropic API key was removed while it ran");
  const client = clientFor(env, apiKey);
  let batch: Anthropic.Messages.MessageBatch | null = null;
  let problem = "";
  try {
    batch = await client.messages.batches.retrieve(state.batchId);
  } catch (error) {
    problem = describeApiError(error);
  }
  if (batch?.processing_status !== "ended") {
    if (Date.now() - Date.parse(state.createdAt) > GIVE_UP_MS) {
      const last = problem ? ` (last answer: ${problem})` : "";
      return giveUp(env, db, state, `it did not end within 24 hours${last}`);
    }
    return schedulePoll(
      env,
      db,
      state,
      Math.min(Math.max(state.delaySeconds * 2, FIRST_POLL_SECONDS), MAX_POLL_SECONDS),
    );
  }
  const results = new Map<string, Anthropic.Messages.MessageBatchResult>();
  for await (const line of await client.messages.batches.results(state.batchId))
    results.set(line.custom_id, line.result);
  const durationMs = Math.max(0, Date.parse(batch.ended_at ?? new Date().toISOString()) - Date.parse(batch.created_at));
  await continueSites(env, state, (site) =>
    readBatchResult(site, stageOf(state.stage, state), results.get(site.siteId), durationMs),
  );
  await deleteBatchState(db, state);
}

/** Where a site's batch outcome waits for its job (R2, as answers can be larger than a queue message). */
const outcomeKey = (workspaceId: string, siteId: string, batchId: string) =>
  versionKey(workspaceId, siteId, 0).replace(/v0\/index\.html$/, `batches/${batchId}.json`);

/** Each site still queued by the batch goes on with its outcome through the normal queue path. */
async function continueSites(
  env: Env,
  state: BatchState,
  read: (site: BatchSite) => ReturnType<typeof readBatchResult>,
): Promise<void> {
  const db = getDb(env.DB);
  const sites = await findSites(env, db, state.workspaceId);
  if (!sites) return;
  const h = await huntingOf(env, state.huntingIds, state.workspaceId);
  for (const row of await sites.room.readRows(state.siteIds)) {
    const siteId = row.id;
    if (siteRecord(sites, row).status !== "queued") continue;
    const made = await batchSite(env, h, sites, row, state.stage);
    if (!made) {
      await sites.room.patchRow(siteId, byKey(sites, { status: "failed", error: "Its business was deleted" }), origin);
      continue;
    }
    const outcome = read(made.batchSite);
    const key = outcomeKey(state.workspaceId, siteId, state.batchId);
    const stored = outcome.kind === "complete" ? { kept: [outcome.record] } : { batchAttempt: outcome.attempt };
    await env.FILES.put(key, JSON.stringify(stored), { httpMetadata: { contentType: "application/json" } });
    const job: SiteJob = {
      kind: "site",
      workspaceId: state.workspaceId,
      huntingIds: state.huntingIds,
      siteId,
      businessRowId: made.business.id,
      from: state.stage,
      batchOutcome: key,
    };
    await env.GENERATE_QUEUE.send(job);
  }
}

/** The batch's sites still waiting on it fail with the reason; the batch is forgotten. */
async function giveUp(env: Env, db: Db, state: BatchState, reason: string): Promise<void> {
  const sites = await findSites(env, db, state.workspaceId);
  const error = `The Message Batch ${state.batchId} was given up: ${reason}. Regenerate these sites again.`;
  const rows = sites ? await sites.room.readRows(state.siteIds) : [];
  for (const row of rows) {
    if (sites && siteRecord(sites, row).status === "queued")
      await sites.room.patchRow(row.id, byKey(sites, { status: "failed", error, stages: null }), origin);
  }
  await deleteBatchState(db, state);
}

const BatchOutcome = z.object({
  kept: z.array(StageRecord).optional(),
  batchAttempt: z
    .object({
      stage: SiteAgent,
      earlier: z.object({ answer: z.string().nullable(), problem: z.string() }),
      usage: StageUsage,
      costUsd: z.number().nullable(),
    })
    .optional(),
});

/** What the batch made for a site's job (read once, then removed); nothing when it is missing or unreadable. */
export async function batchOutcomeOf(
  env: Env,
  key: string,
): Promise<{ kept?: StageRecord[]; batchAttempt?: BatchAttempt }> {
  const file = await env.FILES.get(key);
  if (!file) return {};
  const parsed = BatchOutcome.safeParse(await file.json().catch(() => null));
  await env.FILES.delete(key);
  return parsed.success ? parsed.data : {};
}

/** Restarts the poll chain of every batch whose poll is long overdue (lost in a restart); how many. */
export async function resumeSiteBatches(env: Env, now: Date): Promise<number> {
  const db = getDb(env.DB);
  let resumed = 0;
  for (const state of await allBatchStates(db)) {
    if (Date.parse(state.nextPollAt) + RESUME_AFTER_MS > now.getTime()) continue;
    await schedulePoll(env, db, state, 0);
    resumed++;
  }
  return resumed;
}

/**
 * The `generate-jobs` queue: one message a site to make with the four Claude agents (Analyst,
 * Concept, Art Director, Architect) through `@anthropic-ai/sdk`, with the workspace's Anthropic
 * key, models and token limits, its Prompts table's active variants, and `ANTHROPIC_BASE_URL`. The
 * row says which stage is running; the architect's page is sanitized, its CSS and JS inlined, checked
 * in a browser and repaired once when its findings would block publishing (`repair.ts`), and stored
 * as the next version in review, with every stage's
 * record beside it in R2. When a stage fails for good, the fallback generator makes the version
 * and the row says why. A message whose site is no longer queued does nothing.
 */
import { z } from "zod";
import { runPipeline } from "../../automation/sites/agents";
import { SITE_AGENT_LABELS, SiteAgent, type StageRecord } from "../../schema/site-agents";
import { readWorkspaceSecret } from "../api/settings";
import { getDb } from "../db";
import { huntingOf } from "../hunting/tables";
import { byKey } from "../kinds/tables";
import { clientFor } from "./anthropic";
import { batchOutcomeOf, handleBatchPoll } from "./batch-poll";
import { factsOf, fallbackPage, siteRecord, storeVersion } from "./generate";
import { stageProgress } from "./progress";
import { countUses, promptsForJob, stageVariantsLine, withPrompts } from "./prompts/for-job";
import { repairPass } from "./repair";
import { readSiteSettings } from "./settings";
import { stagesKey, stagesOf } from "./stages";
import { findSites } from "./tables";

export const SiteJob = z.object({
  kind: z.literal("site"),
  workspaceId: z.string(),
  huntingIds: z.object({ territories: z.string(), businesses: z.string(), runs: z.string() }),
  siteId: z.string(),
  businessRowId: z.string(),
  /** Run this stage and the ones after it again, reusing the earlier ones of the last version. */
  from: SiteAgent.optional(),
  /** The prompt variant a person asked for (`POST /api/sites/generate` `{ variant }`). */
  variant: z.string().optional(),
  /** The R2 key of what a Message Batch made of `from` for this site (`worker/sites/batch-poll.ts`). */
  batchOutcome: z.string().optional(),
});
export type SiteJob = z.infer<typeof SiteJob>;

const origin = { kind: "automation" as const, job: "generate-site" };

/** One line a stage for the row: "Concept: complete, claude-sonnet-5-5, 4.2 s, 1,830 tokens, $0.012". */
export function stageLines(stages: readonly StageRecord[]): string {
  return stages
    .map((s) => {
      const tokens = s.usage.inputTokens + s.usage.outputTokens;
      const cost = s.costUsd === null ? "" : `, $${s.costUsd.toFixed(3)}`;
      const error = s.error ? `: ${s.error}` : "";
      return `${SITE_AGENT_LABELS[s.stage]}${s.repair ? " (repair)" : ""}: ${s.status}${s.batch ? " (batch)" : ""}, ${s.model}, ${(s.durationMs / 1000).toFixed(1)} s, ${tokens.toLocaleString("en-US")} tokens${cost}${error}`;
    })
    .join("\n");
}

export async function runSiteJob(env: Env, job: SiteJob): Promise<void> {
  const db = getDb(env.DB);
  const sites = await findSites(env, db, job.workspaceId);
  const h = await huntingOf(env, job.huntingIds, job.workspaceId);
  const [row] = sites ? await sites.room.readRows([job.siteId]) : [];
  const [business] = await h.businesses.room.readRows([job.businessRowId]);
  if (!sites || !row || siteRecord(sites, row).status !== "queued") return;
  const site = siteRecord(sites, row);
  if (!business) {
    await sites.room.patchRow(site.id, byKey(sites, { status: "failed", error: "Its business was deleted" }), origin);
    return;
  }
  const apiKey = await readWorkspaceSecret(env, db, job.workspaceId, "anthropicApiKey");
  const settings = await readSiteSettings(db, job.workspaceId);
  const prompts = await promptsForJob(env, db, job.workspaceId, site.id, job.from, job.variant);
  if (!prompts.ok) {
    await sites.room.patchRow(site.id, byKey(sites, { status: "failed", error: prompts.error }), origin);
    return;
  }
  await sites.room.patchRow(site.id, byKey(sites, { status: "generating", error: null }), origin);
  const client = clientFor(env, apiKey ?? "");
  // Progress writes run one after another and are awaited before the version is stored, so a late
  // "running…" never overwrites the finished stages.
  let written: Promise<unknown> = Promise.resolve();
  const progress = stageProgress((stages) => {
    written = written.then(() => sites.room.patchRow(site.id, byKey(sites, { stages }), origin)).catch(() => undefined);
  });
  const facts = factsOf(h, business, site.slug);
  const previous = job.from ? await stagesOf(env, job.workspaceId, site.id, site.version) : [];
  const result = await runPipeline({
    ...(job.batchOutcome ? await batchOutcomeOf(env, job.batchOutcome) : {}),
    from: job.from,
    previous,
    client,
    facts,
    prompts: prompts.sections,
    models: settings.models,
    maxTokens: settings.maxTokens,
    onProgress: (stage, { outputTokens }) => progress(stage, outputTokens),
  });
  await written;
  const records = withPrompts(result.stages, prompts.choices);
  await countUses(prompts.table, records);
  await sites.room.patchRow(site.id, byKey(sites, { promptVariants: stageVariantsLine(records) }), origin);
  // Every stage's record beside the version about to be stored; the row gets one line a stage.
  const keepStages = async (kept: StageRecord[]) => {
    await env.FILES.put(stagesKey(job.workspaceId, site.id, site.version + 1), JSON.stringify(kept), {
      httpMetadata: { contentType: "application/json" },
    });
    return stageLines(kept);
  };
  if (result.status === "failed") {
    const error = `The ${SITE_AGENT_LABELS[result.failedStage]} failed (${result.error}); this version is the fallback site`;
    await storeVersion(env, h, sites, site, business, {
      page: fallbackPage(h, business, site.slug),
      fallback: true,
      error,
      stages: await keepStages(records),
    });
    return;
  }
  const repaired = await repairPass(env, {
    client,
    facts,
    site: result.site,
    stages: records,
    model: settings.models.architect,
    maxTokens: settings.maxTokens.architect,
    onProgress: ({ outputTokens }) => progress("architect", outputTokens, true),
  });
  await written;
  const vibe = (result.stages.find((s) => s.stage === "artDirector")?.output as { vibe?: string } | null)?.vibe ?? "";
  await storeVersion(env, h, sites, site, business, {
    page: { html: repaired.html, vibe, template: "agents" },
    fallback: false,
    stages: await keepStages(repaired.stages),
    error: repaired.error ?? undefined,
    checked: repaired.checked,
  });
}

/** A job that crashed leaves its site failed with the reason, never "generating" for good (which would refuse every action). */
async function failCrashedJob(env: Env, job: SiteJob, error: Error): Promise<void> {
  const sites = await findSites(env, getDb(env.DB), job.workspaceId);
  const [row] = sites ? await sites.room.readRows([job.siteId]) : [];
  if (!sites || !row) return;
  const status = siteRecord(sites, row).status;
  if (status !== "queued" && status !== "generating") return;
  const cells = { status: "failed", error: `Generating stopped: ${error.message}. Generate again to retry.` };
  await sites.room.patchRow(job.siteId, byKey(sites, cells), origin);
}

export async function handleSiteBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    if (await handleBatchPoll(env, message.body)) {
      message.ack();
      continue;
    }
    const parsed = SiteJob.safeParse(message.body);
    if (!parsed.success) {
      console.error(`rowpilot: malformed site job ${message.id}: ${parsed.error.issues[0]?.message}`);
      message.ack();
      continue;
    }
    try {
      await runSiteJob(env, parsed.data);
    } catch (error) {
      console.error(`rowpilot: site job ${parsed.data.siteId} crashed: ${(error as Error).message}`);
      await failCrashedJob(env, parsed.data, error as Error).catch(() => undefined);
    }
    message.ack();
  }
}

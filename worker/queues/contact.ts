/**
 * The `contact-jobs` consumer: each message is one dealer to contact. The engine runs in Browser
 * Rendering (sessions reused across batches), screenshots and the result go to R2 under the row
 * they belong to. A project's jobs are chains that work through its queued dealerships and
 * write each outcome back into the outreach tables (see `worker/projects/automation`).
 */
import type { Browser } from "@cloudflare/puppeteer";
import { z } from "zod";
import { claudeAssistant, type FieldAssistant, type FieldMapping } from "../../automation/contact/assist";
import { DESKTOP_VIEWPORT, runContact } from "../../automation/contact/engine";
import { guardFor } from "../../automation/contact/guard";
import { ContactJob, type ContactResult, SCREENSHOT_FORMAT } from "../../schema/contact";
import { ProjectContactJob } from "../../schema/projects";
import { describeIssues } from "../api/errors";
import { readWorkspaceSecret } from "../api/settings";
import { lazyBrowser } from "../browser/session";
import { getDb } from "../db";
import { runChain } from "../projects/automation";
import { outreachOf } from "../projects/tables";

/** Retry delay for a job that crashed (not one that failed with an outcome): grows per attempt. */
const RETRY_DELAY_S = 30;

/** Where a job's files go in R2: by table and row, then by attempt time. */
export function attemptPrefix(job: ContactJob, startedAt: Date): string {
  return `contact/${job.rowRef.tableId}/${job.rowRef.rowId}/${startedAt.toISOString().replace(/[:.]/g, "-")}`;
}

/** Claude as field assistant when the job's workspace has an Anthropic key; mappings cached in R2 per site. */
export async function assistantFor(env: Env, workspaceId: string | undefined): Promise<FieldAssistant | undefined> {
  if (!workspaceId) return undefined;
  const apiKey = await readWorkspaceSecret(env, getDb(env.DB), workspaceId, "anthropicApiKey");
  if (!apiKey) return undefined;
  const key = (site: string) => `contact/field-maps/${site}.json`;
  return claudeAssistant({
    apiKey,
    baseURL: env.ANTHROPIC_BASE_URL || undefined,
    cache: {
      get: async (site) => ((await (await env.FILES.get(key(site)))?.json()) as FieldMapping | undefined) ?? null,
      put: async (site, mapping) => void (await env.FILES.put(key(site), JSON.stringify(mapping))),
    },
  });
}

/** Runs one job on a page of `browser`; stores screenshots and the result in R2. */
export async function runContactJob(env: Env, browser: Browser, job: ContactJob): Promise<ContactResult> {
  const prefix = attemptPrefix(job, new Date());
  const page = await browser.newPage();
  try {
    await page.setViewport(DESKTOP_VIEWPORT);
    const result = await runContact(page, {
      url: job.url,
      profile: { ...job.profile, message: job.message ?? job.profile.message },
      guard: guardFor(env.ROWPILOT_ENV),
      assistant: await assistantFor(env, job.workspaceId),
      dryRun: job.dryRun,
      async saveScreenshot(label, image) {
        const key = `${prefix}/${label}.${SCREENSHOT_FORMAT.extension}`;
        await env.FILES.put(key, image, { httpMetadata: { contentType: SCREENSHOT_FORMAT.contentType } });
        return key;
      },
    });
    // The outcome stands whether or not its record could be kept: a retry could send the form twice.
    await env.FILES.put(`${prefix}/result.json`, JSON.stringify({ job: { ...job, profile: undefined }, result }), {
      httpMetadata: { contentType: "application/json" },
    }).catch((error: Error) => console.error(`rowpilot: could not store ${prefix}/result.json: ${error.message}`));
    return result;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** A message of the contact-jobs queue: one dealer's form, or a link of a project's chain. */
const ContactMessage = z.union([ProjectContactJob, ContactJob]);
type ContactMessage = z.infer<typeof ContactMessage>;

async function runMessage(env: Env, browser: () => Promise<Browser>, job: ContactMessage): Promise<void> {
  if (!("kind" in job)) {
    await runContactJob(env, await browser(), job);
    return;
  }
  const more = await runChain(env, browser, await outreachOf(env, job.tables, job.workspaceId), job);
  if (more) await env.CONTACT_QUEUE.send(job);
}

/**
 * A batch of contact jobs on one Browser Rendering session. Malformed jobs are logged and
 * acknowledged; a job whose run crashed (the engine itself never throws) is retried with a
 * growing delay.
 */
export async function handleContactBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const jobs = batch.messages.map((message) => ({ message, job: ContactMessage.safeParse(message.body) }));
  for (const { message, job } of jobs) {
    if (!job.success) {
      console.error(`rowpilot: malformed contact job ${message.id}: ${describeIssues(job.error.issues)}`);
      message.ack();
    }
  }
  const valid = jobs.filter((j) => j.job.success);
  if (valid.length === 0) return;
  const browser = lazyBrowser(env.BROWSER);
  try {
    await Promise.all(
      valid.map(async ({ message, job }) => {
        try {
          await runMessage(env, browser.get, job.data!);
          message.ack();
        } catch (error) {
          console.error(`rowpilot: contact job ${message.id} crashed: ${(error as Error).message}`);
          message.retry({ delaySeconds: RETRY_DELAY_S * message.attempts });
        }
      }),
    );
  } finally {
    await browser.release();
  }
}

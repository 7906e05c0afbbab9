/**
 * Contacting a project's dealerships: Start, Retry failed and Stop mark rows `queued` (or back to
 * `pending`) and start `concurrency` job chains on the contact-jobs queue; each chain takes queued
 * rows one at a time (the room hands each row to one chain only), runs the contact engine, and
 * writes the outcome, the screenshots and an Attempts row back into the tables.
 */
import type { Browser } from "@cloudflare/puppeteer";
import { SUGGESTED_FIX } from "../../automation/contact/outcome";
import { type Attachment, isTableFile } from "../../schema/attachments";
import { type ContactEvidence, type ContactJob, type ContactResult, SCREENSHOT_FORMAT } from "../../schema/contact";
import { type MessageContext, renderMessage } from "../../schema/message-template";
import {
  type ContactStatus,
  type ProjectContactJob,
  RETRYABLE_CATEGORIES,
  type StartResult,
} from "../../schema/projects";
import type { CellValue, RowQuery, RowRecord } from "../../schema/tables";
import { runContactJob } from "../queues/contact";
import { ProjectMissingError } from "./errors";
import { projectDetail } from "./records";
import { allRows, ofProject, projectOrigin, projectRow } from "./store";
import { byKey, type Outreach, reader } from "./tables";

/** A row left `running` this long was dropped by a worker that died (an attempt takes at most 90 s). */
export const STALE_RUNNING_MS = 15 * 60_000;

const now = () => new Date().toISOString();

function statusFilter(o: Outreach, status: ContactStatus): RowQuery["filters"][number] {
  const column = o.dealerships.keys.status;
  if (!column) throw new Error("the Dealerships table has lost its Contact status column");
  return { columnId: column, op: "eq", value: status };
}

/** Filters for the project's rows in `status` that have a website (the engine needs one). */
function eligible(o: Outreach, projectId: string, status: ContactStatus): RowQuery["filters"] {
  const filters = [...ofProject(o.dealerships, projectId), statusFilter(o, status)];
  if (o.dealerships.keys.website) filters.push({ columnId: o.dealerships.keys.website, op: "notempty", value: "" });
  return filters;
}

/** Marks the rows matching `filters` queued, all at once in the room; returns how many. */
async function queue(o: Outreach, filters: RowQuery["filters"]): Promise<number> {
  const taken = await o.dealerships.room.claimRows({
    filters,
    set: byKey(o.dealerships, { status: "queued" }),
    limit: Number.MAX_SAFE_INTEGER,
    origin: projectOrigin("queue-contact"),
  });
  return taken.length;
}

/**
 * A `running` row older than STALE_RUNNING_MS was dropped by a worker that died mid-attempt: the
 * form may or may not have been sent, so it fails as unconfirmed (never sent again unasked).
 */
async function failStale(o: Outreach, projectId: string): Promise<void> {
  const lastAttempt = o.dealerships.keys.lastAttempt;
  if (!lastAttempt) return;
  const stale = new Date(Date.now() - STALE_RUNNING_MS).toISOString();
  await o.dealerships.room.claimRows({
    filters: [
      ...ofProject(o.dealerships, projectId),
      statusFilter(o, "running"),
      { columnId: lastAttempt, op: "lt", value: stale.toLowerCase() },
    ],
    set: byKey(o.dealerships, {
      status: "failed",
      category: "submit_unconfirmed",
      reason: "The attempt was interrupted (its worker stopped); the form may or may not have been sent",
      suggestedFix: SUGGESTED_FIX.submit_unconfirmed,
    }),
    limit: Number.MAX_SAFE_INTEGER,
    origin: projectOrigin("stale-contact"),
  });
}

const countOf = async (o: Outreach, projectId: string, status: ContactStatus) =>
  (
    await o.dealerships.room.queryRows({
      filters: [...ofProject(o.dealerships, projectId), statusFilter(o, status)],
      sort: [],
      limit: 1,
      offset: 0,
    })
  ).total;

export type StartMode = { kind: "start" } | { kind: "retry-failed" } | { kind: "rows"; rowIds: string[] };

/**
 * Queues the dealerships `mode` names and starts a run: `concurrency` chains over every queued
 * dealer of the project (dealers left queued by an earlier run included). Chains of an earlier
 * run stop at their next dealer, so the newest run's dry-run setting holds for all. Rows picked
 * one by one (`rows`) join a run in progress as they are. Rows with no website stay as they are.
 */
export async function startContacting(
  env: Env,
  o: Outreach,
  projectId: string,
  mode: StartMode,
  dryRun: boolean,
): Promise<StartResult> {
  const project = await projectRow(o, projectId);
  if (!project) throw new ProjectMissingError();
  const settings = projectDetail(o, project).settings;
  await failStale(o, projectId);
  const inFlight = (await countOf(o, projectId, "queued")) + (await countOf(o, projectId, "running"));
  let queued = 0;
  if (mode.kind === "start") queued = await queue(o, eligible(o, projectId, "pending"));
  else if (mode.kind === "retry-failed") {
    const category = o.dealerships.keys.category;
    if (category)
      queued = await queue(o, [
        ...eligible(o, projectId, "failed"),
        { columnId: category, op: "anyof", value: RETRYABLE_CATEGORIES.join(",") },
      ]);
  } else {
    const mine = new Set((await allRows(o.dealerships, ofProject(o.dealerships, projectId))).map((r) => r.id));
    const rows = (await o.dealerships.room.readRows(mode.rowIds.filter((id) => mine.has(id)))).filter((row) =>
      /^https?:\/\//i.test(reader(o.dealerships, row.cells).text("website")),
    );
    const status = o.dealerships.keys.status;
    if (status && rows.length)
      queued = (
        await o.dealerships.room.claimRowsById({
          rowIds: rows.map((r) => r.id),
          columnId: status,
          anyOf: ["pending", "failed"],
          set: byKey(o.dealerships, { status: "queued" }),
          origin: projectOrigin("queue-contact"),
        })
      ).length;
    // A run is going: its chains take these rows too.
    if (inFlight > 0) return { queued, dryRun: reader(o.projects, project.cells).get("dryRun") === true };
  }
  const run = now();
  await o.projects.room.patchRow(
    projectId,
    byKey(o.projects, { status: "active", runStarted: run, dryRun }),
    projectOrigin("start-automation"),
  );
  const job: ProjectContactJob = {
    kind: "project-contact",
    workspaceId: o.workspaceId,
    tables: o.ids,
    projectId,
    run,
    dryRun,
    batchSize: settings.batchSize,
  };
  const chains = Math.min(settings.concurrency, await countOf(o, projectId, "queued"));
  if (chains > 0) await env.CONTACT_QUEUE.sendBatch(Array.from({ length: chains }, () => ({ body: job })));
  return { queued, dryRun };
}

/** Puts the project's queued dealerships back to pending; chains find nothing left and end. */
export async function stopContacting(o: Outreach, projectId: string): Promise<number> {
  const stopped = await o.dealerships.room.claimRows({
    filters: [...ofProject(o.dealerships, projectId), statusFilter(o, "queued")],
    set: byKey(o.dealerships, { status: "pending" }),
    limit: Number.MAX_SAFE_INTEGER,
    origin: projectOrigin("stop-contact"),
  });
  return stopped.length;
}

/** The sender's "Vehicle of interest" (or any extra field naming a vehicle), for forms that ask. */
const vehicleOf = (extra: Record<string, string>) =>
  Object.entries(extra).find(([label, value]) => /vehicle/i.test(label) && value.trim())?.[1];

/** The contact engine's job for one dealership of the project. */
export function contactJobFor(o: Outreach, project: RowRecord, dealer: RowRecord, dryRun: boolean): ContactJob | null {
  const p = projectDetail(o, project);
  const d = reader(o.dealerships, dealer.cells);
  const wanted = new Set<string>(p.makes);
  const makes = d.list("makes").filter((m) => wanted.has(m));
  const ctx: MessageContext = {
    dealership: { name: d.text("name"), city: d.text("city") },
    makes: makes.length ? makes : p.makes,
    sender: p.sender,
    project: { name: p.name },
  };
  const url = d.text("website");
  if (!/^https?:\/\//i.test(url)) return null;
  const message = renderMessage(p.message, ctx);
  return {
    workspaceId: o.workspaceId,
    rowRef: { tableId: o.ids.dealerships, rowId: dealer.id },
    url,
    profile: {
      firstName: p.sender.firstName,
      lastName: p.sender.lastName,
      email: p.sender.email,
      phone: p.sender.phone,
      zip: p.sender.zip,
      message,
      vehicleOfInterest: vehicleOf(p.sender.extra) ?? ctx.makes[0] ?? "",
    },
    message,
    dryRun,
  };
}

/** Copies the attempt's screenshots under the Attempts table, whose cells may only hold its own files. */
async function copyScreenshots(env: Env, o: Outreach, shots: Attachment[]): Promise<Attachment[]> {
  const copies: Attachment[] = [];
  for (const shot of shots) {
    const object = await env.FILES.get(shot.key);
    if (!object) continue;
    const key = shot.key.replace(`contact/${o.ids.dealerships}/`, `contact/${o.ids.attempts}/`);
    if (!isTableFile(o.ids.attempts, key)) continue;
    await env.FILES.put(key, await object.arrayBuffer(), {
      httpMetadata: { contentType: SCREENSHOT_FORMAT.contentType },
    });
    copies.push({ ...shot, key });
  }
  return copies;
}

async function screenshotsOf(env: Env, result: ContactResult): Promise<Attachment[]> {
  return Promise.all(
    result.screenshots.map(async (s) => {
      const head = await env.FILES.head(s.ref);
      return {
        key: s.ref,
        name: `${s.label}.${SCREENSHOT_FORMAT.extension}`,
        type: SCREENSHOT_FORMAT.contentType,
        size: head?.size ?? 0,
      };
    }),
  );
}

/** Writes one attempt's outcome into the dealership's row and a new Attempts row. */
export async function recordOutcome(
  env: Env,
  o: Outreach,
  projectId: string,
  dealer: RowRecord,
  result: ContactResult,
  started: string,
  dryRun: boolean,
): Promise<void> {
  const shots = await screenshotsOf(env, result);
  const previous = reader(o.dealerships, dealer.cells).number("attempts") ?? 0;
  const status: ContactStatus = result.outcome === "failure" ? "failed" : dryRun ? "pending" : "success";
  const finished = now();
  await o.dealerships.room.patchRow(
    dealer.id,
    byKey(o.dealerships, {
      status,
      category: result.category,
      reason: result.outcome === "failure" ? result.reason : dryRun ? `Dry run: ${result.reason}` : "",
      suggestedFix: result.suggestedFix ?? "",
      attempts: previous + 1,
      lastAttempt: finished,
      screenshots: shots as unknown as CellValue,
    }),
    projectOrigin("contact"),
  );
  await o.attempts.room.insertRows(
    [
      byKey(o.attempts, {
        dealership: [dealer.id],
        project: [projectId],
        started,
        finished,
        outcome: result.outcome === "failure" ? "failure" : dryRun ? "dry_run" : "success",
        category: result.category,
        reason: result.reason,
        evidence: evidenceText(result.evidence),
        suggestedFix: result.suggestedFix ?? "",
        screenshots: (await copyScreenshots(env, o, shots)) as unknown as CellValue,
        fields: Object.keys(result.fields),
        duration: Math.round(result.durationMs / 100) / 10,
        contactPage: result.contactPage,
      }),
    ],
    projectOrigin("contact"),
  );
}

/** A success's proof as a person audits it in the Attempts table: the request, then the words. */
export function evidenceText(evidence: ContactEvidence | null): string {
  if (!evidence) return "";
  const lines = [evidence.summary];
  if (evidence.request) {
    const { method, url, status, fields } = evidence.request;
    lines.push(`Request: ${method} ${url} → HTTP ${status}; carried ${fields.join(", ")}`);
  }
  if (evidence.confirmation)
    lines.push(`Confirmation: “${evidence.confirmation.text}” (${evidence.confirmation.where})`);
  return lines.join("\n");
}

/** A result for a dealer the engine could not be started for (no usable website, a crash). */
export function failedBeforeStart(url: string, reason: string): ContactResult {
  return {
    url,
    outcome: "failure",
    category: "error",
    reason,
    suggestedFix: "Check the dealer's website address, then retry.",
    contactPage: null,
    submitted: false,
    fields: {},
    notes: [],
    evidence: null,
    screenshots: [],
    durationMs: 0,
  };
}

/** `.example` is reserved (RFC 2606) and never resolves: the sample directory's dealers live there. */
function isReservedExample(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith(".example");
  } catch {
    return false;
  }
}

/**
 * One link of a chain: contacts up to `batchSize` queued dealerships of the project in turn.
 * Returns whether it stopped at the batch limit (so the caller passes the baton on).
 */
export async function runChain(
  env: Env,
  browser: () => Promise<Browser>,
  o: Outreach,
  job: ProjectContactJob,
): Promise<boolean> {
  for (let done = 0; done < job.batchSize; done++) {
    const project = await projectRow(o, job.projectId);
    // A newer run (or a deleted project) retires this chain; the newer run's chains take over.
    if (!project || reader(o.projects, project.cells).text("runStarted") !== job.run) return false;
    const started = now();
    const [dealer] = await o.dealerships.room.claimRows({
      filters: [...ofProject(o.dealerships, job.projectId), statusFilter(o, "queued")],
      sort: o.dealerships.keys.distance ? [{ columnId: o.dealerships.keys.distance, direction: "asc" }] : [],
      set: byKey(o.dealerships, { status: "running", lastAttempt: started }),
      limit: 1,
      origin: projectOrigin("contact"),
    });
    if (!dealer) return false;
    const contact = contactJobFor(o, project, dealer, job.dryRun);
    let result: ContactResult;
    if (contact && isReservedExample(contact.url)) {
      result = {
        ...failedBeforeStart(contact.url, "A fictional dealer from the sample directory: its website does not exist"),
        category: "no_contact_page",
        suggestedFix: "Find real dealers (OpenStreetMap, Outscraper, Google Places or a CSV) to contact them.",
      };
    } else if (!contact) {
      result = failedBeforeStart(
        reader(o.dealerships, dealer.cells).text("website"),
        "The website is not an http(s) address",
      );
    } else {
      let page: Browser;
      try {
        page = await browser();
      } catch (error) {
        // No browser, no attempt: the dealer waits in the queue and the message is tried again.
        await o.dealerships.room.patchRow(
          dealer.id,
          byKey(o.dealerships, { status: "queued" }),
          projectOrigin("contact"),
        );
        throw error;
      }
      try {
        result = await runContactJob(env, page, contact);
      } catch (error) {
        result = failedBeforeStart(contact.url, `The contact engine crashed: ${(error as Error).message}`);
      }
    }
    await recordOutcome(env, o, job.projectId, dealer, result, started, job.dryRun);
  }
  return true;
}

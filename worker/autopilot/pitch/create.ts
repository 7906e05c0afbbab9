/**
 * Pitch messages written for published sites whose business has none yet, up to
 * `caps.createPitches` a cycle (ledger "pitch", item = the site): an email to the Businesses row
 * through the message writer (Claude with the workspace's key, else the pitch template), linked
 * to its site. A business without an email fails once with cause "no email" and is passed over
 * by later cycles until someone fills its Email.
 */
import type { PhaseResult } from "../../../schema/autopilot";
import { AUTOPILOT_NOTE_COLUMN } from "../../../schema/autopilot-tables";
import { reader } from "../../kinds/tables";
import { MessageInputError } from "../../messaging/errors";
import { writeDraft } from "../../messaging/writer";
import type { SiteRecord } from "../../sites/generate";
import { causeOf, type Outcome, runCapped } from "../capped";
import { historyOf } from "../items";
import { noteRows } from "../note";
import { hasPitch, publishedWithoutPitch } from "./rows";
import { budgetGate, type PitchRun } from "./run";

const NO_EMAIL = "no email";
/** Published sites past the cap counted as skipped: each costs a look-up in Messages. */
const SKIPPED_PEEK = 20;

async function emailOf(run: PitchRun, businessRowId: string): Promise<string> {
  const [row] = await run.h.businesses.room.readRows([businessRowId]);
  return row ? reader(run.h.businesses, row.cells).text("email").trim() : "";
}

/** Sites pitched by an earlier cycle, and those whose business still has no email since one said so. */
async function passedOver(run: PitchRun, sites: SiteRecord[]): Promise<Set<string>> {
  const history = await historyOf(
    run.ctx,
    "pitch",
    sites.map((s) => s.id),
  );
  const leave = new Set<string>();
  for (const site of sites) {
    const rows = history.get(site.id) ?? [];
    if (rows.some((r) => r.state === "done")) leave.add(site.id);
    else if (rows.some((r) => r.state === "failed" && causeOf(r.detail) === NO_EMAIL)) {
      if (!site.businessRowId || !(await emailOf(run, site.businessRowId))) leave.add(site.id);
    }
  }
  return leave;
}

async function writePitch(run: PitchRun, site: SiteRecord): Promise<Outcome> {
  const { ctx, h, messaging } = run;
  const businessRowId = site.businessRowId!;
  const note = (what: string) => noteRows(ctx, h.businesses, [{ rowId: businessRowId, what }]);
  if (!(await emailOf(run, businessRowId))) {
    await note("Not pitched: the business has no email");
    return { state: "failed", cause: NO_EMAIL };
  }
  try {
    const draft = await writeDraft(ctx.env, ctx.db, ctx.workspaceId, ctx.actorId, {
      recipientTable: h.ids.businesses,
      recipientRowId: businessRowId,
      channel: "email",
    });
    const what = `Pitch written (${draft.writer === "ai" ? "by Claude" : "from the pitch template"})`;
    // A Messages table made before the Sites table has no Site column: the link is left out then.
    await noteRows(ctx, messaging.messages, [{ rowId: draft.id, what, cells: { site: [site.id] } }]);
    await note(what);
    return { state: "done", detail: draft.id };
  } catch (error) {
    const message = (error as Error).message;
    await note(`Pitch not written: ${message}`);
    const cause = error instanceof MessageInputError ? "bad email" : "writer";
    return { state: "failed", cause, detail: message };
  }
}

/** The business's drafts that lack the Autopilot note (a pitch written by a cycle that died before noting it) get it. */
async function markUnnotedDrafts(run: PitchRun, businessRowId: string, siteId: string): Promise<void> {
  const { messages } = run.messaging;
  const recipient = messages.keys.recipientRowId;
  if (!recipient) return;
  const { rows } = await messages.room.queryRows({
    filters: [{ columnId: recipient, op: "eq", value: businessRowId }],
    sort: [],
    limit: 10,
    offset: 0,
  });
  const unnoted = rows.filter((row) => {
    const r = reader(messages, row.cells);
    return (
      r.text("status") === "draft" && !r.text(AUTOPILOT_NOTE_COLUMN.key) && (r.text("direction") || "out") === "out"
    );
  });
  await noteRows(
    run.ctx,
    messages,
    unnoted.map((row) => ({ rowId: row.id, what: "Pitch written", cells: { site: [siteId] } })),
  );
}

export async function createPitches(run: PitchRun, result: PhaseResult): Promise<void> {
  await runCapped(run.ctx, result, {
    action: "pitch",
    cap: run.ctx.settings.caps.createPitches,
    counter: "created",
    peek: SKIPPED_PEEK,
    candidates: (limit, exclude) => publishedWithoutPitch(run, limit, exclude, (sites) => passedOver(run, sites)),
    act: (site) => writePitch(run, site),
    settle: async (siteId) => {
      const [row] = await run.sites.room.readRows([siteId]);
      const business = row ? reader(run.sites, row.cells).list("business")[0] : undefined;
      if (!business || !(await hasPitch(run, business))) return { state: "failed", cause: "interrupted" };
      // Written before the Worker died, its note perhaps not: without the note it would never be sent.
      await markUnnotedDrafts(run, business, siteId);
      return { state: "done" };
    },
    gate: budgetGate(run, "anthropic", run.agents),
  });
}

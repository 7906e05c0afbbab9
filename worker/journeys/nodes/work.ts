/**
 * The nodes that start work elsewhere in the product: contact automation for an outreach
 * Dealerships row, a site for a Businesses row (published when the node says so and a version is
 * ready), and a notification to a person (a done Handoffs row in their Inbox and an audit entry).
 * A refusal is the step's outcome and the journey goes on; a failure worth retrying throws.
 */
import { eq } from "drizzle-orm";
import { renderTemplate } from "../../../automation/journeys/render";
import { workspace } from "../../../schema/db";
import { HUNTING_KINDS } from "../../../schema/hunting-tables";
import type { NodeOf } from "../../../schema/journeys";
import { isBusySite } from "../../../schema/sites-api";
import { audit } from "../../api/audit";
import type { Db } from "../../db";
import { HuntingMissingError } from "../../hunting/errors";
import { findHunting } from "../../hunting/tables";
import { runOutreachOp } from "../../projects/buttons";
import { generateSite, publishSite, SiteBusyError, SiteInputError } from "../../sites/generate";
import { SiteFindingsError } from "../../sites/quality-store";
import { findSites } from "../../sites/tables";
import { handoffContext } from "../handoff-context";
import { writeHandoff } from "../handoffs";
import { leadNameOf } from "../lead";
import { type NodeResult, type RunContext, stepKeyOf } from "../run-context";

const failed = (why: string): NodeResult => ({ outcome: `failed: ${why}`, edge: "next" });

export async function runStartContact(env: Env, run: RunContext): Promise<NodeResult> {
  const done = await runOutreachOp(env, run.tableId, run.rowId, "contact");
  if (done.outcome === "succeeded") return { outcome: `contact started: ${done.detail}`, edge: "next" };
  if (done.retryable) throw new Error(`Contact automation: ${done.detail}`);
  return failed(done.detail);
}

export async function runGenerateSite(
  env: Env,
  db: Db,
  run: RunContext,
  node: NodeOf<"generate-site">,
): Promise<NodeResult> {
  const table = await db.query.dataTable.findFirst({ where: (t, { eq: is }) => is(t.id, run.tableId) });
  const hunting = await findHunting(env, db, run.workspaceId);
  if (!hunting || table?.kind !== HUNTING_KINDS.businesses) return failed("sites are made for Businesses rows");
  try {
    const site = await generateSite(env, hunting, run.rowId, null);
    if (!node.publish) return { outcome: `site generated: version ${site.version} of /s/${site.slug}/`, edge: "next" };
    // With the AI agents the version is made on the generate queue: there is nothing to publish yet.
    if (isBusySite(site.status))
      return { outcome: `site queued: /s/${site.slug}/ is published by hand when ready`, edge: "next" };
    const sites = await findSites(env, db, run.workspaceId);
    if (!sites) return failed("the workspace has no Sites table");
    const published = await publishSite(env, run.workspaceId, sites, site.id);
    return { outcome: `site published at ${published.url}`, edge: "next" };
  } catch (error) {
    if (
      error instanceof HuntingMissingError ||
      error instanceof SiteBusyError ||
      error instanceof SiteInputError ||
      error instanceof SiteFindingsError
    )
      return failed(error.message);
    throw error;
  }
}

export async function runNotify(env: Env, db: Db, run: RunContext, node: NodeOf<"notify">): Promise<NodeResult> {
  const message = renderTemplate(node.message, run.row);
  const to = renderTemplate(node.to, run.row);
  const context = await handoffContext(env, db, run, message, node.id);
  const id = await writeHandoff(env, db, {
    workspaceId: run.workspaceId,
    leadTable: run.tableId,
    leadRowId: run.rowId,
    leadName: leadNameOf(run.row, run.rowId),
    journeyId: run.journeyId,
    enrollmentId: null,
    stepKey: stepKeyOf(run),
    to,
    reason: message,
    status: "done",
    context,
  });
  const ws = await db.query.workspace.findFirst({ where: eq(workspace.id, run.workspaceId) });
  if (ws)
    await audit(db, { workspace: ws, actor: { kind: "anonymous" } }, "journeys.notify", id, {
      to,
      message,
      journey: run.journeyId,
      node: node.id,
      lead: run.rowId,
    });
  return { outcome: `notified ${to}`, edge: "next" };
}

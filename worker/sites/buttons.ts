/** The site buttons: Generate site on a Businesses row, Publish and Unpublish on a Sites row. */
import { eq } from "drizzle-orm";
import type { ActionOutcome } from "../../automation/actions";
import { dataTable } from "../../schema/db";
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import { SITES_KINDS, type SiteOp } from "../../schema/sites-tables";
import { getDb } from "../db";
import { HuntingMissingError } from "../hunting/errors";
import { findHunting } from "../hunting/tables";
import { generateSite, publishSite, SiteBusyError, unpublishSite } from "./generate";
import { SiteFindingsError } from "./quality-store";
import { findSites } from "./tables";

const refused = (detail: string): ActionOutcome => ({ outcome: "failed", detail, retryable: false });

/** `ruleId` is set when a rule, not a person's click, asked: automation never publishes a version with findings. */
export async function runSitesOp(
  env: Env,
  tableId: string,
  rowId: string,
  op: SiteOp,
  ruleId: string | null = null,
): Promise<ActionOutcome> {
  const db = getDb(env.DB);
  const table = await db.query.dataTable.findFirst({ where: eq(dataTable.id, tableId) });
  const h = table ? await findHunting(env, db, table.workspaceId) : null;
  if (!table || !h) return refused("Sites are made from a workspace's Businesses");
  try {
    if (table.kind === HUNTING_KINDS.businesses && op === "generate") {
      const site = await generateSite(env, h, rowId, null);
      return { outcome: "succeeded", detail: `Version ${site.version} of /s/${site.slug}/ is ready for review` };
    }
    const sites = await findSites(env, db, table.workspaceId);
    if (table.kind === SITES_KINDS.sites && sites && op === "publish") {
      // A person's click: the grid asked first (the button's confirmation names the findings).
      const site = await publishSite(env, h.workspaceId, sites, rowId, { confirm: ruleId === null });
      return { outcome: "succeeded", detail: `Published at ${site.url}` };
    }
    if (table.kind === SITES_KINDS.sites && sites && op === "unpublish") {
      await unpublishSite(env, h.workspaceId, sites, rowId);
      return { outcome: "succeeded", detail: "Taken offline" };
    }
    return refused(`${op} is not a button of this table`);
  } catch (error) {
    if (error instanceof HuntingMissingError || error instanceof SiteBusyError || error instanceof SiteFindingsError)
      return refused(error.message);
    throw error;
  }
}

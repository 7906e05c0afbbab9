/**
 * The hunting tables' buttons, pressed in the grid: Scrape and Scrape again on a Territories row
 * (the press already runs as a queue job, so the scrape runs here, not on another queue), Find
 * email and Rescore on a Businesses row.
 */
import { eq } from "drizzle-orm";
import type { ActionOutcome } from "../../automation/actions";
import { dataTable } from "../../schema/db";
import { HUNTING_KINDS, type HuntingOp } from "../../schema/hunting-tables";
import { getDb } from "../db";
import { reader } from "../kinds/tables";
import { providerKeys } from "../projects/discover";
import { CooldownError, HuntingBusyError, HuntingInputError, HuntingMissingError } from "./errors";
import { findEmail } from "./find-email";
import { rescore } from "./rescore";
import { beginScrape, runScrape } from "./scrape";
import { readHuntingSettings } from "./settings";
import { findHunting, type Hunting } from "./tables";

const done = (detail: string): ActionOutcome => ({ outcome: "succeeded", detail });
const refused = (detail: string): ActionOutcome => ({ outcome: "failed", detail, retryable: false });

async function onTerritory(env: Env, h: Hunting, rowId: string, force: boolean): Promise<ActionOutcome> {
  const db = getDb(env.DB);
  const settings = await readHuntingSettings(db, h.workspaceId);
  const options = { source: settings.defaultSource, force, trigger: "button" as const, settings };
  const runId = await beginScrape(h, rowId, options);
  const result = await runScrape(env, h, rowId, runId, await providerKeys(env, db, h.workspaceId), options);
  const tiles = result.tiles > 1 ? ` in ${result.tiles} searches` : "";
  return done(`Found ${result.found}${tiles}: ${result.added} new, ${result.qualified} qualified`);
}

async function onBusiness(env: Env, h: Hunting, rowId: string, op: HuntingOp): Promise<ActionOutcome> {
  if (op === "find-email") {
    const found = await findEmail(env, h, rowId);
    if (found.email !== null) return done(`${found.email} (${found.source}${found.page ? `, ${found.page}` : ""})`);
    return refused(found.tried.length ? `No email on ${found.tried.join(", ")}` : "No website of its own to look on");
  }
  const scored = await rescore(h, rowId);
  const r = reader(h.businesses, scored.cells);
  return done(`Score ${r.text("score") || "0"}${r.get("qualified") === true ? ", qualified" : ""}`);
}

/** Runs `op` for the row `rowId` of table `tableId`, which must be one of its workspace's hunting tables. */
export async function runHuntingOp(
  env: Env,
  tableId: string,
  rowId: string,
  op: HuntingOp,
  columnId: string | null,
): Promise<ActionOutcome> {
  // An owner's press is checked by the button's route; a rule has no owner to ask.
  if (op === "scrape-force" && !columnId)
    return refused("Scrape again during a cooldown is a button, not a rule's action");
  const db = getDb(env.DB);
  const table = await db.query.dataTable.findFirst({ where: eq(dataTable.id, tableId) });
  const h = table ? await findHunting(env, db, table.workspaceId) : null;
  if (!table || !h) return refused("This table is not a hunting table");
  try {
    if (table.kind === HUNTING_KINDS.territories && (op === "scrape" || op === "scrape-force"))
      return await onTerritory(env, h, rowId, op === "scrape-force");
    if (table.kind === HUNTING_KINDS.businesses && (op === "find-email" || op === "rescore"))
      return await onBusiness(env, h, rowId, op);
    return refused(`${op} is not a button of this table`);
  } catch (error) {
    if (
      error instanceof HuntingMissingError ||
      error instanceof HuntingInputError ||
      error instanceof HuntingBusyError ||
      error instanceof CooldownError
    )
      return refused(error.message);
    // A scrape's failure is written to its territory and run; the press says why.
    return refused((error as Error).message);
  }
}

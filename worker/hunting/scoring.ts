/**
 * Lead scoring settings applied to the Businesses table: its Score and Qualified formulas
 * rewritten with the column names it has now, then the leads the new rules qualify promoted (the
 * built-in rule fires on edits, and rewriting a formula edits no row).
 */
import { qualifiedFormula, scoreFormula, socialOnlyFormula } from "../../automation/hunting";
import type { ScoringSettings } from "../../schema/hunting";
import { byKey, reader, tableHandle } from "../kinds/tables";
import { allRows } from "../projects/store";
import { type Hunting, scoringColumns } from "./tables";
import { huntingOrigin } from "./territories";

/** Rows written per room call. */
const WRITE_CHUNK = 500;

/**
 * Rewrites Businesses' Score and Qualified formulas from `scoring`. Throws when the table refuses
 * (a column someone deleted is skipped: there is nothing to score into).
 */
async function rewriteFormulas(env: Env, hunting: Hunting, scoring: ScoringSettings): Promise<void> {
  const columns = scoringColumns(hunting.businesses);
  const formulas = {
    score: scoreFormula(scoring, columns),
    qualified: qualifiedFormula(scoring, columns),
    socialOnly: socialOnlyFormula(columns),
  };
  for (const [key, formula] of Object.entries(formulas)) {
    const id = hunting.businesses.keys[key];
    if (!id) continue;
    const written = await hunting.businesses.room.updateColumnOptions(id, { formula }, "lead-scoring");
    if (!written.ok) throw new Error(`${key}: ${written.message}`);
  }
  hunting.businesses = await tableHandle(env, hunting.ids.businesses);
}

/** Businesses now qualified whose lead status is still blank or new become qualified leads. */
async function promoteQualified(h: Hunting): Promise<number> {
  const rows = await allRows(h.businesses, []);
  const promote = rows.filter((row) => {
    const r = reader(h.businesses, row.cells);
    return r.get("qualified") === true && (r.text("leadStatus") === "" || r.text("leadStatus") === "new");
  });
  const cells = byKey(h.businesses, { leadStatus: "qualified" });
  for (let i = 0; i < promote.length; i += WRITE_CHUNK) {
    const chunk = promote.slice(i, i + WRITE_CHUNK).map((row) => ({ id: row.id, cells }));
    const written = await h.businesses.room.patchRows(chunk, huntingOrigin("lead-scoring"));
    if (!written.ok) throw new Error(written.message);
  }
  return promote.length;
}

export async function applyScoring(env: Env, h: Hunting, scoring: ScoringSettings): Promise<void> {
  await rewriteFormulas(env, h, scoring);
  await promoteQualified(h);
}

/**
 * A workspace's hunting tables (Territories, Businesses, Scrape runs), found by kind and made from
 * the "Business hunting" template the first time they are needed. Businesses' Score and
 * Qualified formulas are written from the workspace's scoring settings, with the column names the
 * table has now, and a built-in rule, which people can see and switch off, marks qualified
 * businesses' lead status "qualified".
 */
import {
  DEFAULT_SCORING_COLUMNS,
  qualifiedFormula,
  type ScoringColumns,
  scoreFormula,
  socialOnlyFormula,
} from "../../automation/hunting";
import { HUNTING_KINDS, HUNTING_TABLES, type HuntingTable } from "../../schema/hunting-tables";
import type { Db } from "../db";
import { ensureKindIds, findKindIds, type KindTemplate, type TableHandle, tableHandle } from "../kinds/tables";
import { readHuntingSettings } from "./settings";

export type Hunting = Record<HuntingTable, TableHandle> & { ids: Record<HuntingTable, string>; workspaceId: string };

const TEMPLATE: KindTemplate<HuntingTable> = {
  order: ["territories", "businesses", "runs"],
  kinds: HUNTING_KINDS,
  tables: HUNTING_TABLES,
};

/** The built-in rule's id in the Businesses room: saving it again replaces it, never adds one. */
export const QUALIFIED_RULE_ID = "hunting-qualified";
/** Every business of a scrape may turn qualified at once. */
const QUALIFIED_RULE_RATE = 10_000;

export async function huntingOf(env: Env, ids: Record<HuntingTable, string>, workspaceId: string): Promise<Hunting> {
  const [territories, businesses, runs] = await Promise.all(TEMPLATE.order.map((t) => tableHandle(env, ids[t])));
  return { territories: territories!, businesses: businesses!, runs: runs!, ids, workspaceId };
}

export async function findHunting(env: Env, db: Db, workspaceId: string): Promise<Hunting | null> {
  const ids = await findKindIds(db, workspaceId, TEMPLATE);
  return ids ? huntingOf(env, ids, workspaceId) : null;
}

/** The names the scoring formulas use, as the Businesses table calls those columns now. */
export function scoringColumns(businesses: TableHandle): ScoringColumns {
  const nameOf = (key: keyof ScoringColumns) =>
    businesses.columns.find((c) => c.id === businesses.keys[key])?.name ?? DEFAULT_SCORING_COLUMNS[key];
  return {
    website: nameOf("website"),
    email: nameOf("email"),
    rating: nameOf("rating"),
    reviews: nameOf("reviews"),
    chain: nameOf("chain"),
    score: nameOf("score"),
  };
}

async function saveQualifiedRule(hunting: Hunting): Promise<void> {
  const name = (key: string) => hunting.businesses.columns.find((c) => c.id === hunting.businesses.keys[key])?.name;
  const qualified = name("qualified");
  const status = name("leadStatus");
  if (!qualified || !status) return;
  const existing = (await hunting.businesses.room.listRules()).find((r) => r.id === QUALIFIED_RULE_ID);
  if (existing) return;
  const saved = await hunting.businesses.room.saveRule({
    id: QUALIFIED_RULE_ID,
    name: "Qualified businesses become qualified leads",
    enabled: true,
    when: `AND({${qualified}}, OR({${status}} = BLANK(), {${status}} = "new"))`,
    watch: null,
    action: { name: "set-fields", params: { fields: { [status]: "qualified" } } },
    reactToAutomation: true,
    ratePerMinute: QUALIFIED_RULE_RATE,
    start: { kind: "change" },
  });
  if (!saved.ok) throw new Error(`the qualified-lead rule: ${saved.message}`);
}

/** The workspace's hunting tables, made from the template (with its scoring) when any is missing. */
export async function ensureHunting(env: Env, db: Db, workspaceId: string, createdBy: string | null): Promise<Hunting> {
  const found = await findHunting(env, db, workspaceId);
  if (found) return found;
  const { scoring } = await readHuntingSettings(db, workspaceId);
  const formulas: Record<string, string> = {
    score: scoreFormula(scoring),
    qualified: qualifiedFormula(scoring),
    socialOnly: socialOnlyFormula(),
  };
  const ids = await ensureKindIds(env, db, workspaceId, createdBy, TEMPLATE, (table, column) =>
    table === "businesses" && formulas[column.key] ? { formula: formulas[column.key] } : {},
  );
  const hunting = await huntingOf(env, ids, workspaceId);
  await saveQualifiedRule(hunting);
  return hunting;
}

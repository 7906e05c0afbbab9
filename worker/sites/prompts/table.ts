/**
 * A workspace's Prompts table: found by its kind, made and seeded with the default prompt
 * sections (version 1, variant "default", active) the first time a site job or a screen needs it,
 * read by stable column key. A row whose agent or section the pipeline does not know is left out.
 */
import { DEFAULT_PROMPT_SECTIONS } from "../../../automation/sites/agents";
import {
  PROMPT_SECTION_KINDS,
  type PromptSection,
  SITE_AGENT_LABELS,
  SITE_AGENTS,
  type SiteAgent,
} from "../../../schema/site-agents";
import { DEFAULT_VARIANT, PROMPTS_COLUMNS, PROMPTS_KIND, type PromptRow } from "../../../schema/site-prompts";
import type { CellValue, RowRecord } from "../../../schema/tables";
import { createTable } from "../../api/tables";
import type { Db } from "../../db";
import { byKey, idOfKind, reader, type TableHandle, tableHandle } from "../../kinds/tables";
import { allRows } from "../../projects/store";

export const promptsOrigin = { kind: "automation" as const, job: "site-prompts" };

/** The seed rows: every default section as version 1 of the default variant, unused. */
const seedRow = (s: PromptSection): Record<string, CellValue> => ({
  agent: s.agent,
  section: s.section,
  text: s.text,
  version: 1,
  variant: DEFAULT_VARIANT,
  active: true,
  uses: 0,
  successes: 0,
});

export async function findPrompts(env: Env, db: Db, workspaceId: string): Promise<TableHandle | null> {
  const id = await idOfKind(db, workspaceId, PROMPTS_KIND);
  return id ? tableHandle(env, id) : null;
}

/** The Prompts table, made and seeded when the workspace has none. */
export async function ensurePrompts(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
): Promise<TableHandle> {
  const found = await findPrompts(env, db, workspaceId);
  if (found) return found;
  let id: string;
  try {
    ({ id } = await createTable(env, db, {
      workspaceId,
      name: "Prompts",
      kind: PROMPTS_KIND,
      createdBy,
      columns: PROMPTS_COLUMNS.map((c) => ({ name: c.name, type: c.type, options: { ...c.options, key: c.key } })),
    }));
  } catch (error) {
    // Another request made it first (one table of a kind per workspace) and seeds it.
    const made = await findPrompts(env, db, workspaceId);
    if (!made) throw error;
    return made;
  }
  const table = await tableHandle(env, id);
  const seeded = await table.room.insertRows(
    DEFAULT_PROMPT_SECTIONS.map((s) => byKey(table, seedRow(s))),
    promptsOrigin,
  );
  if (!seeded.ok) throw new Error(`The Prompts table could not be seeded: ${seeded.message}`);
  return table;
}

/** An agent as a cell names it: its key (artDirector) or its label (Art Director), any case. */
function agentOf(text: string): SiteAgent | null {
  const wanted = text.trim().toLowerCase();
  return SITE_AGENTS.find((a) => a.toLowerCase() === wanted || SITE_AGENT_LABELS[a].toLowerCase() === wanted) ?? null;
}

/** A Prompts row as the pipeline reads it, or null when its agent or section is not one it knows. */
export function promptRow(table: TableHandle, row: RowRecord): PromptRow | null {
  const r = reader(table, row.cells);
  const agent = agentOf(r.text("agent"));
  const section = PROMPT_SECTION_KINDS.find((kind) => kind === r.text("section").trim().toLowerCase());
  if (!agent || !section) return null;
  return {
    id: row.id,
    agent,
    section,
    text: r.text("text"),
    variant: r.text("variant").trim() || DEFAULT_VARIANT,
    version: r.number("version") ?? 1,
    active: r.get("active") === true,
    uses: r.number("uses") ?? 0,
    successes: r.number("successes") ?? 0,
  };
}

export async function promptRows(table: TableHandle): Promise<PromptRow[]> {
  return (await allRows(table, [])).flatMap((row) => promptRow(table, row) ?? []);
}

/**
 * Adds one to a counter of each row (`uses` with `lastUsed`, or `successes`), read just before
 * the write. The room has no increment, so two jobs counting the same row in the same instant may
 * count once; site jobs run one at a time per batch, which keeps that rare. A count that cannot be
 * written is logged, never thrown: it must not cost a person the version or the publish it counts.
 */
export async function countOnce(
  table: TableHandle,
  rowIds: readonly string[],
  counter: "uses" | "successes",
  now = new Date(),
): Promise<void> {
  try {
    const rows = await table.room.readRows([...new Set(rowIds)]);
    if (!rows.length) return;
    const patches = rows.map((row) => {
      const count = (reader(table, row.cells).number(counter) ?? 0) + 1;
      const cells: Record<string, CellValue> =
        counter === "uses" ? { uses: count, lastUsed: now.toISOString() } : { successes: count };
      return { id: row.id, cells: byKey(table, cells) };
    });
    const written = await table.room.patchRows(patches, promptsOrigin);
    if (!written.ok) throw new Error(written.message);
  } catch (error) {
    console.error(`rowpilot: Prompts table ${table.id}: ${counter} not counted: ${(error as Error).message}`);
  }
}

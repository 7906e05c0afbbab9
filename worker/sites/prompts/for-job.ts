/**
 * The prompts of one generation, from the workspace's Prompts table: one variant per agent that
 * runs, checked before any model is called (an unknown placeholder or a missing section is a
 * `PromptError` naming the agent, section, placeholder and variant), then recorded with each
 * stage and counted as used.
 */
import { checkPrompt, PromptError } from "../../../automation/sites/agents";
import {
  chooseVariants,
  sectionsOf,
  type VariantChoice,
  variantsLine,
} from "../../../automation/sites/agents/prompts/variants";
import { type PromptSection, SITE_AGENTS, type SiteAgent, type StageRecord } from "../../../schema/site-agents";
import type { Db } from "../../db";
import type { TableHandle } from "../../kinds/tables";
import { countOnce, ensurePrompts, promptRows } from "./table";

export type JobPrompts =
  | { ok: true; table: TableHandle; choices: VariantChoice[]; sections: PromptSection[] }
  | { ok: false; error: string };

/**
 * The chosen variants of the agents that run (`from` and those after it) for the site, or the
 * error that stops the generation before any model is called.
 */
export async function promptsForJob(
  env: Env,
  db: Db,
  workspaceId: string,
  siteId: string,
  from: SiteAgent = "analyst",
  /** A variant a person asked for: used by every agent that has it active. */
  variant?: string,
): Promise<JobPrompts> {
  const agents = SITE_AGENTS.slice(SITE_AGENTS.indexOf(from));
  const table = await ensurePrompts(env, db, workspaceId, null);
  const rows = await promptRows(table);
  if (variant && !rows.some((r) => r.active && r.variant === variant))
    return { ok: false, error: `No active prompt has the variant "${variant}"` };
  const choices = chooseVariants(rows, siteId, agents, variant);
  const sections = sectionsOf(choices);
  for (const agent of agents) {
    try {
      checkPrompt(agent, sections);
    } catch (error) {
      if (!(error instanceof PromptError)) throw error;
      const variant = choices.find((c) => c.agent === agent)?.variant;
      return { ok: false, error: variant ? `Prompts, variant "${variant}": ${error.message}` : error.message };
    }
  }
  return { ok: true, table, choices, sections };
}

/** The stages with the variant each one that ran was built from; reused stages keep their own. */
export function withPrompts(stages: readonly StageRecord[], choices: readonly VariantChoice[]): StageRecord[] {
  return stages.map((stage) => {
    const choice = choices.find((c) => c.agent === stage.stage);
    // A batched stage ran with the default prompts (one prompt for the whole batch), not a variant.
    if (stage.status === "reused" || stage.batch || !choice) return stage;
    return {
      ...stage,
      prompt: { variant: choice.variant, version: choice.version, rowIds: choice.rows.map((r) => r.id) },
    };
  });
}

/** The Sites row's Prompt variants, from the stages' records (reused stages included). */
export function stageVariantsLine(stages: readonly StageRecord[]): string {
  return variantsLine(
    stages.flatMap((s) =>
      s.prompt ? [{ agent: s.stage, variant: s.prompt.variant, version: s.prompt.version, rows: [] }] : [],
    ),
  );
}

/** Counts a use of every row a stage that ran was built from (a stage that never ran used nothing). */
export async function countUses(table: TableHandle, stages: readonly StageRecord[]): Promise<void> {
  const ran = stages.filter((s) => s.status !== "reused" && s.prompt);
  await countOnce(
    table,
    ran.flatMap((s) => s.prompt?.rowIds ?? []),
    "uses",
  );
}

/**
 * Trigger rules: `WHEN <formula> [WATCH <columns>] THEN <action with parameters>`, per table.
 * Shared by the trigger panel in the app, the API that stores rules, and the TableRoom that
 * evaluates them on its row-change feed.
 */
import { z } from "zod";
import { MAX_FORMULA_LENGTH } from "./formula";
import { cronProblem } from "./schedule";

/**
 * Firings a rule may make per minute before it is paused for that minute (a runaway guard):
 * 600 lets an import of a few hundred matching rows through and stops a loop within seconds.
 * Rows refused by it are logged (`rate_limited`), not retried later.
 */
export const DEFAULT_RATE_PER_MINUTE = 600;
/** How many automation writes deep a chain of rules may go (rule A's write fires B, whose write fires C…). */
export const MAX_CHAIN_DEPTH = 3;

export const TriggerAction = z.object({
  /** A name in the action registry (`set-fields`, `webhook`, `contact`…). */
  name: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type TriggerAction = z.infer<typeof TriggerAction>;

/**
 * How a rule starts. `change` (the default) looks at each row as it is edited and fires on a
 * false-to-true transition of `when`; `schedule` and `webhook` look at every row when the cron
 * expression comes due or the rule's webhook is called, and act on each row where `when` is true.
 */
export const RuleStart = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("change") }),
  z.object({
    kind: z.literal("schedule"),
    /** Five fields (minute hour day month weekday), UTC. */
    cron: z
      .string()
      .trim()
      .max(120)
      .superRefine((cron, ctx) => {
        const problem = cronProblem(cron);
        if (problem) ctx.addIssue({ code: "custom", message: `not a cron expression: ${problem}` });
      }),
  }),
  z.object({ kind: z.literal("webhook") }),
]);
export type RuleStart = z.infer<typeof RuleStart>;

export const TriggerRule = z.object({
  id: z.string().min(1),
  /** Bumped on every edit of the rule; a row fires once per rule version. */
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  /** The condition, a formula over the row: the rule fires when it turns from false to true. */
  when: z.string().max(MAX_FORMULA_LENGTH),
  /** Column names whose change makes the rule look again; null: any column. */
  watch: z.array(z.string()).nullable().default(null),
  action: TriggerAction,
  /** Whether writes made by automations (this rule's included) may fire it. */
  reactToAutomation: z.boolean().default(false),
  ratePerMinute: z.number().int().min(1).max(10_000).default(DEFAULT_RATE_PER_MINUTE),
  start: RuleStart.default({ kind: "change" }),
});
export type TriggerRule = z.infer<typeof TriggerRule>;

/** One entry of a workspace's run log (`GET /api/triggers/runs`). */
export type WorkspaceRun = {
  tableId: string;
  tableName: string;
  source: string;
  /** The rule that fired; null for a button press or a payment. */
  ruleId: string | null;
  /** The button pressed; null for a rule. */
  columnId: string | null;
  rowId: string;
  firedAt: string;
  action: string;
  jobId: string | null;
  outcome: string;
  attempts: number;
  /** What went wrong, for a failed run or a refusal; null otherwise. */
  error: string | null;
  detail: string | null;
};

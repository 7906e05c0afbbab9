/**
 * Computed columns: what a formula column and a button column keep in their options, and what a
 * button cell holds while its action runs. Shared by the grid, the API and the TableRoom.
 */
import { z } from "zod";
import { compile, type FormulaError, isFormulaError, isTruthy, MAX_FORMULA_LENGTH } from "./formula";
import type { CellValue } from "./tables";
import { TriggerAction } from "./triggers";

/** A formula column's options: the expression, evaluated per row from the other columns. */
export const FormulaOptions = z.object({ formula: z.string().max(MAX_FORMULA_LENGTH).default("") });
export type FormulaOptions = z.infer<typeof FormulaOptions>;

/** A button column's options: the action it runs on its row, and when it may. */
export const ButtonOptions = z.object({
  label: z.string().trim().min(1).max(40).default("Run"),
  action: TriggerAction,
  /** Asked before running, when set ("Send the form to this dealer?"). */
  confirm: z.string().max(200).nullable().default(null),
  /** A formula over the row: while it is true the button cannot be pressed. */
  disabledWhen: z.string().max(MAX_FORMULA_LENGTH).nullable().default(null),
});
export type ButtonOptions = z.infer<typeof ButtonOptions>;

export const BUTTON_STATES = ["queued", "running", "succeeded", "failed"] as const;

/** What a button cell holds: its last run, written by the TableRoom as the action progresses. */
export const ButtonRun = z.object({
  state: z.enum(BUTTON_STATES),
  /** When the state last changed (ISO time). */
  at: z.string(),
  /** The action's result or error, for the cell's tooltip. */
  detail: z.string().default(""),
  /** The entry in the table's run log. */
  runId: z.number().int().nullable().default(null),
  /** Who pressed it. */
  by: z.string().nullable().default(null),
});
export type ButtonRun = z.infer<typeof ButtonRun>;

/** A run still in flight: pressing the button again does nothing. */
export const isBusy = (run: ButtonRun | null) => run?.state === "queued" || run?.state === "running";

/** The button cell's run, or null for a cell never pressed (or holding something else). */
export function buttonRunOf(value: unknown): ButtonRun | null {
  const parsed = ButtonRun.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Why the button cannot be pressed on this row, from its disabled-when formula over the row's
 * cells by name: `disabled` while the formula holds, or its error (a guard that cannot be read
 * keeps the button shut). Null when it may be pressed.
 */
export function buttonBlocked(
  options: Pick<ButtonOptions, "disabledWhen">,
  row: Readonly<Record<string, CellValue>>,
  now?: () => Date,
): { kind: "disabled" } | { kind: "error"; error: FormulaError } | null {
  if (!options.disabledWhen?.trim()) return null;
  const result = compile(options.disabledWhen).evaluate({
    row: (name) => (Object.hasOwn(row, name) ? row[name] : undefined),
    now,
  });
  if (isFormulaError(result)) return { kind: "error", error: result };
  return isTruthy(result) ? { kind: "disabled" } : null;
}

/** For tests: a formula run against a row given as a plain object, at a fixed time. */
import type { CellValue } from "../tables";
import { isFormulaError } from "./errors";
import { evaluateFormula, type FormulaResult, type LinkedAccessor } from "./evaluate";

/** The clock tests run at: 2026-03-01 12:00 UTC. */
export const TEST_NOW = new Date("2026-03-01T12:00:00.000Z");

/** Evaluates `text` with the row's cells by column name; a name not in `row` is an unknown column. */
export function run(text: string, row: Record<string, CellValue> = {}, linked?: LinkedAccessor): FormulaResult {
  return evaluateFormula(text, {
    row: (name) => (Object.hasOwn(row, name) ? row[name] : undefined),
    linked,
    now: () => TEST_NOW,
  });
}

/** The error code of a result, or null when it is a value. */
export function code(result: FormulaResult): string | null {
  return isFormulaError(result) ? result.error : null;
}

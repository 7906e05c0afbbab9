/**
 * Formula errors are values, never exceptions: a cell shows `#DIV/0!` the way a spreadsheet does,
 * and an error flows through every function that uses it until IFERROR catches it.
 */

export const ERROR_CODES = ["#PARSE!", "#REF!", "#NAME!", "#VALUE!", "#DIV/0!", "#CYCLE!"] as const;
export type FormulaErrorCode = (typeof ERROR_CODES)[number];

/** What a cell holds when its formula fails; plain data so it survives JSON and the sync doc. */
export type FormulaError = { readonly error: FormulaErrorCode; readonly message: string };

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);

export function formulaError(error: FormulaErrorCode, message: string): FormulaError {
  return { error, message };
}

/**
 * True for an error value. Checks the shape rather than a class, so an error read back from a
 * stored formula column (a plain object) still propagates through the formulas that use it.
 */
export function isFormulaError(value: unknown): value is FormulaError {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { error, message } = value as { error?: unknown; message?: unknown };
  return typeof error === "string" && CODES.has(error) && typeof message === "string";
}

/** The first error in a value, looking inside lists (a lookup may hold an error from its source). */
export function firstError(value: unknown): FormulaError | null {
  if (isFormulaError(value)) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstError(item);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Rowpilot's formula language: Airtable-style expressions over a row's cells (`{Price} * {Qty}`,
 * `IF(REGEX_MATCH({Email}, "@gmail\\.com$"), "personal", "work")`), evaluated the same way in the
 * browser, in Workers and in Durable Objects. Errors are values (`{ error: "#DIV/0!", message }`),
 * never exceptions. Compile a formula once, evaluate it per row; a FormulaGraph orders a table's
 * formula columns and says which to recompute when a cell changes.
 *
 * @example
 * const total = compile("ROUND({Price} * {Qty}, 2)");
 * total.evaluate({ row: (name) => cells[name] }); // 7.5, or an error value
 */
import { FUNCTION_LIST } from "./functions";

export { ERROR_CODES, type FormulaError, type FormulaErrorCode, isFormulaError } from "./errors";
export {
  type CompiledFormula,
  compile,
  evaluateFormula,
  type FormulaContext,
  type FormulaResult,
  type LinkedAccessor,
  type RowAccessor,
} from "./evaluate";
export { MAX_REGEX_INPUT_LENGTH, MAX_REGEX_PATTERN_LENGTH } from "./functions/regex";
export { type FormulaColumn, FormulaGraph, type PlainColumn } from "./graph";
export { formatReference, tokenize } from "./lexer";
export { type FormulaNode, MAX_FORMULA_LENGTH, MAX_NESTING_DEPTH, type ParseResult, parseFormula } from "./parser";
export { referencedColumns, renameReferences } from "./references";
export { isTruthy, MAX_TEXT_LENGTH } from "./values";

/** What an editor's autocomplete shows for a function. */
export type FunctionInfo = { name: string; signature: string; description: string };

/**
 * Every function, alphabetically, with its signature and a one-line description. Names are
 * upper-case ASCII, so a plain comparison orders them (`localeCompare` here would build a collator
 * while the page starts).
 */
export const FUNCTIONS: readonly FunctionInfo[] = FUNCTION_LIST.map(({ name, signature, description }) => ({
  name,
  signature,
  description,
})).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

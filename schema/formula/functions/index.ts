/** Every formula function, by upper-case name. */
import { DATE_FUNCTIONS } from "./dates";
import { GEO_FUNCTIONS } from "./geo";
import { LOGIC_FUNCTIONS } from "./logic";
import { MATH_FUNCTIONS } from "./math";
import { REGEX_FUNCTIONS } from "./regex";
import { ROLLUP_FUNCTIONS } from "./rollups";
import type { FormulaFunction } from "./spec";
import { TEXT_FUNCTIONS } from "./text";

export type { FormulaFunction, Thunk } from "./spec";

export const FUNCTION_LIST: readonly FormulaFunction[] = [
  ...LOGIC_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...ROLLUP_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...GEO_FUNCTIONS,
];

export const FUNCTIONS_BY_NAME: ReadonlyMap<string, FormulaFunction> = new Map(FUNCTION_LIST.map((f) => [f.name, f]));

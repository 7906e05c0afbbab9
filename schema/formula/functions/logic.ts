/**
 * Logic: IF, IFERROR, ISERROR, SWITCH, AND, OR, NOT, BLANK. IF and SWITCH evaluate only the branch
 * they choose, so an error in a branch not taken never shows. Where Excel and Airtable differ, the
 * Airtable reading wins for the expression-level behaviour: IF without an else, and SWITCH without
 * a match or default, give blank rather than FALSE or #N/A.
 */
import { firstError } from "../errors";
import { compareValues, flatten, toBoolean, type Value } from "../values";
import { eager, type FormulaFunction, lazy } from "./spec";

/** Whether any argument (lists taken apart) is `target` as a logical value. */
function any(args: Value[], target: boolean): boolean {
  return flatten(args).some((value) => toBoolean(value) === target);
}

export const LOGIC_FUNCTIONS: FormulaFunction[] = [
  lazy("IF(condition, then, [else])", "Returns then when the condition is true, else (or blank) otherwise.", (args) => {
    const condition = args[0]!();
    const failed = firstError(condition);
    if (failed) return failed;
    if (toBoolean(condition)) return args[1]!();
    return args[2] ? args[2]() : null;
  }),
  lazy("IFERROR(value, fallback)", "Returns the value, or the fallback when the value is an error.", (args) => {
    const value = args[0]!();
    return firstError(value) ? args[1]!() : value;
  }),
  lazy(
    "ISERROR(value)",
    "TRUE when the value is an error, FALSE otherwise.",
    (args) => firstError(args[0]!()) !== null,
  ),
  lazy(
    "SWITCH(expression, pattern, result, ..., [default])",
    "Returns the result of the first pattern equal to the expression, else the default (or blank).",
    (args) => {
      const subject = args[0]!();
      const failed = firstError(subject);
      if (failed) return failed;
      let i = 1;
      for (; i + 1 < args.length; i += 2) {
        const pattern = args[i]!();
        const error = firstError(pattern);
        if (error) return error;
        if (compareValues(subject, pattern) === 0) return args[i + 1]!();
      }
      return i < args.length ? args[i]!() : null;
    },
  ),
  eager("AND(logical, ...)", "TRUE when every argument is true.", (args) => !any(args, false)),
  eager("OR(logical, ...)", "TRUE when any argument is true.", (args) => any(args, true)),
  eager("NOT(logical)", "Reverses a logical value.", ([value]) => !toBoolean(value!)),
  eager("BLANK()", "An empty value.", () => null),
];

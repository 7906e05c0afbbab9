/**
 * Aggregates, for plain arguments and for the lists a lookup over linked rows gives
 * (`SUM({Orders}.{Amount})`). As in Excel, an argument given directly counts when it reads as a
 * number ("12", TRUE) and is #VALUE! when it does not, while inside a list only numbers count and
 * text, logical values and blanks are skipped. Blank arguments are skipped everywhere.
 */
import { type FormulaError, formulaError, isFormulaError } from "../errors";
import { flatten, isBlank, textResult, toNumber, toText, type Value } from "../values";
import { eager, type FormulaFunction } from "./spec";

/** The numbers among the arguments, or the error of one that should be a number and is not. */
function numbers(args: readonly Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) {
      for (const v of flatten(arg)) if (typeof v === "number") out.push(v);
    } else if (!isBlank(arg)) {
      const n = toNumber(arg);
      if (typeof n !== "number") return n;
      out.push(n);
    }
  }
  return out;
}

function aggregate(signature: string, description: string, reduce: (values: number[]) => Value): FormulaFunction {
  return eager(signature, description, (args) => {
    const values = numbers(args);
    return isFormulaError(values) ? values : reduce(values);
  });
}

export const ROLLUP_FUNCTIONS: FormulaFunction[] = [
  aggregate("SUM(number, ...)", "The sum of the numbers, lists included.", (v) => v.reduce((a, b) => a + b, 0)),
  aggregate("MIN(number, ...)", "The smallest number (0 when there is none).", (v) =>
    v.length ? v.reduce((a, b) => Math.min(a, b)) : 0,
  ),
  aggregate("MAX(number, ...)", "The largest number (0 when there is none).", (v) =>
    v.length ? v.reduce((a, b) => Math.max(a, b)) : 0,
  ),
  aggregate("AVERAGE(number, ...)", "The mean of the numbers; #DIV/0! when there is none.", (v) =>
    v.length ? v.reduce((a, b) => a + b, 0) / v.length : formulaError("#DIV/0!", "AVERAGE of no numbers"),
  ),
  eager("COUNT(value, ...)", "How many numbers there are, lists included.", (args) => {
    let count = 0;
    for (const arg of args) {
      if (Array.isArray(arg)) count += flatten(arg).filter((v) => typeof v === "number").length;
      else if (!isBlank(arg) && typeof toNumber(arg) === "number") count++;
    }
    return count;
  }),
  eager("COUNTA(value, ...)", "How many values are not blank, lists included (counts linked rows).", (args) =>
    flatten(args).reduce<number>((count, v) => (isBlank(v) ? count : count + 1), 0),
  ),
  eager(
    "ARRAYJOIN(values, [separator])",
    'Joins the values of a list, skipping blanks; separator ", " if omitted.',
    (args) => {
      const separator = args[1] === undefined ? ", " : toText(args[1]);
      return textResult(
        flatten([args[0]!])
          .filter((v) => !isBlank(v))
          .map(toText)
          .join(separator),
      );
    },
  ),
];

/**
 * The shape of a formula function: its name, the line an editor shows for it, how many arguments
 * it takes, and how it runs. Most functions are eager (their arguments arrive evaluated and an
 * error among them has already propagated); IF, IFERROR, ISERROR and SWITCH are lazy and decide
 * themselves which arguments to evaluate.
 */

import { type FormulaError, formulaError } from "../errors";
import type { FormulaContext } from "../evaluate";
import { toNumber, type Value } from "../values";

export type Thunk = () => Value;

type Described = {
  /** Upper-case, as the parser hands names over. */
  name: string;
  /** How a call looks, optional arguments in brackets: `LEFT(text, [count])`. */
  signature: string;
  /** One line for autocomplete. */
  description: string;
  minArgs: number;
  maxArgs: number;
};

export type FormulaFunction = Described &
  (
    | { kind: "eager"; call: (args: Value[], context: FormulaContext) => Value }
    | { kind: "lazy"; call: (args: Thunk[], context: FormulaContext) => Value }
  );

/** Reads the argument count from the signature: `[x]` is optional and `...` repeats without end. */
function arity(signature: string): { minArgs: number; maxArgs: number } {
  const inside = signature.slice(signature.indexOf("(") + 1, signature.lastIndexOf(")")).trim();
  if (!inside) return { minArgs: 0, maxArgs: 0 };
  const parts = inside.split(",").map((p) => p.trim());
  const variadic = parts.some((p) => p.includes("..."));
  const required = parts.filter((p) => !p.startsWith("[") && !p.includes("...")).length;
  return { minArgs: required, maxArgs: variadic ? Number.POSITIVE_INFINITY : parts.length };
}

/** A function whose arguments arrive evaluated, errors already propagated. */
export function eager(
  signature: string,
  description: string,
  call: (args: Value[], context: FormulaContext) => Value,
): FormulaFunction {
  const name = signature.slice(0, signature.indexOf("("));
  return { name, signature, description, ...arity(signature), kind: "eager", call };
}

/** A function that evaluates its arguments itself, only those it needs. */
export function lazy(
  signature: string,
  description: string,
  call: (args: Thunk[], context: FormulaContext) => Value,
): FormulaFunction {
  const name = signature.slice(0, signature.indexOf("("));
  return { name, signature, description, ...arity(signature), kind: "lazy", call };
}

/** A whole number for counts and positions (Excel truncates), or #VALUE! when it is negative. */
export function wholeCount(n: number | FormulaError, what: string): number | FormulaError {
  if (typeof n !== "number") return n;
  return n < 0 ? formulaError("#VALUE!", `${what} cannot be negative`) : Math.trunc(n);
}

/** Every argument as a number, or the first that is not one. */
export function numericArgs(args: readonly Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const arg of args) {
    const n = toNumber(arg);
    if (typeof n !== "number") return n;
    out.push(n);
  }
  return out;
}

/**
 * Turns a syntax tree into a chain of closures once, then runs it per row: no tree walking, no
 * name lookups of functions at run time. The caller hands each run a context that reads the
 * row's cells by column name, the values of linked rows, and the clock.
 */
import type { CellValue } from "../tables";
import { type FormulaError, firstError, formulaError } from "./errors";
import { FUNCTIONS_BY_NAME } from "./functions";
import type { Operator } from "./lexer";
import { type FormulaNode, parseFormula } from "./parser";
import { referencedColumns } from "./references";
import { compareValues, numberResult, textResult, toNumber, toText, type Value } from "./values";

/** A cell of the row by column name; undefined when the table has no such column (→ #REF!). */
export type RowAccessor = (name: string) => CellValue | undefined;
/** The `field` values of the rows linked through the `link` column; undefined when either does not exist. */
export type LinkedAccessor = (link: string, field: string) => readonly CellValue[] | undefined;

export interface FormulaContext {
  row: RowAccessor;
  linked?: LinkedAccessor;
  /** The clock of NOW() and TODAY(); the system clock when omitted. */
  now?: () => Date;
}

/** What a formula gives: a cell value (number, text, logical, blank, list) or an error value. */
export type FormulaResult = CellValue | FormulaError;

export interface CompiledFormula {
  readonly text: string;
  /** Column names the formula refers to, in order of first appearance. */
  readonly references: readonly string[];
  /** Why the text is not a formula; `evaluate` then always gives this #PARSE! error. */
  readonly parseError: { error: FormulaError; position: number } | null;
  evaluate(context: FormulaContext): FormulaResult;
}

type Run = (context: FormulaContext) => Value;

function arithmetic(op: "+" | "-" | "*" | "/", a: Value, b: Value): Value {
  const x = toNumber(a);
  if (typeof x !== "number") return x;
  const y = toNumber(b);
  if (typeof y !== "number") return y;
  if (op === "+") return numberResult(x + y);
  if (op === "-") return numberResult(x - y);
  if (op === "*") return numberResult(x * y);
  return y === 0 ? formulaError("#DIV/0!", "Division by zero") : numberResult(x / y);
}

function operate(op: Operator, a: Value, b: Value): Value {
  const failed = firstError(a) ?? firstError(b);
  if (failed) return failed;
  switch (op) {
    case "&":
      return textResult(toText(a) + toText(b));
    case "=":
      return compareValues(a, b) === 0;
    case "!=":
      return compareValues(a, b) !== 0;
    case "<":
      return compareValues(a, b) < 0;
    case "<=":
      return compareValues(a, b) <= 0;
    case ">":
      return compareValues(a, b) > 0;
    case ">=":
      return compareValues(a, b) >= 0;
    default:
      return arithmetic(op, a, b);
  }
}

function arityProblem(name: string, count: number, min: number, max: number): string | null {
  if (count >= min && count <= max) return null;
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  const takes =
    min === max
      ? plural(min)
      : max === Number.POSITIVE_INFINITY
        ? `at least ${plural(min)}`
        : `${min} to ${plural(max)}`;
  return `${name} takes ${takes}, got ${count}`;
}

function compileCall(node: FormulaNode & { type: "call" }): Run {
  const fn = FUNCTIONS_BY_NAME.get(node.name);
  if (!fn) {
    const error = formulaError("#NAME!", `Unknown function ${node.name}`);
    return () => error;
  }
  const problem = arityProblem(node.name, node.args.length, fn.minArgs, fn.maxArgs);
  if (problem) {
    const error = formulaError("#VALUE!", problem);
    return () => error;
  }
  const args = node.args.map(compileNode);
  const finish = (v: Value) => (typeof v === "number" ? numberResult(v) : v);
  if (fn.kind === "lazy")
    return (context) =>
      finish(
        fn.call(
          args.map((arg) => () => arg(context)),
          context,
        ),
      );
  return (context) => {
    const values: Value[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) {
      const value = args[i]!(context);
      const failed = firstError(value);
      if (failed) return failed;
      values[i] = value;
    }
    return finish(fn.call(values, context));
  };
}

function compileNode(node: FormulaNode): Run {
  switch (node.type) {
    case "number":
    case "string":
    case "boolean": {
      const { value } = node;
      return () => value;
    }
    case "ref": {
      const { name } = node;
      return (context) => {
        const value = context.row(name);
        return value === undefined ? formulaError("#REF!", `Unknown column "${name}"`) : value;
      };
    }
    case "lookup": {
      const { link, field } = node;
      return (context) =>
        context.linked?.(link, field)?.slice() ??
        formulaError("#REF!", `No column "${field}" in rows linked through "${link}"`);
    }
    case "negate": {
      const operand = compileNode(node.operand);
      return (context) => {
        const n = toNumber(operand(context));
        return typeof n === "number" ? numberResult(-n) : n;
      };
    }
    case "binary": {
      const { op } = node;
      const left = compileNode(node.left);
      const right = compileNode(node.right);
      return (context) => operate(op, left(context), right(context));
    }
    case "call":
      return compileCall(node);
  }
}

/**
 * Parses and compiles once; `evaluate` then runs per row and never throws.
 * @example compile("{Price} * {Qty}").evaluate({ row: (name) => ({ Price: 2, Qty: 3 })[name] }) // 6
 */
export function compile(text: string): CompiledFormula {
  const parsed = parseFormula(text);
  const references = referencedColumns(text);
  if (parsed.type === "error") {
    const { error, position } = parsed;
    return { text, references, parseError: { error, position }, evaluate: () => error };
  }
  const run = compileNode(parsed.ast);
  return {
    text,
    references,
    parseError: null,
    evaluate(context) {
      try {
        return run(context);
      } catch (error) {
        // A bug here, or in a library a function leans on, must show in one cell, not take a room down.
        return formulaError("#VALUE!", `Evaluation failed: ${(error as Error).message}`);
      }
    },
  };
}

/** Compiles and runs a formula once; for many rows, `compile` once and call `evaluate` per row. */
export function evaluateFormula(text: string, context: FormulaContext): FormulaResult {
  return compile(text).evaluate(context);
}

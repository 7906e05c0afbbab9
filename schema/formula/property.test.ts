/**
 * Property-style: thousands of random formulas, from random tokens and from random well-formed
 * trees, against rows of every kind of value. Seeded, so a failure reproduces; the seed and the
 * formula are in the failure message.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../tables";
import { ERROR_CODES, isFormulaError } from "./errors";
import { compile, type FormulaResult } from "./evaluate";
import { FUNCTIONS_BY_NAME } from "./functions";
import { OPERATORS } from "./lexer";
import { parseFormula } from "./parser";
import { TEST_NOW } from "./testing";

const SEED = 20_260_301;
const CASES = 2_500;

/** mulberry32: a small, fast PRNG that is good enough to pick tokens. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const ROW: Record<string, CellValue> = {
  Num: 3,
  Neg: -2.5,
  Big: 1e308,
  Text: "Hello, World",
  Numeric: "42",
  Blank: null,
  Empty: "",
  Bool: true,
  Date: "2026-01-31",
  DateTime: "2026-01-31T15:04:05Z",
  List: [1, "a", null, true],
  Nested: [[1, 2], [3]],
  Obj: { url: "https://example.com", size: 3 },
  Err: { error: "#DIV/0!", message: "Division by zero" },
  "odd}name": "x",
};
const NAMES = [...Object.keys(ROW), "Missing"];
const linked = (link: string, field: string) =>
  link === "Orders"
    ? field === "Amount"
      ? [5, null, "7", 2.5]
      : field === "Name"
        ? ["a", "b"]
        : undefined
    : undefined;

const FUNCTION_NAMES = [...FUNCTIONS_BY_NAME.keys()];
const LITERALS = [
  "0",
  "1",
  "-1",
  "2.5",
  ".5",
  "1e308",
  "1e-7",
  "100000",
  "'text'",
  '"Quoted \\" text"',
  "''",
  "'2026-02-28'",
  "'2026-01-31T10:00:00+02:00'",
  "'days'",
  "'months'",
  "'M'",
  "'YYYY-MM-DD'",
  "'(a+)+$'",
  "'[a-z]+'",
  "'h?l*'",
  "'a\\nb'",
  "TRUE",
  "FALSE",
  "'50%'",
  "'$1,234'",
  "'abc'",
];
const ref = (name: string) => `{${name.replace(/[\\}]/g, "\\$&")}}`;

function isResult(value: FormulaResult): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isResult);
  if (isFormulaError(value)) return ERROR_CODES.includes(value.error) && !value.message.startsWith("Evaluation failed");
  return typeof value === "object";
}

/** Evaluates a formula against ROW; fails, naming where it came from and the formula, on a throw or a result no cell can hold. */
function check(text: string, origin: string): FormulaResult {
  let result: FormulaResult;
  try {
    result = compile(text).evaluate({
      row: (n) => (Object.hasOwn(ROW, n) ? ROW[n] : undefined),
      linked,
      now: () => TEST_NOW,
    });
  } catch (error) {
    throw new Error(`${origin}: ${text} threw ${(error as Error).stack}`);
  }
  expect(isResult(result), `${origin}: ${text} gave ${JSON.stringify(result)}`).toBe(true);
  return result;
}

/** Any mix of tokens, half of them nonsense together. */
function randomTokens(r: ReturnType<typeof prng>): string {
  const pieces = [
    () => r.pick(LITERALS),
    () => ref(r.pick(NAMES)),
    () => "{Orders}.{Amount}",
    () => r.pick(OPERATORS),
    () => r.pick(["(", ")", ",", "(", ")"]),
    () => `${r.pick(FUNCTION_NAMES)}(`,
    () => r.pick(["NOPE(", "true", "x", "#", "!", "{", "}", "\\", ".", "'", '"', "@", "{}", ".{", "<>"]),
  ];
  return Array.from({ length: 1 + r.int(25) }, () => r.pick(pieces)()).join(r.pick(["", " ", "  ", "\n"]));
}

/** A well-formed formula: every call has an allowed number of arguments. */
function randomTree(r: ReturnType<typeof prng>, depth: number): string {
  const leaf = depth <= 0 || r.next() < 0.3;
  if (leaf) return r.next() < 0.5 ? r.pick(LITERALS) : r.next() < 0.9 ? ref(r.pick(NAMES)) : "{Orders}.{Amount}";
  const kind = r.int(10);
  if (kind < 3) return `${randomTree(r, depth - 1)} ${r.pick(OPERATORS)} ${randomTree(r, depth - 1)}`;
  if (kind < 4) return `-${randomTree(r, depth - 1)}`;
  if (kind < 5) return `(${randomTree(r, depth - 1)})`;
  const fn = FUNCTIONS_BY_NAME.get(r.pick(FUNCTION_NAMES))!;
  const count = Math.min(fn.maxArgs, fn.minArgs + r.int(4));
  return `${fn.name}(${Array.from({ length: count }, () => randomTree(r, depth - 1)).join(", ")})`;
}

describe("formulas — property-style", () => {
  it(`never throws on ${CASES} random token sequences, and always gives a value or an error value`, () => {
    const r = prng(SEED);
    for (let i = 0; i < CASES; i++) check(randomTokens(r), `seed ${SEED}`);
  });

  it(`parses and evaluates ${CASES} random well-formed formulas without a #PARSE! error`, () => {
    const r = prng(SEED + 1);
    const codes = new Set<string>();
    for (let i = 0; i < CASES; i++) {
      const text = randomTree(r, 5);
      const parsed = parseFormula(text);
      expect(parsed.type, `${text}: ${parsed.type === "error" ? parsed.error.message : ""}`).toBe("ok");
      const result = check(text, `seed ${SEED + 1}`);
      codes.add(isFormulaError(result) ? result.error : typeof result);
    }
    // The generator reaches values of every kind and most error codes, or it tests little.
    for (const expected of ["number", "string", "boolean", "#REF!", "#VALUE!", "#DIV/0!"])
      expect(codes).toContain(expected);
  });

  it("never throws on any function given every mix of edge-case arguments", () => {
    // Random trees rarely line up a valid date with a huge count and a valid unit; this does, for
    // every function, at its fewest arguments and one more (capped at four).
    const EDGES = ["BLANK()", "0", "-1", "0.5", "1e308", "''", "'abc'", "'2026-01-31T10:00:00Z'", "'months'", "TRUE"];
    const tuples = (n: number): string[][] =>
      n === 0 ? [[]] : tuples(n - 1).flatMap((rest) => [...EDGES, "{List}", "{Obj}"].map((e) => [e, ...rest]));
    let evaluated = 0;
    for (const fn of FUNCTIONS_BY_NAME.values()) {
      for (let n = fn.minArgs; n <= Math.min(fn.maxArgs, fn.minArgs + 1, 4); n++) {
        for (const args of tuples(n)) {
          check(`${fn.name}(${args.join(", ")})`, "edge cases");
          evaluated++;
        }
      }
    }
    expect(evaluated).toBeGreaterThan(50_000);
  });

  it("gives the same result for the same row every time", () => {
    const r = prng(SEED + 2);
    for (let i = 0; i < 200; i++) {
      const text = randomTree(r, 4);
      if (/NOW|TODAY/.test(text)) continue;
      expect(check(text, `seed ${SEED + 2}`), text).toEqual(check(text, `seed ${SEED + 2}`));
    }
  });
});

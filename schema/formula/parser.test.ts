import { describe, expect, it } from "vitest";
import { type FormulaNode, MAX_FORMULA_LENGTH, MAX_NESTING_DEPTH, parseFormula } from "./parser";
import { run } from "./testing";

/** The tree as compact text: `(+ 1 (* 2 3))`, to read precedence at a glance. */
function shape(node: FormulaNode): string {
  switch (node.type) {
    case "number":
    case "boolean":
      return String(node.value);
    case "string":
      return JSON.stringify(node.value);
    case "ref":
      return `{${node.name}}`;
    case "lookup":
      return `{${node.link}}.{${node.field}}`;
    case "negate":
      return `(- ${shape(node.operand)})`;
    case "binary":
      return `(${node.op} ${shape(node.left)} ${shape(node.right)})`;
    case "call":
      return `${node.name}(${node.args.map(shape).join(" ")})`;
  }
}

function parsed(text: string): string {
  const result = parseFormula(text);
  if (result.type === "error") throw new Error(result.error.message);
  return shape(result.ast);
}

function failure(text: string) {
  const result = parseFormula(text);
  if (result.type === "ok") throw new Error(`expected a parse error for ${text}`);
  return result;
}

describe("parseFormula — precedence", () => {
  it("binds * and / tighter than + and -, those tighter than &, and comparison loosest", () => {
    expect(parsed("1 + 2 * 3")).toBe("(+ 1 (* 2 3))");
    expect(parsed("1 + 2 & 3 * 4")).toBe("(& (+ 1 2) (* 3 4))");
    expect(parsed("'a' & 'b' = 'ab'")).toBe('(= (& "a" "b") "ab")');
    expect(parsed("1 < 2 = TRUE")).toBe("(= (< 1 2) true)");
  });

  it("reads operators of one level left to right", () => {
    expect(parsed("8 - 3 - 2")).toBe("(- (- 8 3) 2)");
    expect(parsed("8 / 4 / 2")).toBe("(/ (/ 8 4) 2)");
    expect(run("8 - 3 - 2")).toBe(3);
    expect(run("8 / 4 / 2")).toBe(1);
  });

  it("binds unary minus tightest and lets parentheses override", () => {
    expect(parsed("-2 * 3")).toBe("(* (- 2) 3)");
    expect(parsed("--2")).toBe("(- (- 2))");
    expect(parsed("(1 + 2) * 3")).toBe("(* (+ 1 2) 3)");
    expect(run("(1 + 2) * 3")).toBe(9);
    expect(run("2 - -3")).toBe(5);
  });

  it("reads every comparison operator", () => {
    for (const op of ["=", "!=", "<", "<=", ">", ">="]) expect(parsed(`1 ${op} 2`)).toBe(`(${op} 1 2)`);
  });
});

describe("parseFormula — literals", () => {
  it("reads numbers with decimals and exponents", () => {
    expect(parsed("12")).toBe("12");
    expect(parsed("1.5")).toBe("1.5");
    expect(parsed(".5")).toBe("0.5");
    expect(parsed("1e3")).toBe("1000");
    expect(parsed("2.5E-1")).toBe("0.25");
  });

  it("reads text in single or double quotes with backslash escapes", () => {
    expect(run(`"it's"`)).toBe("it's");
    expect(run(`'say "hi"'`)).toBe('say "hi"');
    expect(run(`'it\\'s'`)).toBe("it's");
    expect(run(`"a\\"b"`)).toBe('a"b');
    expect(run(`"line\\nnext\\ttab\\\\slash"`)).toBe("line\nnext\ttab\\slash");
  });

  it("keeps the backslash of an unknown escape, so regex text means what it says", () => {
    expect(run(`"\\d+"`)).toBe("\\d+");
  });

  it("reads TRUE and FALSE in any case, with or without ()", () => {
    expect(run("TRUE")).toBe(true);
    expect(run("false")).toBe(false);
    expect(run("TRUE()")).toBe(true);
    expect(run("False()")).toBe(false);
  });

  it("reads function names in any case", () => {
    expect(parsed("upper('a')")).toBe('UPPER("a")');
    expect(run("Upper('a')")).toBe("A");
  });
});

describe("parseFormula — column references", () => {
  it("reads names with spaces and symbols", () => {
    const row = { "Deal size ($)": 10, "% done": 0.5, "a+b, c": "x" };
    expect(run("{Deal size ($)} * {% done}", row)).toBe(5);
    expect(run("{a+b, c}", row)).toBe("x");
  });

  it("reads \\} as a brace inside a name and \\\\ as a backslash", () => {
    expect(parsed("{odd\\}name}")).toBe("{odd}name}");
    expect(run("{odd\\}name}", { "odd}name": 1 })).toBe(1);
    expect(run("{back\\\\}", { "back\\": 2 })).toBe(2);
    expect(run("{a{b}", { "a{b": 3 })).toBe(3);
  });

  it("reads {Link}.{Field} as a lookup through linked rows", () => {
    expect(parsed("SUM({Orders}.{Amount})")).toBe("SUM({Orders}.{Amount})");
  });
});

describe("parseFormula — errors", () => {
  it.each([
    ["1 +", 3, "Formula ends too early"],
    ["(1 + 2", 6, 'Expected ")"'],
    ["1 2", 2, "Unexpected number"],
    ["'abc", 0, "missing its closing quote"],
    ["{abc", 0, 'missing its closing "}"'],
    ["{}", 0, "Empty column reference"],
    ["1 # 2", 2, 'Unexpected character "#"'],
    ["IF(1,,2)", 5, 'Unexpected ","'],
    ["SUM(1,)", 6, 'Unexpected ")"'],
    ["Price * 2", 0, "put column names in braces"],
    ["{A}.5", 3, "Unexpected number"],
    ["{A}.{", 4, 'missing its closing "}"'],
    ["1e999", 0, "Number is too large"],
    ["", 0, "Formula is empty"],
    ["   ", 0, "Formula is empty"],
  ])("%j is #PARSE! at position %i", (text, position, message) => {
    const result = failure(text);
    expect(result.error.error).toBe("#PARSE!");
    expect(result.position).toBe(position);
    expect(result.error.message).toContain(message);
    expect(result.error.message).toContain(`at position ${position}`);
  });

  it("gives the #PARSE! error as the formula's value", () => {
    expect(run("1 +")).toEqual({ error: "#PARSE!", message: "Formula ends too early at position 3" });
  });
});

describe("parseFormula — caps", () => {
  it(`accepts ${MAX_FORMULA_LENGTH} characters and refuses one more`, () => {
    const longest = `1${" ".repeat(MAX_FORMULA_LENGTH - 1)}`;
    expect(parseFormula(longest).type).toBe("ok");
    const result = failure(`${longest} `);
    expect(result.error.message).toMatch(/longer than 4,000 characters/);
  });

  it(`accepts nesting ${MAX_NESTING_DEPTH} deep and refuses deeper, without overflowing the stack`, () => {
    const nested = (depth: number) => `${"(".repeat(depth)}1${")".repeat(depth)}`;
    expect(run(nested(MAX_NESTING_DEPTH))).toBe(1);
    expect(failure(nested(MAX_NESTING_DEPTH + 1)).error.message).toMatch(/deeper than 100 levels/);
    expect(failure(`${"ABS(".repeat(500)}1${")".repeat(500)}`).error.message).toMatch(/deeper than 100/);
    expect(failure(`${"-".repeat(1000)}1`).error.message).toMatch(/deeper than 100/);
    expect(failure("(".repeat(3000)).error.error).toBe("#PARSE!");
  });

  it("evaluates a long flat chain of operators within the length cap", () => {
    expect(run(Array.from({ length: 1999 }, () => "1").join("+"))).toBe(1999);
  });
});

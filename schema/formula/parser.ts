/**
 * Formula text to a syntax tree, by recursive descent. Precedence, lowest first: comparison
 * (`= != < <= > >=`), `&`, `+ -`, `* /`, unary minus; all binary operators are left-associative.
 * Length and nesting are capped so no formula can overflow the stack of a Worker or a browser tab.
 */
import { type FormulaError, formulaError } from "./errors";
import { type Operator, type Token, tokenize } from "./lexer";

/** Longest formula accepted; Airtable's editor allows about this much, and it bounds parse and compile time. */
export const MAX_FORMULA_LENGTH = 4_000;
/** Deepest nesting of parentheses, calls and unary minus; far beyond hand-written formulas, far below any stack limit. */
export const MAX_NESTING_DEPTH = 100;

/** The syntax tree; `position` is where the node starts in the text (0-based). */
export type FormulaNode =
  | { type: "number"; value: number; position: number }
  | { type: "string"; value: string; position: number }
  | { type: "boolean"; value: boolean; position: number }
  | { type: "ref"; name: string; position: number }
  /** `{Link}.{Field}`: the Field values of every row linked through the Link column. */
  | { type: "lookup"; link: string; field: string; position: number }
  | { type: "negate"; operand: FormulaNode; position: number }
  | { type: "binary"; op: Operator; left: FormulaNode; right: FormulaNode; position: number }
  /** `name` is upper-cased: function names are case-insensitive. */
  | { type: "call"; name: string; args: FormulaNode[]; position: number };

export type ParseResult = { type: "ok"; ast: FormulaNode } | { type: "error"; error: FormulaError; position: number };

const LEVELS: readonly (readonly Operator[])[] = [["=", "!=", "<", "<=", ">", ">="], ["&"], ["+", "-"], ["*", "/"]];

class ParseFailure {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

function describe(token: Token): string {
  switch (token.type) {
    case "end":
      return "end of formula";
    case "number":
      return "number";
    case "string":
      return "text";
    case "ref":
      return "column reference";
    case "word":
      return `"${token.word}"`;
    case "op":
      return `"${token.op}"`;
    default:
      return `"${token.type}"`;
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FormulaNode {
    const ast = this.binary(0);
    const next = this.peek();
    if (next.type !== "end") this.fail(`Unexpected ${describe(next)}`, next);
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private fail(message: string, token: Token): never {
    throw new ParseFailure(`${message} at position ${token.start}`, token.start);
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_NESTING_DEPTH) this.fail(`Nesting is deeper than ${MAX_NESTING_DEPTH} levels`, token);
  }

  private binary(level: number): FormulaNode {
    if (level === LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (let t = this.peek(); t.type === "op" && LEVELS[level]!.includes(t.op); t = this.peek()) {
      this.index++;
      left = { type: "binary", op: t.op, left, right: this.binary(level + 1), position: t.start };
    }
    return left;
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (t.type !== "op" || t.op !== "-") return this.primary();
    this.index++;
    this.enter(t);
    const operand = this.unary();
    this.depth--;
    return { type: "negate", operand, position: t.start };
  }

  private expect(type: ")" | "(", opened: Token): void {
    const t = this.peek();
    if (t.type !== type)
      this.fail(`Expected "${type}" for the "(" at position ${opened.start}, found ${describe(t)}`, t);
    this.index++;
  }

  private primary(): FormulaNode {
    const t = this.tokens[this.index++]!;
    const position = t.start;
    switch (t.type) {
      case "number":
        if (!Number.isFinite(t.value)) this.fail("Number is too large", t);
        return { type: "number", value: t.value, position };
      case "string":
        return { type: "string", value: t.value, position };
      case "ref": {
        if (this.peek().type !== ".") return { type: "ref", name: t.name, position };
        this.index++;
        const field = this.tokens[this.index++]!;
        if (field.type !== "ref") this.fail('Expected a column reference after "."', field);
        return { type: "lookup", link: t.name, field: field.name, position };
      }
      case "(": {
        this.enter(t);
        const inner = this.binary(0);
        this.expect(")", t);
        this.depth--;
        return inner;
      }
      case "word":
        return this.word(t);
      default:
        return this.fail(t.type === "end" ? "Formula ends too early" : `Unexpected ${describe(t)}`, t);
    }
  }

  private word(t: Token & { type: "word" }): FormulaNode {
    const name = t.word.toUpperCase();
    const open = this.peek();
    if (open.type !== "(") {
      if (name === "TRUE" || name === "FALSE") return { type: "boolean", value: name === "TRUE", position: t.start };
      this.fail(`Unknown word "${t.word}" (put column names in braces, like {${t.word}})`, t);
    }
    this.index++;
    this.enter(open);
    const args: FormulaNode[] = [];
    if (this.peek().type !== ")") {
      args.push(this.binary(0));
      while (this.peek().type === ",") {
        this.index++;
        args.push(this.binary(0));
      }
    }
    this.expect(")", open);
    this.depth--;
    // TRUE() and FALSE() are how Airtable spells the constants.
    if ((name === "TRUE" || name === "FALSE") && args.length === 0)
      return { type: "boolean", value: name === "TRUE", position: t.start };
    return { type: "call", name, args, position: t.start };
  }
}

/**
 * Parses formula text; never throws.
 * @example parseFormula("IF({Score} > 3, 'hot', 'cold')")
 */
export function parseFormula(text: string): ParseResult {
  const fail = (message: string, position: number): ParseResult => ({
    type: "error",
    error: formulaError("#PARSE!", message),
    position,
  });
  if (text.length > MAX_FORMULA_LENGTH)
    return fail(
      `Formula is longer than ${MAX_FORMULA_LENGTH.toLocaleString("en-US")} characters at position ${MAX_FORMULA_LENGTH}`,
      MAX_FORMULA_LENGTH,
    );
  if (!text.trim()) return fail("Formula is empty at position 0", 0);
  const { tokens, error } = tokenize(text);
  if (error) return fail(error.message, error.position);
  try {
    return { type: "ok", ast: new Parser(tokens).parse() };
  } catch (failure) {
    if (failure instanceof ParseFailure) return fail(failure.message, failure.position);
    throw failure;
  }
}

/**
 * Splits formula text into tokens, each with its span in the text so references can be rewritten
 * in place. On bad input it returns the tokens before the problem and where the problem is, which
 * lets renaming and reference listing work on a formula that is still being typed.
 */

export const OPERATORS = ["+", "-", "*", "/", "&", "=", "!=", "<", "<=", ">", ">="] as const;
export type Operator = (typeof OPERATORS)[number];

type Span = { start: number; end: number };
export type Token = Span &
  (
    | { type: "number"; value: number }
    | { type: "string"; value: string }
    /** `{Column Name}`; `\}` stands for `}` and `\\` for `\` inside the braces. */
    | { type: "ref"; name: string }
    /** A bare word: a function name, TRUE or FALSE. */
    | { type: "word"; word: string }
    | { type: "op"; op: Operator }
    /** `(`, `)`, `,` and the `.` between `{Link}` and `{Field}` of a lookup. */
    | { type: "(" | ")" | "," | "." | "end" }
  );

export type LexResult = { tokens: Token[]; error: { message: string; position: number } | null };

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPACE = /\s/;
const TEXT_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'" };

/** The text between `open` and the matching unescaped `close`, or null when it never closes. */
function readQuoted(text: string, open: number, close: string, escapes: Record<string, string>) {
  let value = "";
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === close) return { value, end: i + 1 };
    if (c === "\\" && i + 1 < text.length) {
      const next = text[++i]!;
      // An unknown escape keeps its backslash, so a regex such as "\d+" means what it says.
      value += escapes[next] ?? `\\${next}`;
    } else value += c;
  }
  return null;
}

export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  const fail = (message: string, position: number): LexResult => ({
    tokens,
    error: { message: `${message} at position ${position}`, position },
  });
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (SPACE.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const read = readQuoted(text, i, c, TEXT_ESCAPES);
      if (!read) return fail("Text is missing its closing quote", start);
      tokens.push({ type: "string", value: read.value, start, end: read.end });
      i = read.end;
    } else if (c === "{") {
      const read = readQuoted(text, i, "}", { "}": "}", "\\": "\\" });
      if (!read) return fail('Column reference is missing its closing "}"', start);
      if (!read.value) return fail("Empty column reference", start);
      tokens.push({ type: "ref", name: read.value, start, end: read.end });
      i = read.end;
    } else if (c === "." && text[i + 1] === "{") {
      tokens.push({ type: ".", start, end: ++i });
    } else if ((c >= "0" && c <= "9") || c === ".") {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) return fail('Unexpected "."', start);
      i += match[0].length;
      tokens.push({ type: "number", value: Number(match[0]), start, end: i });
    } else if (/[A-Za-z_]/.test(c)) {
      WORD.lastIndex = i;
      const word = WORD.exec(text)![0];
      i += word.length;
      tokens.push({ type: "word", word, start, end: i });
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ type: c, start, end: ++i });
    } else {
      const two = text.slice(i, i + 2);
      const op = (["!=", "<=", ">="] as const).find((o) => o === two) ?? OPERATORS.find((o) => o === c);
      if (!op) return fail(`Unexpected character "${c}"`, start);
      i += op.length;
      tokens.push({ type: "op", op, start, end: i });
    }
  }
  tokens.push({ type: "end", start: text.length, end: text.length });
  return { tokens, error: null };
}

/** `{name}` with `\` and `}` escaped, the way the lexer reads it back. */
export function formatReference(name: string): string {
  return `{${name.replace(/[\\}]/g, "\\$&")}}`;
}

/**
 * Which columns a formula names, and rewriting those names when a column is renamed. Both work on
 * tokens, so text in quotes and other references are left alone, and both work on a formula with
 * a syntax error up to the error. In a lookup `{Link}.{Field}` only `Link` is a column of this
 * table; `Field` belongs to the linked table and is neither listed nor renamed here.
 */
import { formatReference, type Token, tokenize } from "./lexer";

/** The reference tokens that name columns of this table. */
function columnReferences(text: string): (Token & { type: "ref" })[] {
  const { tokens } = tokenize(text);
  return tokens.filter((t, i): t is Token & { type: "ref" } => t.type === "ref" && tokens[i - 1]?.type !== ".");
}

/**
 * Column names the formula refers to, each once, in order of first appearance.
 * @example referencedColumns("{Price} * {Qty} + {Price}") // ["Price", "Qty"]
 */
export function referencedColumns(text: string): string[] {
  return [...new Set(columnReferences(text).map((t) => t.name))];
}

/**
 * The formula with every reference to `oldName` pointing at `newName` instead.
 * @example renameReferences("{Qty} & ' {Qty}'", "Qty", "Count") // "{Count} & ' {Qty}'"
 */
export function renameReferences(text: string, oldName: string, newName: string): string {
  let out = "";
  let last = 0;
  for (const token of columnReferences(text)) {
    if (token.name !== oldName) continue;
    out += text.slice(last, token.start) + formatReference(newName);
    last = token.end;
  }
  return out + text.slice(last);
}

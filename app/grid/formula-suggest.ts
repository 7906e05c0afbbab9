/**
 * What the formula editor offers at the caret: column names after an open `{`, function names
 * while a bare word is typed, nothing inside text. Pure, so the editor stays a thin shell.
 */
import { FUNCTIONS, formatReference, tokenize } from "../../schema/formula";

export type Suggestion = { kind: "column" | "function"; label: string; detail: string; insert: string };
/** The suggestions and the span of text that accepting one replaces. */
export type Suggestions = { from: number; to: number; items: Suggestion[] };

/** Enough to pick from without scrolling a long list. */
const MAX_ITEMS = 8;

/** Items whose label starts with the query first, then those that contain it. */
function rank<T extends { label: string }>(items: T[], query: string): T[] {
  const q = query.toLowerCase();
  const starts = items.filter((i) => i.label.toLowerCase().startsWith(q));
  const contains = items.filter((i) => !starts.includes(i) && i.label.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, MAX_ITEMS);
}

/**
 * @example suggest("IF({Sta", 7, ["Status", "Stage"]) // column items replacing "{Sta" with "{Status}"
 */
export function suggest(text: string, caret: number, columns: readonly string[]): Suggestions | null {
  const before = text.slice(0, caret);
  const { error, tokens } = tokenize(before);
  if (error?.message.startsWith("Text is missing")) return null;
  if (error?.message.startsWith("Column reference is missing") || error?.message.startsWith("Empty column")) {
    const from = error.position;
    const query = before.slice(from + 1);
    // A `}` right after the caret closes the reference being typed; accepting replaces it too.
    const to = text[caret] === "}" ? caret + 1 : caret;
    const items = rank(
      columns.map((name) => ({
        kind: "column" as const,
        label: name,
        detail: "Column",
        insert: formatReference(name),
      })),
      query,
    );
    return items.length ? { from, to, items } : null;
  }
  if (error) return null;
  const last = tokens[tokens.length - 2];
  if (last?.type !== "word" || last.end !== caret) return null;
  const items = rank(
    FUNCTIONS.map((f) => ({ kind: "function" as const, label: f.name, detail: f.signature, insert: `${f.name}(` })),
    last.word,
  ).filter((i) => i.label !== last.word.toUpperCase() || text[caret] !== "(");
  return items.length ? { from: last.start, to: caret, items } : null;
}

/** The text and caret after accepting a suggestion. */
export function accept(text: string, at: Suggestions, item: Suggestion): { text: string; caret: number } {
  const next = text.slice(0, at.from) + item.insert + text.slice(at.to);
  return { text: next, caret: at.from + item.insert.length };
}

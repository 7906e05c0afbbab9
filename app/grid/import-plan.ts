/**
 * Turning a parsed CSV into rows: which CSV column goes to which table column (matched by name,
 * or new, or skipped), values converted by the target type, duplicates skipped by a key column.
 */
import type { CellValue, ColumnDef, ColumnType } from "../../schema/tables";
import { parseInput } from "./parse";

export type Target = { kind: "existing"; columnId: string } | { kind: "new" } | { kind: "skip" };
export type Mapping = Record<string, Target>;

/** CSV headers matched to existing columns by name (ignoring case and spaces); the rest become new columns. */
export function autoMapping(headers: string[], columns: ColumnDef[]): Mapping {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
  const byName = new Map(columns.map((c) => [norm(c.name), c.id]));
  return Object.fromEntries(
    headers.map((h) => {
      const id = byName.get(norm(h));
      return [h, id ? { kind: "existing", columnId: id } : { kind: "new" }];
    }),
  );
}

export type Plan = { rows: Record<string, CellValue>[]; duplicates: number; problems: string[] };

/**
 * The rows to add. `columnFor` gives the table column each mapped CSV header writes to (new
 * columns included); `key` names a table column whose values must not repeat, in the table
 * (`existingKeys`, lowercased) or in the file.
 */
export function planImport(
  records: Record<string, string>[],
  columnFor: (header: string) => ColumnDef | null,
  key: { columnId: string; existingKeys: Set<string> } | null,
): Plan {
  const rows: Record<string, CellValue>[] = [];
  const problems: string[] = [];
  const seen = new Set(key?.existingKeys ?? []);
  let duplicates = 0;
  records.forEach((record, i) => {
    const cells: Record<string, CellValue> = {};
    for (const [header, text] of Object.entries(record)) {
      const column = columnFor(header);
      if (!column || text === undefined) continue;
      const parsed = parseInput(column.type, text);
      if (parsed.ok) {
        if (parsed.value !== null) cells[column.id] = parsed.value;
      } else if (problems.length < 20) {
        problems.push(`Row ${i + 2}, ${header}: ${parsed.error} (“${text}”)`);
      }
    }
    if (key) {
      const value = cells[key.columnId];
      const k = typeof value === "string" ? value.trim().toLowerCase() : JSON.stringify(value ?? "");
      if (k && seen.has(k)) {
        duplicates++;
        return;
      }
      if (k) seen.add(k);
    }
    if (Object.keys(cells).length) rows.push(cells);
  });
  return { rows, duplicates, problems };
}

/** Values looked at to guess a new column's type: enough to be sure, few enough to stay instant. */
const DETECT_SAMPLE = 1000;
const NUMBER = /^-?[\d,]*\.?\d+$/;
const TYPE_TESTS: [ColumnType, (v: string) => boolean][] = [
  ["checkbox", (v) => /^(true|false|yes|no)$/i.test(v)],
  ["currency", (v) => /^-?\$/.test(v) && NUMBER.test(v.replace(/^(-?)\$/, "$1"))],
  ["percent", (v) => v.endsWith("%") && NUMBER.test(v.slice(0, -1))],
  ["number", (v) => NUMBER.test(v)],
  ["date", (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v)],
  ["datetime", (v) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v))],
  ["email", (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)],
  ["url", (v) => /^(https?:\/\/|www\.)\S+$/i.test(v)],
  ["phone", (v) => /^\+?[\d\s().-]{7,20}$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 7],
];

/**
 * The type a new column gets from its values: the first type every non-empty value fits, long
 * text past 200 characters, else text.
 * @example detectType(["$1,200", "$85"]) // "currency"
 */
export function detectType(values: readonly string[]): ColumnType {
  const sample = values
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, DETECT_SAMPLE);
  if (sample.length === 0) return "text";
  for (const [type, fits] of TYPE_TESTS) if (sample.every(fits)) return type;
  return sample.some((v) => v.length > 200 || v.includes("\n")) ? "longText" : "text";
}

/**
 * Turning a parsed CSV into rows: which CSV column goes to which table column (matched by name,
 * or new, or skipped), values converted by the target type, duplicates skipped by a key column.
 */
import type { CellValue, ColumnDef } from "../../schema/tables";
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

/**
 * Formula columns computed for a row: every formula column of a table in dependency order (a
 * column caught in a cycle gives #CYCLE!), from the row's other cells. Formula values are derived
 * and never stored; whatever a document holds under a formula column's id is ignored. The
 * TableRoom uses this for rule conditions, button guards and the rows the API returns.
 */
import { FormulaOptions } from "./buttons";
import { FormulaGraph, type LinkedAccessor } from "./formula";
import type { CellValue, ColumnDef } from "./tables";

/** A row of another table by its table and row id, cells by column name; undefined when unknown. */
export type LinkedRows = (tableId: string, rowId: string) => Readonly<Record<string, CellValue>> | undefined;

/** Distinct column layouts whose compiled graphs are kept (a room has one table, a few edits of it). */
const GRAPHS_KEPT = 8;
const graphs = new Map<string, TableFormulas>();

export class TableFormulas {
  private readonly graph: FormulaGraph;
  /** Ids of the formula columns. */
  readonly ids: ReadonlySet<string>;

  private constructor(private readonly columns: readonly ColumnDef[]) {
    const formulas = columns
      .filter((c) => c.type === "formula")
      .map((c) => ({ id: c.id, name: c.name, text: formulaText(c) }));
    this.graph = new FormulaGraph(
      formulas,
      columns.filter((c) => c.type !== "formula"),
    );
    this.ids = new Set(formulas.map((f) => f.id));
  }

  /**
   * The formulas of a table's columns, compiled once per column layout.
   * @example TableFormulas.of(columns).compute({ c1: 2, c2: 3 }) // { c1: 2, c2: 3, c3: 6 }
   */
  static of(columns: readonly ColumnDef[]): TableFormulas {
    const key = JSON.stringify(columns.map((c) => [c.id, c.name, c.type === "formula" ? formulaText(c) : null]));
    let found = graphs.get(key);
    if (found) {
      graphs.delete(key);
    } else {
      found = new TableFormulas(columns);
      if (graphs.size >= GRAPHS_KEPT) graphs.delete(graphs.keys().next().value!);
    }
    graphs.set(key, found);
    return found;
  }

  /**
   * The row's cells (by column id) with every formula column's value filled in; `linked` gives
   * the rows of other tables its link columns point to, for lookups and rollups.
   */
  compute(
    cells: Readonly<Record<string, CellValue>>,
    now?: () => Date,
    linked?: LinkedRows,
  ): Record<string, CellValue> {
    if (this.ids.size === 0) return { ...cells };
    const out: Record<string, CellValue> = {};
    for (const [id, value] of Object.entries(cells)) if (!this.ids.has(id)) out[id] = value;
    const results = this.graph.evaluateRow(out, { now, linked: linked && this.lookups(out, linked) });
    for (const [id, value] of Object.entries(results)) out[id] = value as CellValue;
    return out;
  }

  /**
   * The row as formulas and actions see it: cells by column name, formula columns computed, every
   * column present (null when empty). When two columns share a name, the first wins.
   */
  named(cells: Readonly<Record<string, CellValue>>, now?: () => Date): Record<string, CellValue> {
    const computed = this.compute(cells, now);
    const out: Record<string, CellValue> = {};
    for (const column of this.columns)
      if (!Object.hasOwn(out, column.name)) out[column.name] = computed[column.id] ?? null;
    return out;
  }

  /** Reads `{Link}.{Field}` for one row: the field's values in the rows its link cell lists. */
  private lookups(cells: Readonly<Record<string, CellValue>>, linked: LinkedRows): LinkedAccessor {
    return (link, field) => {
      const column = this.columns.find((c) => c.name === link && c.type === "link");
      const table = typeof column?.options.table === "string" ? column.options.table : null;
      const ids = column ? cells[column.id] : null;
      if (!column || !table || !Array.isArray(ids)) return undefined;
      const rows: Readonly<Record<string, CellValue>>[] = [];
      for (const id of ids) {
        const row = typeof id === "string" ? linked(table, id) : undefined;
        if (row) rows.push(row);
      }
      if (rows.length && !rows.some((r) => Object.hasOwn(r, field))) return undefined;
      return rows.map((r) => r[field] ?? null);
    };
  }

  /** The formula columns whose value may change when `changed` columns change. */
  affectedBy(changed: Iterable<string>): string[] {
    return this.ids.size === 0 ? [] : this.graph.recomputeOrder(changed);
  }
}

function formulaText(column: ColumnDef): string {
  const parsed = FormulaOptions.safeParse(column.options);
  return parsed.success ? parsed.data.formula : "";
}

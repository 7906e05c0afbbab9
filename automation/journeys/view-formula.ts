/**
 * A view's filters as one formula, so "a row enters the view" can be a change rule: the rule's
 * `when` is true exactly for the rows the view shows, and fires as a row comes to match. Follows
 * the row index's filter meanings: text compared without case, `contains` as a substring,
 * `between` with both ends included, `anyof` a comma-separated list. Filters on columns that are
 * gone are left out, as the grid leaves them out.
 */
import { type ColumnType, filterValues, NUMERIC_TYPES, type RowFilter } from "../../schema/tables";

type Column = { id: string; name: string; type: ColumnType };

const ref = (name: string) => `{${name.replaceAll("\\", "\\\\").replaceAll("}", "\\}")}}`;
const text = (value: string) => `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
/** SEARCH's wildcards (`?`, `*`) taken literally: `~` escapes them. */
const literal = (value: string) => value.replace(/[~?*]/g, "~$&");

function test(column: Column, op: RowFilter["op"], value: string): string {
  const cell = `(${ref(column.name)} & '')`;
  const numeric = NUMERIC_TYPES.has(column.type);
  const operand = (v: string) => (numeric && Number.isFinite(Number(v)) ? String(Number(v)) : text(v.toLowerCase()));
  const field = numeric ? ref(column.name) : `LOWER${cell}`;
  const equals = (v: string) => `${field} = ${operand(v)}`;
  switch (op) {
    case "empty":
      return `LEN${cell} = 0`;
    case "notempty":
      return `LEN${cell} > 0`;
    case "eq":
      return equals(value);
    case "neq":
      return `NOT(${equals(value)})`;
    case "contains":
      return `IFERROR(SEARCH(${text(literal(value))}, ${cell}), 0) > 0`;
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const sign = { gt: ">", gte: ">=", lt: "<", lte: "<=" }[op];
      return `${field} ${sign} ${operand(value)}`;
    }
    case "between": {
      const [low, high] = filterValues(value);
      if (low === undefined || high === undefined) return "FALSE";
      return `AND(${field} >= ${operand(low)}, ${field} <= ${operand(high)})`;
    }
    case "anyof": {
      const values = filterValues(value);
      return values.length ? `OR(${values.map(equals).join(", ")})` : "FALSE";
    }
  }
}

/**
 * The formula true for the rows a view with `filters` shows; `TRUE` with no filter.
 * @example viewFormula([{ columnId: "c1", op: "eq", value: "new" }], [{ id: "c1", name: "Stage", type: "singleSelect" }]) // "LOWER({Stage} & '') = 'new'"
 */
export function viewFormula(filters: RowFilter[], columns: Column[]): string {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const tests = filters.flatMap((f) => {
    const column = byId.get(f.columnId);
    return column ? [test(column, f.op, f.value)] : [];
  });
  if (!tests.length) return "TRUE";
  return tests.length === 1 ? tests[0]! : `AND(${tests.join(", ")})`;
}

/**
 * A filter carried in a table page's URL (`?filter=<columnKey>:<op>:<value>`), so a number on a
 * dashboard opens the rows behind it. The column is named by its stable key (renaming it in the
 * grid breaks no link); the filter narrows what the page shows and is never saved to the view.
 */
import type { PipelineStageCount } from "../../schema/autopilot";
import type { ColumnDef, FilterOp, RowFilter } from "../../schema/tables";

export const FILTER_PARAM = "filter";

export type LinkFilter = NonNullable<NonNullable<PipelineStageCount["link"]>["filter"]>;

/** The link's operators as the grid's filters name them. */
const OPS: Record<LinkFilter["op"], FilterOp> = { is: "eq", isAnyOf: "anyof", notEmpty: "notempty" };

/**
 * The `filter` parameter for a link's filter.
 * @example filterParam({ columnKey: "status", op: "isAnyOf", value: ["clicked", "replied"] }) // "status:isAnyOf:clicked,replied"
 */
export function filterParam(filter: LinkFilter): string {
  const value = Array.isArray(filter.value) ? filter.value.join(",") : (filter.value ?? "");
  return `${filter.columnKey}:${filter.op}:${value}`;
}

/** The grid filter a `filter` parameter names, or null when it is malformed or its column is gone. */
export function filterFromParam(param: string | null, columns: ColumnDef[]): RowFilter | null {
  if (!param) return null;
  const [key, op, ...rest] = param.split(":");
  if (!key || !op || !(op in OPS)) return null;
  const column = columns.find((c) => c.options.key === key);
  if (!column) return null;
  return { columnId: column.id, op: OPS[op as LinkFilter["op"]], value: rest.join(":") };
}

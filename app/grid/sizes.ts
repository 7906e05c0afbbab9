/** The grid's measures, shared by the grid, its header and the column menus. */

/** The header row's height; body rows take the view's row height. */
export const HEADER_HEIGHT = 32;
/** Narrower than this, a header cannot show its name and menu. */
export const MIN_COLUMN_WIDTH = 60;
/** Wider than this, a column is wider than most screens. */
export const MAX_COLUMN_WIDTH = 1200;
/** The row-number column on the left. */
export const NUMBER_COL = 56;

/** A column's width in a view: set in the view, else in the column, else by its type. */
export function columnWidth(
  column: { id: string; type: string; options: Record<string, unknown> },
  widths: Record<string, number>,
): number {
  const set = widths[column.id] ?? column.options.width;
  if (typeof set === "number") return Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, set));
  return column.type === "longText" ? 280 : column.type === "button" ? 200 : 180;
}

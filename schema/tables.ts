/**
 * Tables as the API and the documents see them: column definitions, cell values, row queries.
 * One source for the Worker's validation, the TableRoom and the app.
 */
import { z } from "zod";

export const COLUMN_TYPES = [
  "text",
  "longText",
  "number",
  "currency",
  "percent",
  "checkbox",
  "singleSelect",
  "multiSelect",
  "date",
  "datetime",
  "email",
  "url",
  "phone",
  "rating",
  "link",
  "attachment",
  "status",
  "formula",
  "button",
] as const;
export const ColumnType = z.enum(COLUMN_TYPES);
export type ColumnType = z.infer<typeof ColumnType>;

/** Types whose cells sort and compare as numbers in the row index. */
export const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set(["number", "currency", "percent", "rating", "checkbox"]);

export const ColumnOptions = z.record(z.string(), z.unknown());

export const ColumnDef = z.object({
  id: z.string(),
  name: z.string(),
  type: ColumnType,
  options: ColumnOptions.default({}),
});
export type ColumnDef = z.infer<typeof ColumnDef>;

export const NewColumn = z.object({
  name: z.string().trim().min(1, "is required").max(120),
  type: ColumnType.default("text"),
  options: ColumnOptions.optional(),
});

export const CreateTable = z.object({
  name: z.string().trim().min(1, "is required").max(120),
  columns: z.array(NewColumn).max(500).default([]),
});
export type CreateTable = z.infer<typeof CreateTable>;

export const RenameTable = z.object({ name: z.string().trim().min(1, "is required").max(120) });

/** What a cell may hold: JSON scalars, lists (multi select, links, attachments) and small objects. */
export type CellValue = string | number | boolean | null | CellValue[] | { [key: string]: CellValue };
export const CellValue: z.ZodType<CellValue> = z.lazy(() =>
  z.union([
    z.string().max(100_000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(CellValue).max(1000),
    z.record(z.string(), CellValue),
  ]),
);

/** Cells keyed by column id or column name. */
export const Cells = z.record(z.string(), CellValue);
export type Cells = z.infer<typeof Cells>;

export const RowWrite = z.object({ cells: Cells });

/** Rows to add in one request (`POST /api/tables/:id/rows` in bulk), in the order they go in. */
export const RowsInsert = z.object({ rows: z.array(RowWrite).min(1, "give at least one row") });
/** Cells to set in existing rows in one request (`PATCH /api/tables/:id/rows`); null clears a cell. */
export const RowsPatch = z.object({
  rows: z.array(z.object({ id: z.string().min(1), cells: Cells })).min(1, "give at least one row"),
});
/** Rows to delete in one request (`DELETE /api/tables/:id/rows`). */
export const RowsDelete = z.object({ ids: z.array(z.string().min(1)).min(1, "give at least one row id") });

export const FILTER_OPS = [
  "eq",
  "neq",
  "contains",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "anyof",
  "empty",
  "notempty",
] as const;
export const FilterOp = z.enum(FILTER_OPS);
export type FilterOp = z.infer<typeof FilterOp>;

export type RowFilter = { columnId: string; op: FilterOp; value: string };

/**
 * The values of a filter that takes several: `between` takes "low,high" (both included), `anyof`
 * a comma-separated list. Spaces around each value are dropped, empty ones left out.
 * @example filterValues("5, 20") // ["5", "20"]
 */
export function filterValues(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Row heights a view offers, in pixels: one line, two lines, four lines (Airtable's short, medium, tall). */
export const ROW_HEIGHTS = { short: 32, medium: 56, tall: 96 } as const;
export type RowHeight = keyof typeof ROW_HEIGHTS;

/** A saved way of looking at a table, shared by everyone on it (kept in the manifest's `views`). */
export const ViewSpec = z.object({
  name: z.string().trim().min(1).max(80).catch("Grid view"),
  /** Where the view sits among the table's views (tabs sort by it). */
  position: z.number().catch(0),
  sorts: z.array(z.object({ columnId: z.string(), direction: z.enum(["asc", "desc"]) })).default([]),
  filters: z.array(z.object({ columnId: z.string(), op: FilterOp, value: z.string() })).default([]),
  hidden: z.array(z.string()).default([]),
  /** Column ids in the order this view shows them; columns not listed follow in table order. */
  order: z.array(z.string()).catch([]),
  /** Column widths in pixels set in this view, by column id. */
  widths: z.record(z.string(), z.number().min(60).max(1200)).catch({}),
  /** A column whose values group the rows, with a count per group. */
  groupBy: z.string().nullable().catch(null),
  rowHeight: z.enum(["short", "medium", "tall"]).catch("short"),
});
export type ViewSpec = z.infer<typeof ViewSpec>;
export type RowSort = { columnId: string; direction: "asc" | "desc" };
export type RowQuery = { limit: number; offset: number; sort: RowSort[]; filters: RowFilter[] };
export type RowRecord = { id: string; cells: Record<string, CellValue> };
/** A row placed as a view shows it: its cells, and the block and manual position it has in the docs. */
export type ViewRow = RowRecord & { block: `b${number}`; pos: string };
/**
 * The first rows of a saved view with the view itself (`GET /api/tables/:id/views/:viewId/rows`):
 * a page draws them before the table's docs have synced. `viewId` is the view answered (the
 * default one when the asked one is gone).
 */
export type ViewPage = { viewId: string; view: ViewSpec; rows: ViewRow[]; total: number };

/**
 * A view's sorts and filters as the row index takes them, without columns that are gone (the grid
 * skips those too). With `grouped`, the view's group column sorts first, as the grid groups rows.
 */
export function viewQuery(
  view: Pick<ViewSpec, "sorts" | "filters"> & Partial<Pick<ViewSpec, "groupBy">>,
  columns: readonly { id: string }[],
  grouped = false,
) {
  const known = new Set(columns.map((c) => c.id));
  const group = grouped && view.groupBy && known.has(view.groupBy) ? view.groupBy : null;
  const sort: RowSort[] = group ? [{ columnId: group, direction: "asc" }] : [];
  for (const s of view.sorts) if (known.has(s.columnId) && s.columnId !== group) sort.push(s);
  return { sort, filters: view.filters.filter((f) => known.has(f.columnId)) } satisfies Pick<
    RowQuery,
    "sort" | "filters"
  >;
}
export type RowPage = { rows: RowRecord[]; nextCursor: string | null; total: number };
/**
 * A view's order without cells: `[rowId, block]` pairs, the view's row count, and the highest
 * manual position in the table (where a new row goes). The API adds `nextCursor` when paged.
 */
export type RowOrder = { rows: [string, `b${number}`][]; total: number; lastPos: string | null };
export type RowOrderPage = RowOrder & { nextCursor: string | null };

/** A change made by an automation: a rule's or a button's action, or the room's own bookkeeping. */
export const AutomationOrigin = z.object({
  kind: z.literal("automation"),
  job: z.string(),
  /** The rule whose action wrote this, and how many automation writes deep the chain is. */
  ruleId: z.string().optional(),
  depth: z.number().int().min(1).optional(),
});
export type AutomationOrigin = z.infer<typeof AutomationOrigin>;

/** Who made a change: a person through the sync socket, an API client, or an automation. */
export const Origin = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), userId: z.string() }),
  z.object({ kind: z.literal("api"), userId: z.string().nullable(), tokenId: z.string().nullable() }),
  AutomationOrigin,
]);
export type Origin = z.infer<typeof Origin>;

/** One entry of a row's timeline, as the API gives it. */
export type RowHistoryEntry = {
  at: string;
  kind: "insert" | "update" | "delete";
  columnId: string | null;
  old: CellValue | null;
  new: CellValue | null;
  by: string;
};

export type TableSummary = {
  id: string;
  name: string;
  rowCount: number;
  docs: string[];
  /** When a row last changed (ISO), and who changed it; null for a table never edited. */
  lastActivity: { at: string; by: string } | null;
};
export type TableDetail = TableSummary & { columns: ColumnDef[]; blocks: { doc: string; rows: number }[] };

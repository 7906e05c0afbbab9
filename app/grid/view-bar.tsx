/** The bar above the grid: search, filters, the current sort and hidden columns of the shared view. */
import { ArrowUpDown, Filter, Search, X } from "lucide-react";
import { useState } from "react";
import { type ColumnDef, FILTER_OPS, type FilterOp, type RowHeight, type ViewSpec } from "../../schema/tables";
import type { TableSync } from "../../sync/provider";
import { Button, countOf, Input, Select } from "../components/ui";
import { updateView } from "./use-table";

const OP_LABELS: Record<FilterOp, string> = {
  eq: "is",
  neq: "is not",
  contains: "contains",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  between: "is between",
  anyof: "is any of",
  empty: "is empty",
  notempty: "is not empty",
};

type Props = {
  /** Null until the table's views have synced: the bar shows the served view, its controls disabled. */
  sync: TableSync | null;
  viewId: string;
  columns: ColumnDef[];
  view: ViewSpec;
  search: string;
  onSearch: (text: string) => void;
  shown: number;
  total: number;
  /** A windowed table (its row count, and why its order failed to load): search and grouping are off. */
  windowed?: { rows: number; error: string | null } | null;
};

export function ViewBar({ sync, viewId, columns, view, search, onSearch, shown, total, windowed }: Props) {
  const [adding, setAdding] = useState(false);
  const [sorting, setSorting] = useState(false);
  const name = (id: string) => columns.find((c) => c.id === id)?.name ?? "?";
  const chip = "flex items-center gap-1 rounded bg-accent-soft px-2 py-1 text-xs text-accent";
  const update = (change: (v: ViewSpec) => ViewSpec) => sync && updateView(sync, viewId, change);
  return (
    // A disabled fieldset disables every control in it at once.
    <fieldset disabled={!sync} className="flex min-w-0 flex-wrap items-center gap-2">
      <div className="relative">
        <Search className="pointer-events-none absolute top-2.5 left-2 h-4 w-4 text-muted" aria-hidden />
        <Input
          type="search"
          aria-label="Search rows"
          placeholder="Search"
          value={search}
          disabled={Boolean(windowed)}
          onChange={(e) => onSearch(e.target.value)}
          className="w-56 pl-8"
        />
      </div>
      {view.filters.map((f, i) => (
        <span key={`${f.columnId}-${i.toString()}`} className={chip}>
          {name(f.columnId)} {OP_LABELS[f.op]} {f.op === "empty" || f.op === "notempty" ? "" : `“${f.value}”`}
          <button
            type="button"
            aria-label={`Remove filter on ${name(f.columnId)}`}
            onClick={() => update((v) => ({ ...v, filters: v.filters.filter((_, j) => j !== i) }))}
          >
            <X className="h-3 w-3" />
          </button>
        </span>
      ))}
      {adding ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const filter = {
              columnId: String(form.get("column")),
              op: String(form.get("op")) as FilterOp,
              value: String(form.get("value") ?? ""),
            };
            update((v) => ({ ...v, filters: [...v.filters, filter] }));
            setAdding(false);
          }}
        >
          <Select name="column" aria-label="Filter column">
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
          <Select name="op" aria-label="Filter condition" defaultValue="contains">
            {FILTER_OPS.map((op) => (
              <option key={op} value={op}>
                {OP_LABELS[op]}
              </option>
            ))}
          </Select>
          <Input name="value" aria-label="Filter value" className="w-36" placeholder="value, or a, b" />
          <Button type="submit" variant="primary">
            Apply
          </Button>
          <Button variant="ghost" onClick={() => setAdding(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Button variant="ghost" onClick={() => setAdding(true)}>
          <Filter className="h-4 w-4" aria-hidden /> Filter
        </Button>
      )}
      {view.sorts.map((s, i) => (
        <span key={s.columnId} className={chip}>
          {i === 0 ? "Sorted by" : "then"} {name(s.columnId)} {s.direction === "asc" ? "↑" : "↓"}
          <button
            type="button"
            aria-label={`Remove sort by ${name(s.columnId)}`}
            onClick={() => update((v) => ({ ...v, sorts: v.sorts.filter((x) => x.columnId !== s.columnId) }))}
          >
            <X className="h-3 w-3" />
          </button>
        </span>
      ))}
      {sorting ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const sort = {
              columnId: String(form.get("column")),
              direction: form.get("direction") === "desc" ? ("desc" as const) : ("asc" as const),
            };
            update((v) => ({
              ...v,
              sorts: [...v.sorts.filter((x) => x.columnId !== sort.columnId), sort],
            }));
            setSorting(false);
          }}
        >
          <Select name="column" aria-label="Sort column">
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
          <Select name="direction" aria-label="Sort direction">
            <option value="asc">A → Z, 1 → 9</option>
            <option value="desc">Z → A, 9 → 1</option>
          </Select>
          <Button type="submit" variant="primary">
            Sort
          </Button>
          <Button variant="ghost" onClick={() => setSorting(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Button variant="ghost" onClick={() => setSorting(true)}>
          <ArrowUpDown className="h-4 w-4" aria-hidden /> {view.sorts.length ? "Then by" : "Sort"}
        </Button>
      )}
      <Select
        aria-label="Group rows by"
        disabled={Boolean(windowed)}
        value={windowed ? "" : (view.groupBy ?? "")}
        onChange={(e) => update((v) => ({ ...v, groupBy: e.target.value || null }))}
        className="h-8"
      >
        <option value="">No grouping</option>
        {columns
          .filter((c) => c.type !== "button")
          .map((c) => (
            <option key={c.id} value={c.id}>
              Group by {c.name}
            </option>
          ))}
      </Select>
      <Select
        aria-label="Row height"
        value={view.rowHeight}
        onChange={(e) => update((v) => ({ ...v, rowHeight: e.target.value as RowHeight }))}
        className="h-8"
      >
        <option value="short">Short rows</option>
        <option value="medium">Medium rows</option>
        <option value="tall">Tall rows</option>
      </Select>
      {view.hidden.length ? (
        <button type="button" className={chip} onClick={() => update((v) => ({ ...v, hidden: [] }))}>
          {view.hidden.length} hidden · show all
        </button>
      ) : null}
      {windowed ? (
        <span className="text-xs text-muted" data-windowed="">
          Search and grouping need the whole table in the browser; with {windowed.rows.toLocaleString()} rows this one
          loads only the rows in view. Filters and sorts run on the server.
        </span>
      ) : null}
      {windowed?.error ? (
        <span role="alert" className="text-xs text-danger">
          {windowed.error}
        </span>
      ) : null}
      {shown !== total ? (
        <span className="text-xs text-muted" role="status">
          {shown.toLocaleString()} of {countOf(total, "row")}
        </span>
      ) : null}
    </fieldset>
  );
}

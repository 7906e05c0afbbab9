/** The bar above the grid: search, filters, the current sort and hidden columns of the shared view. */
import { Filter, Search, X } from "lucide-react";
import { useState } from "react";
import { type ColumnDef, FILTER_OPS, type FilterOp, type ViewSpec } from "../../schema/tables";
import type { TableSync } from "../../sync/provider";
import { Button, Input, Select } from "../components/ui";
import { updateView } from "./use-table";

const OP_LABELS: Record<FilterOp, string> = {
  eq: "is",
  neq: "is not",
  contains: "contains",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  empty: "is empty",
  notempty: "is not empty",
};

type Props = {
  sync: TableSync;
  columns: ColumnDef[];
  view: ViewSpec;
  search: string;
  onSearch: (text: string) => void;
  shown: number;
  total: number;
};

export function ViewBar({ sync, columns, view, search, onSearch, shown, total }: Props) {
  const [adding, setAdding] = useState(false);
  const name = (id: string) => columns.find((c) => c.id === id)?.name ?? "?";
  const chip = "flex items-center gap-1 rounded bg-accent-soft px-2 py-1 text-xs text-accent";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="relative">
        <Search className="pointer-events-none absolute top-2.5 left-2 h-4 w-4 text-muted" aria-hidden />
        <Input
          type="search"
          aria-label="Search rows"
          placeholder="Search"
          value={search}
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
            onClick={() => updateView(sync, (v) => ({ ...v, filters: v.filters.filter((_, j) => j !== i) }))}
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
            updateView(sync, (v) => ({ ...v, filters: [...v.filters, filter] }));
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
          <Input name="value" aria-label="Filter value" className="w-36" />
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
      {view.sorts.map((s) => (
        <span key={s.columnId} className={chip}>
          Sorted by {name(s.columnId)} {s.direction === "asc" ? "↑" : "↓"}
          <button type="button" aria-label="Clear sort" onClick={() => updateView(sync, (v) => ({ ...v, sorts: [] }))}>
            <X className="h-3 w-3" />
          </button>
        </span>
      ))}
      {view.hidden.length ? (
        <button type="button" className={chip} onClick={() => updateView(sync, (v) => ({ ...v, hidden: [] }))}>
          {view.hidden.length} hidden · show all
        </button>
      ) : null}
      {shown !== total ? (
        <span className="text-xs text-muted" role="status">
          {shown.toLocaleString()} of {total.toLocaleString()} rows
        </span>
      ) : null}
    </div>
  );
}

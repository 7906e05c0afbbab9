/**
 * A link cell: the rows of another table it points to, as chips named by their first column;
 * opening it shows a picker that searches the other table and links or unlinks rows.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { Link2, Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import type { CellValue, ColumnDef } from "../../schema/tables";
import { Input } from "../components/ui";
import { type LinkedRow, searchLinked, useLinkedTable } from "./linked-rows";

type Props = {
  column: ColumnDef;
  value: CellValue | undefined;
  readOnly: boolean;
  onChange: (rowIds: string[]) => void;
};

const idsOf = (value: CellValue | undefined) =>
  Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];

export function LinkCell({ column, value, readOnly, onChange }: Props) {
  const linkedId = typeof column.options.table === "string" ? column.options.table : null;
  const table = useLinkedTable(linkedId);
  const ids = idsOf(value);
  const name = (id: string) => table?.names.get(id) ?? (table ? "A deleted row" : "…");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<LinkedRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** What the picker shows as linked: the cell's value, ahead of it by the clicks not yet synced. */
  const [picked, setPicked] = useState<string[] | null>(null);
  const current = picked ?? ids;

  useEffect(() => {
    if (!open || !linkedId || !table) return;
    let live = true;
    const timer = setTimeout(() => {
      searchLinked(linkedId, table.primary, query)
        .then((rows) => {
          if (!live) return;
          setFound(rows);
          setProblem(null);
        })
        .catch((error: Error) => live && setProblem(error.message));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, linkedId, table, query]);

  if (!linkedId) return <span className="text-xs text-muted">Choose a table for this column</span>;
  const toggle = (id: string) => {
    const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
    setPicked(next);
    onChange(next);
  };
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setPicked(null);
      }}
    >
      <Dialog.Trigger
        aria-label={`${column.name}: ${ids.length} linked`}
        onMouseDown={(e) => e.stopPropagation()}
        className="flex h-full min-w-0 items-center gap-1 overflow-hidden"
      >
        {ids.length === 0 ? (
          <Link2 className="h-3.5 w-3.5 text-muted opacity-0 group-hover:opacity-100" aria-hidden />
        ) : null}
        {ids.slice(0, 3).map((id) => (
          <span key={id} className="truncate rounded bg-accent-soft px-1.5 text-xs leading-5 text-accent">
            {name(id)}
          </span>
        ))}
        {ids.length > 3 ? <span className="text-xs text-muted">+{ids.length - 3}</span> : null}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[80vh] w-[min(92vw,460px)] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-xl">
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-[15px] font-semibold">
              {column.name}: rows of {table?.name ?? "…"}
            </Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-surface-2">
              <X className="h-4 w-4" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Link or unlink rows of the other table</Dialog.Description>
          <div className="relative">
            <Search className="pointer-events-none absolute top-2.5 left-2 h-4 w-4 text-muted" aria-hidden />
            <Input
              aria-label="Find a row"
              placeholder="Find a row"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="pl-8"
              autoFocus
            />
          </div>
          {problem ? (
            <p role="alert" className="text-[13px] text-danger">
              {problem}
            </p>
          ) : null}
          <ul aria-label="Rows to link" className="flex flex-col overflow-auto">
            {(found ?? []).map((row) => (
              <li key={row.id}>
                <label className="flex items-center gap-2 rounded px-2 py-1.5 text-[13px] hover:bg-surface-2">
                  <input
                    type="checkbox"
                    checked={current.includes(row.id)}
                    disabled={readOnly}
                    onChange={() => toggle(row.id)}
                  />
                  {row.name}
                </label>
              </li>
            ))}
            {found?.length === 0 ? <li className="px-2 py-1.5 text-[13px] text-muted">No row matches.</li> : null}
          </ul>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

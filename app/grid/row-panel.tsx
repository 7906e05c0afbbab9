/** A row expanded: every field, and the timeline of its changes (who, when, old → new). */
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useEffect, useState } from "react";
import type { ColumnDef, RowHistoryEntry } from "../../schema/tables";
import { DateTime } from "../components/ui";
import { CellDisplay } from "./cell-display";
import { inputText } from "./parse";
import type { GridRow } from "./use-table";

type Props = { tableId: string; row: GridRow | null; columns: ColumnDef[]; onClose: () => void };

export function RowPanel({ tableId, row, columns, onClose }: Props) {
  const [history, setHistory] = useState<RowHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rowId = row?.id;
  useEffect(() => {
    setHistory(null);
    setError(null);
    if (!rowId) return;
    let live = true;
    fetch(`/api/tables/${encodeURIComponent(tableId)}/rows/${encodeURIComponent(rowId)}/history`)
      .then(async (res) => {
        if (!res.ok)
          throw new Error(
            res.status === 404
              ? "This row is not saved on the server yet."
              : `Could not load the history (${res.status}).`,
          );
        return (await res.json()) as { changes: RowHistoryEntry[] };
      })
      .then((body) => live && setHistory(body.changes.reverse()))
      .catch(
        (e: Error) => live && setError(navigator.onLine ? e.message : "The history loads when you are back online."),
      );
    return () => {
      live = false;
    };
  }, [tableId, rowId]);

  const name = (id: string | null) => columns.find((c) => c.id === id)?.name ?? "a hidden column";
  const title = row ? inputText(row.cells[columns[0]?.id ?? ""]) || "Untitled row" : "";
  return (
    <Dialog.Root open={Boolean(row)} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className="fixed top-0 right-0 z-50 flex h-full w-[min(100vw,460px)] flex-col overflow-y-auto border-l border-line bg-surface p-5 shadow-xl">
          <div className="flex items-start justify-between gap-3">
            <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-surface-2">
              <X className="h-4 w-4" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Every field of this row and its history</Dialog.Description>
          <dl className="mt-4 flex flex-col gap-3">
            {row
              ? columns.map((c) => (
                  <div key={c.id}>
                    <dt className="text-xs font-medium text-muted">{c.name}</dt>
                    <dd className="mt-0.5 min-h-5 text-[13px]">
                      <CellDisplay column={c} value={row.cells[c.id]} />
                    </dd>
                  </div>
                ))
              : null}
          </dl>
          <h3 className="mt-6 border-t border-line pt-4 text-[13px] font-semibold">History</h3>
          {error ? <p className="mt-2 text-[13px] text-muted">{error}</p> : null}
          {history === null && !error ? <p className="mt-2 text-[13px] text-muted">Loading…</p> : null}
          <ol className="mt-2 flex flex-col gap-2.5" aria-label="Row history">
            {(history ?? []).map((h, i) => (
              <li key={`${h.at}-${i.toString()}`} className="text-[13px]">
                <div>
                  <strong className="font-medium">{h.by}</strong>{" "}
                  {h.kind === "insert"
                    ? "created this row"
                    : h.kind === "delete"
                      ? "deleted this row"
                      : `changed ${name(h.columnId)}`}
                </div>
                {h.kind === "update" ? (
                  <div className="text-muted">
                    <span className="line-through">{inputText(h.old) || "empty"}</span> →{" "}
                    <span className="text-fg">{inputText(h.new) || "empty"}</span>
                  </div>
                ) : null}
                <div className="text-xs text-muted">
                  <DateTime iso={h.at} />
                </div>
              </li>
            ))}
          </ol>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The dialog that adds a column: its name and type, and for computed and link columns their settings. */
import * as Dialog from "@radix-ui/react-dialog";
import { Plus } from "lucide-react";
import { useEffect, useState } from "react";
import { useParams } from "react-router";
import type { ColumnDef, ColumnType, TableSummary } from "../../schema/tables";
import { addColumn, newColumnId } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { Button, Field, Input, Select } from "../components/ui";
import { apiJson } from "../lib/api-client";
import { isComputed, TYPE_LABELS } from "./column-types";
import { ComputedFields, NEW_BUTTON, problemOf, type Sample } from "./computed-fields";

export function AddColumn({ sync, existing, sample }: { sync: TableSync; existing: ColumnDef[]; sample: Sample }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [type, setType] = useState<ColumnType>("text");
  const [options, setOptions] = useState<Record<string, unknown>>({});
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(null);
        setType("text");
        setOptions({});
      }}
    >
      <Dialog.Trigger
        aria-label="Add column"
        className="grid h-full w-10 shrink-0 place-items-center text-muted hover:bg-surface hover:text-fg"
      >
        <Plus className="h-4 w-4" />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className={`fixed top-1/2 left-1/2 z-50 max-h-[90vh] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg border border-line bg-surface p-5 shadow-xl ${isComputed(type) ? "w-[min(92vw,520px)]" : "w-[min(92vw,380px)]"}`}
        >
          <Dialog.Title className="text-[15px] font-semibold">Add a column</Dialog.Title>
          <Dialog.Description className="mt-1 text-[13px] text-muted">
            It appears for everyone on this table at once.
          </Dialog.Description>
          <form
            className="mt-4 flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              const name = String(form.get("name") ?? "").trim();
              if (!name) return setError("Give the column a name");
              if (existing.some((c) => c.name.toLowerCase() === name.toLowerCase()))
                return setError(`There is already a column “${name}”`);
              const problem = isComputed(type)
                ? (error ?? problemOf(type, options))
                : type === "link" && !options.table
                  ? "Choose the table to link to"
                  : null;
              if (problem) return setError(problem);
              const saved = isComputed(type) || type === "link" ? options : {};
              sync.manifest.transact(() => addColumn(sync.manifest, { id: newColumnId(), name, type, options: saved }));
              setOpen(false);
            }}
          >
            <Field label="Name">
              <Input name="name" autoFocus required maxLength={120} />
            </Field>
            <Field label="Type">
              <Select
                name="type"
                value={type}
                onChange={(e) => {
                  const next = e.target.value as ColumnType;
                  setType(next);
                  setOptions(next === "button" ? NEW_BUTTON : next === "formula" ? { formula: "" } : {});
                  setError(null);
                }}
              >
                {TYPE_LABELS.map(([type, label]) => (
                  <option key={type} value={type}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
            {type === "link" ? (
              <LinkTarget value={String(options.table ?? "")} onChange={(table) => setOptions({ table })} />
            ) : null}
            {isComputed(type) ? (
              <ComputedFields
                type={type}
                options={options}
                columns={existing}
                sample={sample}
                onChange={(next, why) => {
                  setOptions(next);
                  setError(why);
                }}
              />
            ) : null}
            {error ? (
              <p role="alert" className="text-[13px] text-danger">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button>Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant="primary">
                Add column
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The table a new link column points to, among the workspace's tables. */
function LinkTarget({ value, onChange }: { value: string; onChange: (tableId: string) => void }) {
  const { slug, tableId } = useParams();
  const [tables, setTables] = useState<TableSummary[] | null>(null);
  useEffect(() => {
    apiJson<TableSummary[]>(`/api/tables?workspace=${encodeURIComponent(slug ?? "")}`)
      .then(setTables)
      .catch(() => setTables([]));
  }, [slug]);
  return (
    <Field label="Links to rows of">
      <Select value={value} onChange={(e) => onChange(e.target.value)} aria-label="Table to link to">
        <option value="">{tables ? "Choose a table…" : "Loading tables…"}</option>
        {(tables ?? []).map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
            {t.id === tableId ? " (this table)" : ""}
          </option>
        ))}
      </Select>
    </Field>
  );
}

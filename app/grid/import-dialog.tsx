/**
 * Importing a CSV or Excel file into a table: pick a file, see the first rows, map each of its
 * columns to a table column (or a new one, typed from its values, or skip it), optionally skip
 * duplicates by a key column, then import with a progress bar while the page stays usable.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { Upload } from "lucide-react";
import { useMemo, useState } from "react";
import type { ColumnDef } from "../../schema/tables";
import { addColumn, newColumnId } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { Button, countOf, Notice, Select } from "../components/ui";
import { TYPE_LABELS } from "./column-types";
import { autoMapping, detectType, type Mapping, planImport } from "./import-plan";
import { readSheet } from "./read-sheet";
import { addRows, type GridRow } from "./use-table";

/** Largest file accepted: 50 MB of CSV or Excel is far past the 50,000-row case the product is built for. */
const MAX_BYTES = 50 * 1024 * 1024;

const TYPE_NAMES = Object.fromEntries(TYPE_LABELS) as Record<string, string>;

type Parsed = { name: string; headers: string[]; records: Record<string, string>[] };
type Progress = { done: number; total: number };

type Props = {
  sync: TableSync;
  columns: ColumnDef[];
  rows: GridRow[];
  /** Open at once (a table just made "from a file"). */
  initiallyOpen?: boolean;
  /** False when `rows` is not every row (a windowed table): duplicates could not be found. */
  canSkipDuplicates?: boolean;
};

export function ImportDialog({ sync, columns, rows, initiallyOpen = false, canSkipDuplicates = true }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const [file, setFile] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [keyHeader, setKeyHeader] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setMapping({});
    setKeyHeader("");
    setError(null);
    setProgress(null);
    setResult(null);
  };

  const choose = async (picked: File | undefined) => {
    reset();
    if (!picked) return;
    if (picked.size > MAX_BYTES)
      return setError(`That file is ${(picked.size / 1e6).toFixed(0)} MB; the limit is 50 MB.`);
    let sheet: Awaited<ReturnType<typeof readSheet>>;
    try {
      sheet = await readSheet(picked);
    } catch {
      return setError("That file could not be read: is it a CSV or an Excel (.xlsx) workbook?");
    }
    if (!sheet.headers.length) return setError("No header row found: the first line should name the columns.");
    setFile({ name: picked.name, ...sheet });
    setMapping(autoMapping(sheet.headers, columns));
  };

  const run = async () => {
    if (!file) return;
    const created = new Map<string, ColumnDef>();
    sync.manifest.transact(() => {
      for (const header of file.headers) {
        if (mapping[header]?.kind !== "new") continue;
        const column: ColumnDef = { id: newColumnId(), name: header, type: detected[header] ?? "text", options: {} };
        addColumn(sync.manifest, column);
        created.set(header, column);
      }
    });
    const byId = new Map(columns.map((c) => [c.id, c]));
    const columnFor = (header: string) => {
      const target = mapping[header];
      if (target?.kind === "existing") return byId.get(target.columnId) ?? null;
      if (target?.kind === "new") return created.get(header) ?? null;
      return null;
    };
    const keyColumn = keyHeader ? columnFor(keyHeader) : null;
    const existingKeys = new Set(
      keyColumn
        ? rows
            .map((r) =>
              String(r.cells[keyColumn.id] ?? "")
                .trim()
                .toLowerCase(),
            )
            .filter(Boolean)
        : [],
    );
    const plan = planImport(file.records, columnFor, keyColumn ? { columnId: keyColumn.id, existingKeys } : null);
    setProgress({ done: 0, total: plan.rows.length });
    await addRows(sync, plan.rows, (done) => setProgress({ done, total: plan.rows.length }));
    const parts = [`Imported ${plan.rows.length.toLocaleString()} rows.`];
    if (plan.duplicates) parts.push(`Skipped ${plan.duplicates} duplicate${plan.duplicates === 1 ? "" : "s"}.`);
    if (plan.problems.length)
      parts.push(`Some values did not fit their column: ${plan.problems.slice(0, 3).join("; ")}.`);
    setResult(parts.join(" "));
  };

  const detected = useMemo(
    () => Object.fromEntries((file?.headers ?? []).map((h) => [h, detectType(file!.records.map((r) => r[h] ?? ""))])),
    [file],
  );
  const busy = progress !== null && progress.done < progress.total;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        if (busy) return;
        setOpen(o);
        if (!o) reset();
      }}
    >
      <Dialog.Trigger asChild>
        <Button>
          <Upload className="h-4 w-4" aria-hidden /> Import
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[min(94vw,720px)] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-auto rounded-lg border border-line bg-surface p-5 shadow-xl">
          <div>
            <Dialog.Title className="text-[15px] font-semibold">Import a CSV or Excel file</Dialog.Title>
            <Dialog.Description className="mt-1 text-[13px] text-muted">
              The first line names the columns. Rows are added at the end of the table.
            </Dialog.Description>
          </div>
          <input
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="CSV or Excel file"
            disabled={busy}
            onChange={(e) => choose(e.target.files?.[0])}
            className="text-[13px]"
          />
          {error ? <Notice tone="error">{error}</Notice> : null}
          {file ? (
            <>
              <p className="text-[13px] text-muted">
                {file.name}: {file.records.length.toLocaleString()} rows. Preview of the first{" "}
                {Math.min(5, file.records.length)}:
              </p>
              <div className="overflow-x-auto rounded border border-line">
                <table className="w-full text-xs">
                  <thead className="bg-surface-2">
                    <tr>
                      {file.headers.map((h) => (
                        <th key={h} className="px-2 py-1.5 text-left align-top font-medium">
                          <div className="mb-1">{h}</div>
                          <Select
                            aria-label={`Import ${h} into`}
                            className="h-7 w-full text-xs"
                            value={mappingValue(mapping[h])}
                            onChange={(e) => setMapping({ ...mapping, [h]: targetFrom(e.target.value) })}
                          >
                            {columns.map((c) => (
                              <option key={c.id} value={`existing:${c.id}`}>
                                → {c.name}
                              </option>
                            ))}
                            <option value="new">New column ({TYPE_NAMES[detected[h] ?? "text"]})</option>
                            <option value="skip">Skip</option>
                          </Select>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {file.records.slice(0, 5).map((record, i) => (
                      <tr key={`preview-${i.toString()}`} className="border-t border-line">
                        {file.headers.map((h) => (
                          <td key={h} className="max-w-40 truncate px-2 py-1">
                            {record[h]}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="flex items-center gap-2 text-[13px]">
                Skip rows whose
                <Select
                  aria-label="Skip duplicates by"
                  disabled={!canSkipDuplicates}
                  title={canSkipDuplicates ? undefined : "Finding duplicates needs every row; this table is too large"}
                  value={keyHeader}
                  onChange={(e) => setKeyHeader(e.target.value)}
                >
                  <option value="">(import every row)</option>
                  {file.headers
                    .filter((h) => mapping[h]?.kind !== "skip")
                    .map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                </Select>
                is already in the table
              </div>
            </>
          ) : null}
          {progress ? (
            <div>
              <div
                role="progressbar"
                aria-label="Import progress"
                aria-valuemin={0}
                aria-valuemax={progress.total}
                aria-valuenow={progress.done}
                className="h-2 overflow-hidden rounded bg-surface-2"
              >
                <div
                  className="h-full bg-accent transition-all"
                  style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 100}%` }}
                />
              </div>
              <p className="mt-1 text-xs text-muted">
                {progress.done.toLocaleString()} of {countOf(progress.total, "row")}
              </p>
            </div>
          ) : null}
          {result ? <Notice tone="success">{result}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button disabled={busy}>{result ? "Done" : "Cancel"}</Button>
            </Dialog.Close>
            {result ? null : (
              <Button variant="primary" disabled={!file || busy} onClick={run}>
                {file ? `Import ${countOf(file.records.length, "row")}` : "Import rows"}
              </Button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function mappingValue(target: Mapping[string] | undefined): string {
  if (!target || target.kind === "skip") return "skip";
  return target.kind === "new" ? "new" : `existing:${target.columnId}`;
}

function targetFrom(value: string): Mapping[string] {
  if (value === "new" || value === "skip") return { kind: value };
  return { kind: "existing", columnId: value.slice("existing:".length) };
}

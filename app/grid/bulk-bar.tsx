/**
 * What to do with several selected rows at once: set a field in all of them, export them, or
 * delete them (Ctrl+Z brings them back).
 */
import { Download, Trash2 } from "lucide-react";
import { useState } from "react";
import type { ColumnDef } from "../../schema/tables";
import { deleteRow } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { Button, Input, Select } from "../components/ui";
import { isComputedColumn } from "./computed";
import { download, toCsv } from "./export";
import { parseInput } from "./parse";
import { type GridRow, writeCell } from "./use-table";

type Props = { sync: TableSync; rows: GridRow[]; columns: ColumnDef[]; fileBase: string; onDone: () => void };

export function BulkBar({ sync, rows, columns, fileBase, onDone }: Props) {
  const writable = columns.filter((c) => !isComputedColumn(c));
  const [columnId, setColumnId] = useState(writable[0]?.id ?? "");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const column = writable.find((c) => c.id === columnId);
  return (
    <section
      aria-label="Selected rows"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-accent/40 bg-accent-soft px-3 py-2 text-[13px]"
    >
      <strong>{rows.length.toLocaleString()} rows selected</strong>
      <form
        className="flex items-center gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          if (!column) return;
          const parsed = parseInput(column.type, text);
          if (!parsed.ok) return setProblem(`${column.name}: ${parsed.error}`);
          setProblem(null);
          // Written together, these fold into one step of undo (GridUndo's capture window).
          for (const row of rows) writeCell(sync, row, column.id, parsed.value);
          setText("");
        }}
      >
        <span>Set</span>
        <Select
          aria-label="Field to set"
          value={columnId}
          onChange={(e) => setColumnId(e.target.value)}
          className="h-8"
        >
          {writable.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <span>to</span>
        <Input
          aria-label="Value for the selected rows"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="h-8 w-40"
        />
        <Button type="submit" variant="primary" className="h-8">
          Apply to {rows.length}
        </Button>
      </form>
      <Button className="h-8" onClick={() => download(`${fileBase} (selection).csv`, toCsv(columns, rows))}>
        <Download className="h-4 w-4" aria-hidden /> Export selection
      </Button>
      <Button
        variant="danger"
        className="h-8"
        onClick={() => {
          for (const row of rows) {
            const doc = sync.open(row.block);
            doc.transact(() => deleteRow(doc, row.id));
          }
          onDone();
        }}
      >
        <Trash2 className="h-4 w-4" aria-hidden /> Delete {rows.length}
      </Button>
      {problem ? (
        <span role="alert" className="text-danger">
          {problem}
        </span>
      ) : null}
    </section>
  );
}

/** Enrolling rows by hand: the journey table's rows with a search and checkboxes, and "compress waits" for demos and tests. */
import { useEffect, useState } from "react";
import type { EnrollAnswer } from "../../schema/journeys";
import { Button, countOf, Input, Notice } from "../components/ui";
import { type journeyClient, type TableRows, tableRows } from "./api";
import { BuilderDialog } from "./dialog";

/** Typing pauses this long before the search reads the rows again. */
const SEARCH_DEBOUNCE_MS = 250;

export function EnrollDialog({
  open,
  onOpenChange,
  tableId,
  client,
  onEnrolled,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  tableId: string;
  client: ReturnType<typeof journeyClient>;
  onEnrolled: () => void;
}) {
  const [search, setSearch] = useState("");
  const [rows, setRows] = useState<TableRows["rows"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [compress, setCompress] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<EnrollAnswer | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      tableRows(tableId, search)
        .then((t) => {
          if (!live) return;
          setRows(t.rows);
          setError(null);
        })
        .catch((e: Error) => live && setError(`Could not read the rows: ${e.message}`));
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, tableId, search]);

  const toggle = (id: string, on: boolean) =>
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const enroll = async () => {
    setBusy(true);
    setError(null);
    try {
      setAnswer(await client.enroll({ table: tableId, rowIds: [...picked], compressWaits: compress }));
      setPicked(new Set());
      onEnrolled();
    } catch (e) {
      setError(`Could not enroll: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <BuilderDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Enroll leads"
      description="Start the published journey for rows of its table."
    >
      <div className="flex flex-col gap-3">
        <Input
          aria-label="Search rows"
          placeholder="Search by name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {error ? <Notice tone="error">{error}</Notice> : null}
        <ul aria-label="Rows" className="max-h-72 overflow-y-auto rounded-md border border-line">
          {rows === null ? <li className="px-3 py-2 text-[13px] text-muted">Reading rows…</li> : null}
          {rows?.length === 0 ? <li className="px-3 py-2 text-[13px] text-muted">No rows match.</li> : null}
          {rows?.map((r) => (
            <li key={r.id} className="border-b border-line last:border-b-0">
              <label className="flex h-8 items-center gap-2 px-3 text-[13px]">
                <input type="checkbox" checked={picked.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                {r.name}
              </label>
            </li>
          ))}
        </ul>
        <label className="flex items-center gap-2 text-[13px]">
          <input type="checkbox" checked={compress} onChange={(e) => setCompress(e.target.checked)} />
          Compress waits (a day becomes a second)
        </label>
        {answer ? (
          <Notice tone="success">
            Enrolled {countOf(answer.enrolled.length, "row")}
            {answer.skipped.length > 0
              ? `; skipped ${answer.skipped.length}: ${[...new Set(answer.skipped.map((s) => s.reason))].join("; ")}`
              : "."}
          </Notice>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>Close</Button>
          <Button variant="primary" disabled={picked.size === 0 || busy} onClick={enroll}>
            {busy ? "Enrolling…" : `Enroll ${countOf(picked.size, "row")}`}
          </Button>
        </div>
      </div>
    </BuilderDialog>
  );
}

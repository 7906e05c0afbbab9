/**
 * The test run: a sample row and the events it does (seconds after entering), run in dry-run
 * with waits compressed; the path is highlighted on the canvas and each message that would be
 * sent is listed. Nothing is sent and no row changes.
 */
import { Play, Plus, X } from "lucide-react";
import { useEffect, useState } from "react";
import type { TestRunAnswer } from "../../schema/journeys";
import { Button, Field, Input, Notice, Select } from "../components/ui";
import { type journeyClient, type TableRows, tableRows } from "./api";
import { channelName } from "./summary";

type SampleEvent = { type: string; afterSeconds: number };

export function TestRunPanel({
  tableId,
  client,
  onPath,
  beforeRun,
}: {
  tableId: string;
  client: ReturnType<typeof journeyClient>;
  onPath: (nodes: string[]) => void;
  /** Saves the draft first: the run tests what is on the canvas. */
  beforeRun: () => Promise<boolean>;
}) {
  const [rows, setRows] = useState<TableRows["rows"]>([]);
  const [rowId, setRowId] = useState("");
  const [events, setEvents] = useState<SampleEvent[]>([]);
  const [answer, setAnswer] = useState<TestRunAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    tableRows(tableId)
      .then((t) => {
        setRows(t.rows);
        setRowId((id) => id || t.rows[0]?.id || "");
      })
      .catch((e: Error) => setError(`Could not read the rows: ${e.message}`));
  }, [tableId]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!(await beforeRun())) return;
      const result = await client.test({ sample: { rowId: rowId || undefined, events } });
      setAnswer(result);
      onPath(result.path.map((s) => s.node));
    } catch (e) {
      setError(`The test run failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="Test run" className="flex flex-col gap-3">
      <Field label="Sample lead">
        <Select value={rowId} onChange={(e) => setRowId(e.target.value)}>
          {rows.length === 0 ? <option value="">No rows in the table</option> : null}
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex flex-col gap-2">
        <p className="text-[13px] font-medium">Events the lead does</p>
        {events.map((ev, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sample events have no id; their place is their identity
          <div key={i} className="flex items-center gap-2 text-[13px]">
            <Input
              aria-label={`Event ${i + 1}`}
              value={ev.type}
              onChange={(e) => setEvents(events.map((x, j) => (j === i ? { ...x, type: e.target.value } : x)))}
            />
            <span className="shrink-0 text-muted">after</span>
            <Input
              aria-label={`Event ${i + 1} seconds`}
              type="number"
              min={0}
              className="w-20"
              value={ev.afterSeconds}
              onChange={(e) =>
                setEvents(events.map((x, j) => (j === i ? { ...x, afterSeconds: Number(e.target.value) } : x)))
              }
            />
            <span className="shrink-0 text-muted">s</span>
            <Button
              variant="ghost"
              aria-label={`Remove event ${i + 1}`}
              onClick={() => setEvents(events.filter((_, j) => j !== i))}
            >
              <X className="h-4 w-4" aria-hidden />
            </Button>
          </div>
        ))}
        <Button className="self-start" onClick={() => setEvents([...events, { type: "opened", afterSeconds: 60 }])}>
          <Plus className="h-4 w-4" aria-hidden /> Event
        </Button>
      </div>
      <Button variant="primary" onClick={run} disabled={busy}>
        <Play className="h-4 w-4" aria-hidden /> {busy ? "Running…" : "Run test"}
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {answer ? <TestResult answer={answer} /> : null}
    </section>
  );
}

const ENDINGS: Record<TestRunAnswer["ended"], string> = {
  exit: "Ended at an exit.",
  end: "Ended at a node with no edge.",
  goal: "Ended at the goal.",
  limit: "Stopped at the step limit: look for a loop.",
};

function TestResult({ answer }: { answer: TestRunAnswer }) {
  return (
    <div className="flex flex-col gap-3 text-[13px]">
      <ol aria-label="Path taken" className="flex flex-col gap-1">
        {answer.path.map((step, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a node may be visited twice; the visit's place is its identity
          <li key={i} className="flex justify-between gap-2 rounded bg-surface-2 px-2 py-1">
            <span className="font-mono text-xs">{step.node}</span>
            <span className="text-muted">
              {step.outcome} · {step.at}s
            </span>
          </li>
        ))}
      </ol>
      <p className="text-muted">{ENDINGS[answer.ended]}</p>
      <div>
        <p className="mb-1 font-medium">Messages that would be sent ({answer.messages.length})</p>
        <ul aria-label="Messages that would be sent" className="flex flex-col gap-2">
          {answer.messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages are listed in the order they would go
            <li key={i} className="rounded-md border border-line p-2">
              <p className="text-xs text-muted">
                {channelName(m.channel)} to {m.to ?? "no address"} · {m.node}
              </p>
              {m.subject ? <p className="font-medium">{m.subject}</p> : null}
              <p className="whitespace-pre-wrap">{m.body}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * The journey builder: the toolbar, the palette, the canvas and a side panel (the selected
 * node's fields, the journey's own settings, or the test run), with Analytics and Enrollments
 * tabs. Counts on the cards are read every few seconds while the page is visible.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type {
  EnrollmentItem,
  JourneyAnalytics,
  JourneyItem,
  JourneyNodeKind,
  JourneyStatus,
  PublishProblem,
} from "../../schema/journeys";
import { ConfirmDialog } from "../components/confirm-dialog";
import { Button, cn, Notice } from "../components/ui";
import { AnalyticsView } from "./analytics";
import { journeyClient, tableRows } from "./api";
import { JourneyCanvas, type Selection } from "./canvas";
import { EnrollDialog } from "./enroll-dialog";
import { EnrollmentsList } from "./enrollments";
import { addNode, ENTRY_ID, removeNode, replaceNode, setEdge } from "./graph";
import { JourneyForm } from "./journey-form";
import { NodeForm } from "./node-form";
import { Palette } from "./palette";
import { TestRunPanel } from "./test-run";
import { Toolbar } from "./toolbar";
import { useDraft } from "./use-draft";
import { usePolled } from "./use-live";

type Tab = "canvas" | "analytics" | "enrollments";
type Live = { analytics: JourneyAnalytics; enrollments: EnrollmentItem[] };

/** Where a node added from the palette lands: below the lowest card, so it never covers one. */
const NEW_NODE_GAP_PX = 160;

export function Builder({
  slug,
  journey,
  tables,
  canWrite,
}: {
  slug: string;
  journey: JourneyItem;
  tables: { id: string; name: string }[];
  canWrite: boolean;
}) {
  const client = useMemo(() => journeyClient(slug, journey.id), [slug, journey.id]);
  const draft = useDraft(client, journey.definition);
  const { def, update } = draft;
  const [meta, setMeta] = useState({ status: journey.status, version: journey.version });
  const [tab, setTab] = useState<Tab>("canvas");
  const [selection, setSelection] = useState<Selection>(null);
  const [panel, setPanel] = useState<"edit" | "test">("edit");
  const [enrolling, setEnrolling] = useState(false);
  const [problems, setProblems] = useState<PublishProblem[]>([]);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [path, setPath] = useState<Set<string>>(new Set());
  const [names, setNames] = useState<Map<string, string>>(new Map());

  const live = usePolled<Live>(
    useCallback(async () => {
      const [analytics, enrollments] = await Promise.all([client.analytics(), client.enrollments()]);
      return { analytics, enrollments };
    }, [client]),
  );
  const counts = useMemo(
    () => new Map((live.value?.analytics.nodes ?? []).map((n) => [n.id, { now: n.now, entered: n.entered }])),
    [live.value],
  );
  const problemMap = useMemo(
    () => new Map(problems.filter((p) => p.node).map((p) => [p.node as string, p.message])),
    [problems],
  );
  useEffect(() => {
    tableRows(def.table)
      .then((t) => setNames(new Map(t.rows.map((r) => [r.id, r.name]))))
      .catch(() => setNames(new Map()));
  }, [def.table]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setSelection(null);
      setPanel("edit");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const selectedNode = selection?.type === "node" ? def.nodes.find((n) => n.id === selection.id) : undefined;
  const olderActive = (live.value?.enrollments ?? []).filter(
    (e) => e.status === "active" && e.version < meta.version,
  ).length;

  const add = (kind: JourneyNodeKind) => {
    const lowest = Math.max(0, ...Object.values(def.layout ?? {}).map((p) => p.y));
    const added = addNode(def, kind, { x: 0, y: lowest + NEW_NODE_GAP_PX });
    update(added.def);
    setSelection({ type: "node", id: added.id });
    setPanel("edit");
  };

  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await what();
    } catch (e) {
      setNotice({ tone: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const publish = () =>
    act(async () => {
      if (!(await draft.save())) return;
      const result = await client.publish();
      if (result.ok) {
        setProblems([]);
        setMeta({ status: "active", version: result.version });
        setNotice({ tone: "success", text: `Published version ${result.version}.` });
      } else {
        setProblems(result.problems.length > 0 ? result.problems : [{ node: null, message: result.message }]);
      }
    });

  const setStatus = (status: JourneyStatus) =>
    act(async () => {
      await client.setStatus(status);
      setMeta((m) => ({ ...m, status }));
      setNotice({ tone: "success", text: `The journey is ${status}.` });
    });

  const move = () =>
    act(async () => {
      const answer = await client.move();
      setNotice({
        tone: "success",
        text: `Moved ${answer.moved} leads to version ${meta.version}; ${answer.restarted} restarted at the start.`,
      });
      live.refresh();
    });

  const saveError = draft.error;
  return (
    <div className="flex h-full flex-col gap-3">
      <Toolbar
        name={def.name}
        status={meta.status}
        version={meta.version}
        saveState={draft.state}
        busy={busy}
        canWrite={canWrite}
        onSave={() => void act(async () => void (await draft.save()))}
        onPublish={() => void publish()}
        onStatus={(s) => void setStatus(s)}
        onEnroll={() => setEnrolling(true)}
        onTest={() => {
          setTab("canvas");
          setPanel("test");
        }}
      />
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {saveError ? (
        <Notice tone="error">
          {saveError.message}
          {saveError.node ? <SelectLink id={saveError.node} onSelect={setSelection} /> : null}
        </Notice>
      ) : null}
      {problems.length > 0 ? (
        <div
          role="alert"
          aria-label="Publish problems"
          className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger"
        >
          <p className="font-medium">The journey cannot be published yet:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={`${p.node}:${p.message}`}>
                {p.node ? <SelectLink id={p.node} onSelect={setSelection} /> : null} {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {olderActive > 0 && canWrite ? (
        <Notice tone="info">
          {olderActive} active {olderActive === 1 ? "lead is" : "leads are"} on an older version.{" "}
          <ConfirmDialog
            trigger={
              <button type="button" className="font-medium text-accent hover:underline">
                Move leads to version {meta.version}
              </button>
            }
            title={`Move leads to version ${meta.version}?`}
            body="Each active lead on an older version goes on from the same node in the latest version, or from its start when that node is gone."
            action="Move leads"
            variant="primary"
            onConfirm={() => void move()}
          />
        </Notice>
      ) : null}
      <div role="tablist" aria-label="Journey views" className="flex gap-1 border-b border-line">
        {(["canvas", "analytics", "enrollments"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={cn(
              "-mb-px border-b-2 px-3 py-1.5 text-[13px] font-medium capitalize",
              tab === t ? "border-accent text-accent" : "border-transparent text-muted hover:text-fg",
            )}
          >
            {t}
          </button>
        ))}
        {live.error ? (
          <span className="ml-auto self-center text-xs text-danger">Live counts paused: {live.error}</span>
        ) : null}
      </div>
      {tab === "canvas" ? (
        <div className="grid min-h-0 flex-1 grid-cols-1 gap-3 lg:grid-cols-[11rem_1fr_22rem]">
          <div className="lg:overflow-y-auto">
            <Palette onAdd={add} disabled={!canWrite} />
          </div>
          <div className="h-[60vh] min-h-[420px] overflow-hidden rounded-lg border border-line bg-surface lg:h-auto">
            <JourneyCanvas
              def={def}
              onChange={(fn) => update(fn)}
              selection={selection}
              onSelect={setSelection}
              live={counts}
              problems={problemMap}
              path={path}
            />
          </div>
          <aside
            aria-label={panel === "test" ? "Test run panel" : "Edit panel"}
            className="rounded-lg border border-line bg-surface p-4 lg:overflow-y-auto"
          >
            <div className="mb-3 flex items-center justify-between">
              <h2 className="text-[14px] font-semibold">
                {panel === "test" ? "Test run" : selectedNode ? `Node ${selectedNode.id}` : "Journey"}
              </h2>
              {panel === "test" || selectedNode ? (
                <Button
                  variant="ghost"
                  onClick={() => {
                    setPanel("edit");
                    setSelection(null);
                  }}
                >
                  Close
                </Button>
              ) : null}
            </div>
            {panel === "test" ? (
              <TestRunPanel
                tableId={def.table}
                client={client}
                onPath={(nodes) => setPath(new Set(nodes))}
                beforeRun={draft.save}
              />
            ) : selectedNode ? (
              <NodeForm
                key={selectedNode.id}
                node={selectedNode}
                onChange={(node) => update((d) => replaceNode(d, node))}
                onDelete={() => {
                  update((d) => removeNode(d, selectedNode.id));
                  setSelection(null);
                }}
                onMakeStart={() => update((d) => setEdge(d, ENTRY_ID, "next", selectedNode.id))}
                isStart={def.start === selectedNode.id}
                tables={tables}
              />
            ) : (
              <JourneyForm def={def} onChange={(d) => update(d)} tables={tables} hookUrl={journey.hookUrl} />
            )}
          </aside>
        </div>
      ) : null}
      {tab === "analytics" ? (
        live.value ? (
          <AnalyticsView analytics={live.value.analytics} />
        ) : (
          <p className="text-[13px] text-muted">Reading the figures…</p>
        )
      ) : null}
      {tab === "enrollments" ? (
        <EnrollmentsList items={live.value?.enrollments ?? []} names={names} slug={slug} />
      ) : null}
      <EnrollDialog
        open={enrolling}
        onOpenChange={setEnrolling}
        tableId={def.table}
        client={client}
        onEnrolled={live.refresh}
      />
      <ConfirmDialog
        open={draft.blocker.state === "blocked"}
        onOpenChange={(open) => !open && draft.blocker.state === "blocked" && draft.blocker.reset()}
        title="Leave without saving?"
        body="Your changes to this journey are not saved."
        action="Leave"
        onConfirm={() => draft.blocker.state === "blocked" && draft.blocker.proceed()}
      />
    </div>
  );
}

function SelectLink({ id, onSelect }: { id: string; onSelect: (s: Selection) => void }) {
  return (
    <button
      type="button"
      className="ml-1 font-mono font-medium underline"
      onClick={() => onSelect({ type: "node", id })}
    >
      {id}
    </button>
  );
}

/**
 * The table's automations: its trigger rules (add, edit, turn on and off, delete) and the log of
 * what they did, in a side sheet. Rules are saved through the API, which versions them.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { Copy, Pencil, Trash2, X, Zap } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { ACTION_CHOICES } from "../../schema/actions";
import { compile } from "../../schema/formula";
import type { ColumnDef } from "../../schema/tables";
import type { TriggerRule } from "../../schema/triggers";
import { Button, EmptyState } from "../components/ui";
import { apiJson } from "../lib/api-client";
import { NEW_RULE, type RuleDraft, RuleForm } from "./rule-form";
import { RunLog } from "./run-log";
import type { GridRow } from "./use-table";

type Props = { tableId: string; columns: ColumnDef[]; rows: GridRow[]; readOnly: boolean };
type Editing = { id: string | null; draft: RuleDraft } | null;
/** A webhook rule's address and secret, shown once after it is saved. */
type Revealed = { url: string; secret: string } | null;

const newRuleId = () => `rule-${crypto.randomUUID().slice(0, 8)}`;

/** Why a rule cannot fire as written (bad syntax, a column that is gone), or null. */
function ruleProblem(rule: TriggerRule, columns: ColumnDef[]): string | null {
  const compiled = compile(rule.when);
  if (compiled.parseError) return compiled.parseError.error.message;
  const names = new Set(columns.map((c) => c.name));
  const missing = compiled.references.filter((name) => !names.has(name));
  return missing.length ? `No column named ${missing.map((n) => `“${n}”`).join(", ")}` : null;
}

function startText(rule: TriggerRule): string {
  if (rule.start.kind === "schedule") return `On schedule ${rule.start.cron} (UTC)`;
  if (rule.start.kind === "webhook") return "When its webhook is called";
  return rule.watch?.length ? `When ${rule.watch.join(", ")} change` : "When a row changes";
}

export function TriggerPanel({ tableId, columns, rows, readOnly }: Props) {
  const base = `/api/tables/${encodeURIComponent(tableId)}/triggers`;
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<"rules" | "log">("rules");
  const [rules, setRules] = useState<TriggerRule[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);
  const [revealed, setRevealed] = useState<Revealed>(null);

  const load = useCallback(async () => {
    try {
      setRules((await apiJson<{ rules: TriggerRule[] }>(base)).rules);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [base]);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const save = async (id: string, draft: RuleDraft) => {
    setSaving(true);
    setProblem(null);
    try {
      // A rule that first becomes a webhook rule comes back with its secret, this once.
      const saved = await apiJson<TriggerRule & { hook?: { url: string; secret?: string } }>(
        `${base}/${encodeURIComponent(id)}`,
        { method: "PUT", body: draft },
      );
      if (saved.hook?.secret) setRevealed({ url: saved.hook.url, secret: saved.hook.secret });
      setEditing(null);
      await load();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (rule: TriggerRule) => {
    if (!confirm(`Delete the rule “${rule.name}”? It stops acting at once.`)) return;
    try {
      await apiJson(`${base}/${encodeURIComponent(rule.id)}`, { method: "DELETE" });
      await load();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button>
          <Zap className="h-4 w-4" aria-hidden /> Automations
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className="fixed top-0 right-0 z-50 flex h-full w-[min(100vw,560px)] flex-col overflow-y-auto border-l border-line bg-surface p-5 shadow-xl">
          <div className="flex items-start justify-between gap-3">
            <Dialog.Title className="text-base font-semibold">Automations</Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-surface-2">
              <X className="h-4 w-4" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-[13px] text-muted">
            Rules act on rows by themselves: when a condition becomes true, on a schedule, or when called.
          </Dialog.Description>
          <div role="tablist" className="mt-4 flex gap-1 border-b border-line">
            {(["rules", "log"] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                onClick={() => setTab(t)}
                className={`-mb-px border-b-2 px-3 py-1.5 text-[13px] font-medium ${tab === t ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg"}`}
              >
                {t === "rules" ? "Rules" : "Run log"}
              </button>
            ))}
          </div>
          {problem ? (
            <p role="alert" className="mt-3 rounded bg-danger-soft px-3 py-2 text-[13px] text-danger">
              {problem}
            </p>
          ) : null}
          {revealed ? <WebhookSecret revealed={revealed} onDone={() => setRevealed(null)} /> : null}
          <div className="mt-4 flex-1">
            {tab === "log" ? (
              <RunLog base={base} rules={rules ?? []} rows={rows} columns={columns} />
            ) : editing ? (
              <RuleForm
                initial={editing.draft}
                columns={columns}
                rows={rows}
                saving={saving}
                onCancel={() => setEditing(null)}
                onSave={(draft) => void save(editing.id ?? newRuleId(), draft)}
              />
            ) : (
              <RuleList
                rules={rules}
                columns={columns}
                readOnly={readOnly}
                onNew={() => setEditing({ id: null, draft: NEW_RULE })}
                onEdit={(rule) => setEditing({ id: rule.id, draft: rule })}
                onToggle={(rule) => void save(rule.id, { ...rule, enabled: !rule.enabled })}
                onDelete={(rule) => void remove(rule)}
              />
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RuleList(props: {
  rules: TriggerRule[] | null;
  columns: ColumnDef[];
  readOnly: boolean;
  onNew: () => void;
  onEdit: (rule: TriggerRule) => void;
  onToggle: (rule: TriggerRule) => void;
  onDelete: (rule: TriggerRule) => void;
}) {
  const { rules, readOnly } = props;
  if (rules === null) return <p className="text-[13px] text-muted">Loading rules…</p>;
  return (
    <div className="flex flex-col gap-3">
      {rules.length === 0 ? (
        <EmptyState title="No rules yet">
          A rule watches the rows for you: “when Status is Ready, set Stage to Contacted” or call a webhook.
        </EmptyState>
      ) : (
        <ul aria-label="Rules" className="flex flex-col gap-2">
          {rules.map((rule) => (
            <li key={rule.id} className="rounded-md border border-line p-3">
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium">{rule.name}</span>
                <span className="flex items-center gap-1">
                  <label className="flex items-center gap-1.5 text-xs text-muted">
                    <input
                      type="checkbox"
                      checked={rule.enabled}
                      disabled={readOnly}
                      aria-label={`${rule.name} on`}
                      onChange={() => props.onToggle(rule)}
                    />
                    {rule.enabled ? "On" : "Off"}
                  </label>
                  {readOnly ? null : (
                    <>
                      <button
                        type="button"
                        aria-label={`Edit ${rule.name}`}
                        onClick={() => props.onEdit(rule)}
                        className="rounded p-1 text-muted hover:bg-surface-2"
                      >
                        <Pencil className="h-3.5 w-3.5" />
                      </button>
                      <button
                        type="button"
                        aria-label={`Delete ${rule.name}`}
                        onClick={() => props.onDelete(rule)}
                        className="rounded p-1 text-muted hover:bg-surface-2 hover:text-danger"
                      >
                        <Trash2 className="h-3.5 w-3.5" />
                      </button>
                    </>
                  )}
                </span>
              </div>
              <p className="mt-1 text-xs text-muted">
                {startText(rule)} · version {rule.version}
              </p>
              <p className="mt-1 font-mono text-xs">WHEN {rule.when}</p>
              {ruleProblem(rule, props.columns) ? (
                <p role="alert" className="mt-1 text-xs text-danger">
                  Broken, it will not fire: {ruleProblem(rule, props.columns)}
                </p>
              ) : null}
              <p className="mt-0.5 text-xs">
                THEN {ACTION_CHOICES.find((a) => a.name === rule.action.name)?.label ?? rule.action.name}
              </p>
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <Button variant="primary" className="self-start" onClick={props.onNew}>
          New rule
        </Button>
      )}
    </div>
  );
}

function WebhookSecret({ revealed, onDone }: { revealed: NonNullable<Revealed>; onDone: () => void }) {
  const command = `curl -X POST ${revealed.url} -H 'authorization: Bearer ${revealed.secret}'`;
  return (
    <div
      role="status"
      className="mt-3 flex flex-col gap-2 rounded-md border border-accent/40 bg-accent-soft p-3 text-[13px]"
    >
      <p>
        Call this rule with its secret. <strong>The secret is shown only now</strong>; save it somewhere safe.
      </p>
      <code className="break-all rounded bg-surface px-2 py-1 text-xs">{command}</code>
      <div className="flex gap-2">
        <Button onClick={() => void navigator.clipboard?.writeText(command)}>
          <Copy className="h-3.5 w-3.5" aria-hidden /> Copy
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

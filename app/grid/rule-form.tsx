/**
 * Writing a trigger rule: WHEN a formula turns true (on a change, a schedule or a webhook call)
 * THEN an action, with the columns it watches, and a test of the condition against a chosen row.
 */
import { useMemo, useState } from "react";
import { compile, isFormulaError, isTruthy } from "../../schema/formula";
import type { ColumnDef } from "../../schema/tables";
import { MAX_CHAIN_DEPTH, type RuleStart, type TriggerAction, type TriggerRule } from "../../schema/triggers";
import { Button, Field, Input, Select } from "../components/ui";
import { ActionFields } from "./action-fields";
import { isComputedColumn, namedCells } from "./computed";
import { problemOf } from "./computed-fields";
import { FormulaEditor } from "./formula-editor";
import { inputText } from "./parse";
import type { GridRow } from "./use-table";

export type RuleDraft = Omit<TriggerRule, "id" | "version">;

export const NEW_RULE: RuleDraft = {
  name: "",
  enabled: true,
  when: "",
  watch: null,
  action: { name: "set-fields", params: { fields: {} } },
  reactToAutomation: false,
  ratePerMinute: 600,
  start: { kind: "change" },
};

type Props = {
  initial: RuleDraft;
  columns: ColumnDef[];
  rows: GridRow[];
  saving: boolean;
  onSave: (rule: RuleDraft) => void;
  onCancel: () => void;
};

export function RuleForm({ initial, columns, rows, saving, onSave, onCancel }: Props) {
  const [rule, setRule] = useState<RuleDraft>(initial);
  const [actionProblem, setActionProblem] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [testRow, setTestRow] = useState(0);
  const set = (patch: Partial<RuleDraft>) => setRule((r) => ({ ...r, ...patch }));
  const primary = columns[0];
  const rowLabel = (row: GridRow, i: number) =>
    `Row ${i + 1}${primary ? ` · ${inputText(row.cells[primary.id]).slice(0, 40)}` : ""}`;
  const sampleRow = rows[testRow];
  const sample = useMemo(
    () => (sampleRow ? { label: `row ${testRow + 1}`, cells: namedCells(columns, sampleRow) } : null),
    [sampleRow, testRow, columns],
  );
  const verdict = useMemo(() => {
    if (!sample || !rule.when.trim()) return null;
    const result = compile(rule.when).evaluate({
      row: (n) => (n in sample.cells ? (sample.cells[n] ?? null) : undefined),
    });
    if (isFormulaError(result))
      return { tone: "error", text: `The rule is broken and will not fire: ${result.error} ${result.message}` };
    return isTruthy(result)
      ? { tone: "yes", text: `The condition is true for ${sample.label}: the rule would act on it.` }
      : { tone: "no", text: `The condition is false for ${sample.label}: the rule would not act on it.` };
  }, [rule.when, sample]);
  const writable = columns.filter((c) => !isComputedColumn(c));

  return (
    <form
      aria-label="Rule"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const why =
          (!rule.name.trim() && "Give the rule a name") ||
          (!rule.when.trim() && "Write the condition") ||
          (rule.start.kind === "schedule" && !rule.start.cron.trim() && "Enter when it runs, as a cron expression") ||
          actionProblem ||
          problemOf("button", { label: "x", action: rule.action });
        setProblem(why || null);
        if (!why) onSave(rule);
      }}
    >
      <Field label="Name">
        <Input value={rule.name} maxLength={120} autoFocus onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field
        label="Starts"
        hint={
          rule.start.kind === "change"
            ? "Acts on a row when an edit makes the condition true (once per row and version of the rule)."
            : "Acts on every row where the condition is true at that moment."
        }
      >
        <Select
          aria-label="Starts"
          value={rule.start.kind}
          onChange={(e) => {
            const kind = e.target.value as RuleStart["kind"];
            set({ start: kind === "schedule" ? { kind, cron: "0 9 * * 1-5" } : { kind } });
          }}
        >
          <option value="change">When a row changes</option>
          <option value="schedule">On a schedule</option>
          <option value="webhook">When its webhook is called</option>
        </Select>
      </Field>
      {rule.start.kind === "schedule" ? (
        <Field label="Schedule (cron, UTC)" hint="Minute hour day month weekday — 0 9 * * 1-5 is 09:00 on weekdays.">
          <Input
            value={rule.start.cron}
            className="font-mono"
            onChange={(e) => set({ start: { kind: "schedule", cron: e.target.value } })}
          />
        </Field>
      ) : null}
      <FormulaEditor
        label="When"
        value={rule.when}
        onChange={(when) => set({ when })}
        columns={columns.map((c) => c.name)}
        sample={sample}
        resultLabel="Condition"
      />
      {rows.length ? (
        <div className="flex flex-col gap-1.5 rounded-md border border-line bg-surface-2 p-3">
          <Field label="Test against">
            <Select aria-label="Test against row" value={testRow} onChange={(e) => setTestRow(Number(e.target.value))}>
              {rows.slice(0, 500).map((row, i) => (
                <option key={row.id} value={i}>
                  {rowLabel(row, i)}
                </option>
              ))}
            </Select>
          </Field>
          {verdict ? (
            <p
              role="status"
              data-rule-test={verdict.tone}
              className={`text-[13px] ${verdict.tone === "error" ? "text-danger" : verdict.tone === "yes" ? "text-success" : "text-muted"}`}
            >
              {verdict.text}
            </p>
          ) : null}
        </div>
      ) : null}
      {rule.start.kind === "change" ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-[13px] font-medium">Watch</legend>
          <label className="flex items-center gap-2 text-[13px]">
            <input
              type="checkbox"
              checked={rule.watch === null}
              onChange={(e) => set({ watch: e.target.checked ? null : [] })}
            />
            Any column
          </label>
          {rule.watch !== null ? (
            <div className="flex flex-wrap gap-x-4 gap-y-1 pl-5">
              {columns.map((c) => (
                <label key={c.id} className="flex items-center gap-1.5 text-[13px]">
                  <input
                    type="checkbox"
                    checked={rule.watch?.includes(c.name) ?? false}
                    onChange={(e) =>
                      set({
                        watch: e.target.checked
                          ? [...(rule.watch ?? []), c.name]
                          : (rule.watch ?? []).filter((n) => n !== c.name),
                      })
                    }
                  />
                  {c.name}
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <ActionFields
        value={rule.action}
        columns={writable}
        onChange={(action: TriggerAction, why) => {
          set({ action });
          setActionProblem(why);
        }}
      />
      <label className="flex items-center gap-2 text-[13px]">
        <input
          type="checkbox"
          checked={rule.reactToAutomation}
          onChange={(e) => set({ reactToAutomation: e.target.checked })}
        />
        Also react to changes made by automations (loops are stopped after {MAX_CHAIN_DEPTH} steps)
      </label>
      {problem ? (
        <p role="alert" className="text-[13px] text-danger">
          {problem}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? "Saving…" : "Save rule"}
        </Button>
      </div>
    </form>
  );
}

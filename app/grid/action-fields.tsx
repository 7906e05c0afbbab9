/**
 * Choosing what a button or a rule does: an action from the catalogue and its parameters
 * (columns and values for "Set fields", a URL for a webhook), checked as they are typed.
 */
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { ACTION_CHOICES } from "../../schema/actions";
import type { CellValue, ColumnDef } from "../../schema/tables";
import type { TriggerAction } from "../../schema/triggers";
import { Field, Input, Select } from "../components/ui";
import { inputText, parseInput } from "./parse";

type Pair = { column: string; text: string };

type Props = {
  value: TriggerAction;
  onChange: (action: TriggerAction, problem: string | null) => void;
  /** Columns an action may write (not formulas or buttons). */
  columns: readonly ColumnDef[];
};

function pairsOf(action: TriggerAction): Pair[] {
  const fields = (action.params.fields ?? {}) as Record<string, CellValue>;
  const pairs = Object.entries(fields).map(([column, value]) => ({ column, text: inputText(value) }));
  return pairs.length ? pairs : [{ column: "", text: "" }];
}

/** The action's parameters from the pairs, or why they do not work yet. */
function fieldsOf(
  pairs: Pair[],
  columns: readonly ColumnDef[],
): { fields: Record<string, CellValue>; problem: string | null } {
  const fields: Record<string, CellValue> = {};
  for (const pair of pairs) {
    if (!pair.column) continue;
    const column = columns.find((c) => c.name === pair.column);
    if (!column) return { fields, problem: `There is no column “${pair.column}”` };
    const parsed = parseInput(column.type, pair.text);
    if (!parsed.ok) return { fields, problem: `${column.name}: ${parsed.error}` };
    fields[column.name] = parsed.value;
  }
  return { fields, problem: Object.keys(fields).length ? null : "Choose at least one column to set" };
}

export function ActionFields({ value, onChange, columns }: Props) {
  const [pairs, setPairs] = useState<Pair[]>(() => pairsOf(value));
  const choice = ACTION_CHOICES.find((a) => a.name === value.name);
  const setPair = (i: number, pair: Partial<Pair>) => {
    const next = pairs.map((p, j) => (j === i ? { ...p, ...pair } : p));
    setPairs(next);
    const { fields, problem } = fieldsOf(next, columns);
    onChange({ name: value.name, params: { fields } }, problem);
  };
  return (
    <div className="flex flex-col gap-3">
      <Field label="Action" hint={choice?.hint}>
        <Select
          aria-label="Action"
          value={value.name}
          onChange={(e) => {
            const name = e.target.value;
            const form = ACTION_CHOICES.find((a) => a.name === name)?.form;
            if (form === "url") onChange({ name, params: { url: "" } }, "Enter the URL to call");
            else if (form === "none") onChange({ name, params: {} }, null);
            else {
              const { fields, problem } = fieldsOf(pairs, columns);
              onChange({ name, params: { fields } }, problem);
            }
          }}
        >
          {ACTION_CHOICES.map((a) => (
            <option key={a.name} value={a.name}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      {choice?.form === "url" ? (
        <Field label="URL">
          <Input
            type="url"
            placeholder="https://example.com/hooks/rowpilot"
            value={String(value.params.url ?? "")}
            onChange={(e) => {
              const url = e.target.value.trim();
              const problem = /^https?:\/\/\S+$/.test(url) ? null : "Enter an http(s) URL";
              onChange({ name: value.name, params: { url } }, problem);
            }}
          />
        </Field>
      ) : null}
      {choice?.form === "fields" ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1.5 text-[13px] font-medium">Set</legend>
          {pairs.map((pair, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: pairs have no identity but their place
            <div key={i} className="flex items-center gap-2">
              <Select
                aria-label={`Column ${i + 1}`}
                value={pair.column}
                onChange={(e) => setPair(i, { column: e.target.value })}
                className="w-40"
              >
                <option value="">Column…</option>
                {columns.map((c) => (
                  <option key={c.id} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </Select>
              <span className="text-muted">to</span>
              <Input
                aria-label={`Value ${i + 1}`}
                value={pair.text}
                onChange={(e) => setPair(i, { text: e.target.value })}
              />
              <button
                type="button"
                aria-label={`Remove ${pair.column || "field"}`}
                onClick={() => {
                  const next = pairs.filter((_, j) => j !== i);
                  setPairs(next.length ? next : [{ column: "", text: "" }]);
                  const { fields, problem } = fieldsOf(next, columns);
                  onChange({ name: value.name, params: { fields } }, problem);
                }}
                className="grid h-7 w-7 shrink-0 place-items-center rounded text-muted hover:bg-surface-2"
              >
                <X className="h-3.5 w-3.5" />
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => setPairs([...pairs, { column: "", text: "" }])}
            className="flex items-center gap-1 self-start text-[13px] text-accent hover:underline"
          >
            <Plus className="h-3.5 w-3.5" aria-hidden /> Another field
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}

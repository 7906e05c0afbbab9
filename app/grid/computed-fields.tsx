/**
 * The settings of a computed column, for the add-column dialog and the column menu: a formula
 * column's expression, or a button column's label, action, confirmation and disabled-when rule.
 */
import { SetFieldsParams, WebhookParams } from "../../schema/actions";
import { ButtonOptions } from "../../schema/buttons";
import type { CellValue, ColumnDef } from "../../schema/tables";
import { Field, Input } from "../components/ui";
import { ActionFields } from "./action-fields";
import { FormulaEditor } from "./formula-editor";

export type Sample = { label: string; cells: Record<string, CellValue> } | null;

type Props = {
  type: "formula" | "button";
  options: Record<string, unknown>;
  onChange: (options: Record<string, unknown>, problem: string | null) => void;
  /** Every column of the table but the one being set. */
  columns: readonly ColumnDef[];
  sample: Sample;
};

/** A new button's settings: a Set fields action waiting for its columns. */
export const NEW_BUTTON: ButtonOptions = {
  label: "Run",
  action: { name: "set-fields", params: { fields: {} } },
  confirm: null,
  disabledWhen: null,
};

export function ComputedFields({ type, options, onChange, columns, sample }: Props) {
  const names = columns.map((c) => c.name);
  if (type === "formula") {
    const formula = typeof options.formula === "string" ? options.formula : "";
    return (
      <FormulaEditor
        label="Formula"
        value={formula}
        onChange={(text) => onChange({ ...options, formula: text }, text.trim() ? null : "Write a formula")}
        columns={names}
        sample={sample}
      />
    );
  }
  const parsed = ButtonOptions.safeParse(options);
  const button = parsed.success ? parsed.data : NEW_BUTTON;
  const writable = columns.filter((c) => c.type !== "formula" && c.type !== "button");
  const set = (next: Partial<ButtonOptions>, problem: string | null = null) =>
    onChange({ ...button, ...next }, problem);
  return (
    <div className="flex flex-col gap-4">
      <Field label="Button label">
        <Input value={button.label} maxLength={40} onChange={(e) => set({ label: e.target.value || "Run" })} />
      </Field>
      <ActionFields value={button.action} columns={writable} onChange={(action, problem) => set({ action }, problem)} />
      <Field label="Ask before running" hint="Leave empty to run at once.">
        <Input
          value={button.confirm ?? ""}
          maxLength={200}
          placeholder="Send the form to this dealer?"
          onChange={(e) => set({ confirm: e.target.value.trim() ? e.target.value : null })}
        />
      </Field>
      <FormulaEditor
        label="Disabled when (optional)"
        value={button.disabledWhen ?? ""}
        onChange={(text) => set({ disabledWhen: text.trim() ? text : null })}
        columns={names}
        sample={sample}
        resultLabel="Disabled"
      />
    </div>
  );
}

/** Why the settings cannot be saved yet, or null. */
export function problemOf(type: "formula" | "button", options: Record<string, unknown>): string | null {
  if (type === "formula")
    return typeof options.formula === "string" && options.formula.trim() ? null : "Write a formula";
  const parsed = ButtonOptions.safeParse(options);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "The button is not complete";
  const { name, params } = parsed.data.action;
  const schema = name === "webhook" ? WebhookParams : name === "set-fields" ? SetFieldsParams : null;
  const checked = schema?.safeParse(params);
  if (checked && !checked.success) {
    const issue = checked.error.issues[0];
    return issue?.path[0] === "url" ? "Enter an http(s) URL" : (issue?.message ?? "Check the action's settings");
  }
  return null;
}

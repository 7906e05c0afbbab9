/**
 * Writing a formula: a text box that suggests columns after `{` and functions while a word is
 * typed (arrows to pick, Enter or Tab to take, Esc to close), and the result for a chosen row
 * as you type, errors included.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { compile, type FormulaResult, isFormulaError } from "../../schema/formula";
import type { CellValue } from "../../schema/tables";
import { accept, type Suggestions, suggest } from "./formula-suggest";

type Props = {
  label: string;
  value: string;
  onChange: (text: string) => void;
  columns: readonly string[];
  /** The row the preview is computed for, cells by column name (null: no rows yet). */
  sample: { label: string; cells: Record<string, CellValue> } | null;
  /** What the preview calls the result ("Result", "Condition"). */
  resultLabel?: string;
};

export function FormulaEditor({ label, value, onChange, columns, sample, resultLabel = "Result" }: Props) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState<Suggestions | null>(null);
  const [pick, setPick] = useState(0);
  /** Where the caret goes once an accepted suggestion is in the box (before the next key lands). */
  const caretAfter = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the text box's value has changed
  useLayoutEffect(() => {
    const caret = caretAfter.current;
    if (caret === null || !box.current) return;
    caretAfter.current = null;
    box.current.setSelectionRange(caret, caret);
  }, [value]);

  const look = (text: string, caret: number) => {
    setOpen(suggest(text, caret, columns));
    setPick(0);
  };
  const take = (index: number) => {
    const item = open?.items[index];
    if (!open || !item) return;
    const next = accept(value, open, item);
    caretAfter.current = next.caret;
    onChange(next.text);
    look(next.text, next.caret);
  };

  const result = useMemo<FormulaResult | null>(() => {
    if (!sample || !value.trim()) return null;
    const cells = sample.cells;
    return compile(value).evaluate({ row: (name) => (name in cells ? (cells[name] ?? null) : undefined) });
  }, [value, sample]);

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={box}
          id={id}
          role="combobox"
          aria-expanded={Boolean(open)}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${id}-opt-${pick}` : undefined}
          spellCheck={false}
          rows={3}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            look(e.target.value, e.target.selectionStart);
          }}
          onClick={(e) => look(value, e.currentTarget.selectionStart)}
          onBlur={() => setOpen(null)}
          onKeyDown={(e) => {
            if (!open) return;
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              const n = open.items.length;
              setPick((p) => (p + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
            } else if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              take(pick);
            } else if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              setOpen(null);
            }
          }}
          className="w-full resize-y rounded-md border border-line bg-surface px-2.5 py-2 font-mono text-[13px] outline-none focus:border-accent"
        />
        {open ? (
          <div
            id={`${id}-list`}
            role="listbox"
            aria-label="Suggestions"
            className="absolute top-full left-0 z-50 mt-1 max-h-64 w-full overflow-auto rounded-md border border-line bg-surface p-1 shadow-lg"
          >
            {open.items.map((item, i) => (
              <div
                key={`${item.kind}:${item.label}`}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === pick}
                aria-label={`${item.kind === "column" ? `{${item.label}}` : item.label}, ${item.detail}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  take(i);
                }}
                className={`flex cursor-pointer items-baseline justify-between gap-3 rounded px-2 py-1 text-[13px] ${i === pick ? "bg-accent-soft" : ""}`}
              >
                <span className="font-mono">{item.kind === "column" ? `{${item.label}}` : item.label}</span>
                <span className="truncate text-xs text-muted">{item.detail}</span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
      <Preview result={result} sample={sample} label={resultLabel} />
    </div>
  );
}

function Preview({ result, sample, label }: { result: FormulaResult | null; sample: Props["sample"]; label: string }) {
  if (!sample) return <p className="text-xs text-muted">Add a row to see a result here.</p>;
  if (result === null) return <p className="text-xs text-muted">Type a formula, e.g. {"{Price} * {Quantity}"}.</p>;
  if (isFormulaError(result)) {
    return (
      <p data-formula-preview="" role="status" className="text-xs text-danger">
        {label} for {sample.label}: <strong>{result.error}</strong> {result.message}
      </p>
    );
  }
  return (
    <p data-formula-preview="" role="status" className="truncate text-xs text-muted">
      {label} for {sample.label}: <span className="font-mono text-fg">{show(result)}</span>
    </p>
  );
}

function show(value: CellValue): string {
  if (value === null || value === "") return "(empty)";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return Array.isArray(value) ? value.map(String).join(", ") : String(value);
}

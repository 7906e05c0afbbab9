/** Small form controls the builder's panels share: a duration in days/hours/minutes/seconds, a text area, name/value pairs. */
import { Plus, X } from "lucide-react";
import { type TextareaHTMLAttributes, useState } from "react";
import type { CellValue } from "../../schema/tables";
import { Button, cn, Input, Select } from "../components/ui";

const UNITS = [
  { name: "days", seconds: 86_400 },
  { name: "hours", seconds: 3_600 },
  { name: "minutes", seconds: 60 },
  { name: "seconds", seconds: 1 },
] as const;

/** A duration typed in a unit and stored as seconds. */
export function DurationInput({
  seconds,
  onChange,
  label,
}: {
  seconds: number;
  onChange: (seconds: number) => void;
  label: string;
}) {
  const fitting = UNITS.find((u) => seconds % u.seconds === 0 && seconds >= u.seconds) ?? UNITS[3];
  const [unit, setUnit] = useState<number>(fitting.seconds);
  const shown = seconds / unit;
  return (
    <div className="flex gap-2">
      <Input
        type="number"
        min={0}
        aria-label={label}
        value={Number.isFinite(shown) ? shown : 0}
        onChange={(e) => onChange(Math.max(0, Math.round(Number(e.target.value) * unit)))}
        className="w-28"
      />
      <Select aria-label={`${label} unit`} value={unit} onChange={(e) => setUnit(Number(e.target.value))}>
        {UNITS.map((u) => (
          <option key={u.name} value={u.seconds}>
            {u.name}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function TextArea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <textarea
      className={cn(
        "min-h-24 w-full rounded-md border border-line bg-surface px-3 py-2 text-[13px] text-fg placeholder:text-muted focus:border-accent focus:outline-none",
        className,
      )}
      {...props}
    />
  );
}

/** A number typed as text becomes a number; anything else stays text. */
const cellOf = (text: string): CellValue => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

/** Column name → value rows (update fields, a new row's cells). */
export function PairsEditor({
  pairs,
  onChange,
  noun,
}: {
  pairs: Record<string, CellValue>;
  onChange: (pairs: Record<string, CellValue>) => void;
  noun: string;
}) {
  const entries = Object.entries(pairs);
  const write = (next: [string, CellValue][]) => onChange(Object.fromEntries(next.filter(([k]) => k !== "")));
  return (
    <div className="flex flex-col gap-2">
      {entries.map(([key, value], i) => (
        <div key={key} className="flex gap-2">
          <Input
            aria-label={`${noun} ${i + 1} column`}
            defaultValue={key}
            onBlur={(e) => write(entries.map((p, j) => (j === i ? [e.target.value.trim(), p[1]] : p)))}
          />
          <Input
            aria-label={`${noun} ${i + 1} value`}
            value={String(value ?? "")}
            onChange={(e) => write(entries.map((p, j) => (j === i ? [p[0], cellOf(e.target.value)] : p)))}
          />
          <Button
            variant="ghost"
            aria-label={`Remove ${noun} ${i + 1}`}
            onClick={() => write(entries.filter((_, j) => j !== i))}
          >
            <X className="h-4 w-4" aria-hidden />
          </Button>
        </div>
      ))}
      <Button className="self-start" onClick={() => write([...entries, [`Column ${entries.length + 1}`, ""]])}>
        <Plus className="h-4 w-4" aria-hidden /> Add {noun}
      </Button>
    </div>
  );
}

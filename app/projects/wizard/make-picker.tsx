/** The makes as checkable chips, narrowed by a filter box; Enter in the box toggles the first match. */
import { Check, Search } from "lucide-react";
import { useId, useState } from "react";
import { MAKES } from "../../../schema/projects";
import { cn, Input } from "../../components/ui";
import { FieldError } from "./fields";

export function MakePicker({
  value,
  onChange,
  problem,
}: {
  value: string[];
  onChange: (makes: string[]) => void;
  problem?: string;
}) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const shown = MAKES.filter((m) => m.toLowerCase().includes(filter.trim().toLowerCase()));
  const toggle = (make: string) =>
    // In the order picked: the first is the one a dealer selling several is written about.
    onChange(value.includes(make) ? value.filter((m) => m !== make) : [...value, make]);
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend className="mb-1.5 flex w-full items-center justify-between text-[13px] font-medium">
        Makes
        <span className="text-xs font-normal text-muted">
          {value.length ? `${value.length} chosen` : "none chosen"}
          {value.length ? (
            <button type="button" className="ml-2 text-accent hover:underline" onClick={() => onChange([])}>
              Clear
            </button>
          ) : null}
        </span>
      </legend>
      <div className="relative">
        <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-muted" aria-hidden />
        <Input
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || !filter.trim()) return;
            e.preventDefault();
            if (shown[0]) toggle(shown[0]);
            setFilter("");
          }}
          placeholder="Filter makes (Enter picks the first)"
          aria-label="Filter makes"
          aria-invalid={problem ? true : undefined}
          className={cn("pl-8", problem && "border-danger")}
        />
      </div>
      <div className="flex flex-wrap gap-1.5">
        {shown.map((make) => {
          const on = value.includes(make);
          return (
            <label
              key={make}
              className={cn(
                "inline-flex h-7 cursor-pointer items-center gap-1 rounded-full border px-2.5 text-[13px] select-none has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--ring)]",
                on ? "border-accent bg-accent-soft text-accent" : "border-line hover:bg-surface-2",
              )}
            >
              <input type="checkbox" className="sr-only" checked={on} onChange={() => toggle(make)} />
              {on ? <Check className="h-3.5 w-3.5" aria-hidden /> : null}
              {make}
            </label>
          );
        })}
        {shown.length === 0 ? <span className="text-[13px] text-muted">No make matches “{filter}”.</span> : null}
      </div>
      <FieldError id={`${id}-problem`} problem={problem} />
    </fieldset>
  );
}

/**
 * Where the wizard is: the steps in order, done ones ticked and clickable to go back to. In an
 * edit (`free`) every step is done to begin with and any one can be opened; one the user has
 * left with a problem shows its number instead of the tick until it is fixed.
 */
import { Check } from "lucide-react";
import { cn } from "../../components/ui";
import { STEPS, type Step } from "./draft";

type Props = { current: Step; onGo: (step: Step) => void; free?: boolean; unfinished?: Step[] };

export function Stepper({ current, onGo, free = false, unfinished = [] }: Props) {
  const at = STEPS.indexOf(current);
  return (
    <ol aria-label="Steps" className="mb-6 flex items-center gap-1 overflow-x-auto text-[13px] md:gap-2">
      {STEPS.map((step, i) => {
        const done = free ? i !== at && !unfinished.includes(step) : i < at;
        const open = free ? i !== at : done;
        const broken = free && i !== at && unfinished.includes(step);
        const marker = (
          <>
            <span
              className={cn(
                "grid h-6 w-6 shrink-0 place-items-center rounded-full border text-xs font-semibold",
                done && "border-accent bg-accent text-accent-fg",
                i === at && "border-accent text-accent",
                broken && "border-danger text-danger",
                !done && !broken && i !== at && "border-line text-muted",
              )}
              aria-hidden
            >
              {done ? <Check className="h-3.5 w-3.5" /> : i + 1}
            </span>
            <span
              className={cn("whitespace-nowrap", i === at ? "font-medium" : "text-muted", i !== at && "max-md:sr-only")}
            >
              {step}
            </span>
          </>
        );
        return (
          <li key={step} className="flex items-center gap-1 md:gap-2" aria-current={i === at ? "step" : undefined}>
            {i > 0 ? <span className="h-px w-3 bg-line md:w-6" aria-hidden /> : null}
            {open ? (
              <button
                type="button"
                onClick={() => onGo(step)}
                className="flex items-center gap-2 rounded-md px-1 py-0.5 hover:bg-surface-2"
                aria-label={`${free ? "Go" : "Back"} to step ${i + 1}, ${step}${broken ? " (needs a fix)" : ""}`}
              >
                {marker}
              </button>
            ) : (
              <span className="flex items-center gap-2 px-1 py-0.5">
                <span className="sr-only">{`Step ${i + 1} of ${STEPS.length}${i === at ? ", current" : ""}: `}</span>
                {marker}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

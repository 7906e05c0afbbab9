/** Where the wizard is: the steps in order, done ones ticked and clickable to go back to. */
import { Check } from "lucide-react";
import { cn } from "../../components/ui";
import { STEPS, type Step } from "./draft";

export function Stepper({ current, onGo }: { current: Step; onGo: (step: Step) => void }) {
  const at = STEPS.indexOf(current);
  return (
    <ol aria-label="Steps" className="mb-6 flex items-center gap-1 overflow-x-auto text-[13px] md:gap-2">
      {STEPS.map((step, i) => {
        const done = i < at;
        const marker = (
          <>
            <span
              className={cn(
                "grid h-6 w-6 shrink-0 place-items-center rounded-full border text-xs font-semibold",
                done && "border-accent bg-accent text-accent-fg",
                i === at && "border-accent text-accent",
                i > at && "border-line text-muted",
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
            {done ? (
              <button
                type="button"
                onClick={() => onGo(step)}
                className="flex items-center gap-2 rounded-md px-1 py-0.5 hover:bg-surface-2"
                aria-label={`Back to step ${i + 1}, ${step}`}
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

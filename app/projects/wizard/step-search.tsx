/** Step 2: where to search from, how far, which makes; batch size and concurrency under Advanced. */
import { DEFAULT_RADIUS_MILES, MAX_BATCH_SIZE, MAX_CONCURRENCY, MAX_RADIUS_MILES } from "../../../schema/projects";
import { cn } from "../../components/ui";
import { StepIntro, TextField } from "./fields";
import { MakePicker } from "./make-picker";
import type { StepProps } from "./step-project";

const KINDS = [
  { kind: "zip", label: "ZIP code" },
  { kind: "address", label: "Address" },
] as const;

export function StepSearch({ draft, set, problems }: StepProps) {
  const advancedProblem = problems.batchSize ?? problems.concurrency;
  return (
    <>
      <StepIntro title="Where to look">
        Dealerships within the radius of this place that sell at least one of the makes are added to the project.
      </StepIntro>
      <div className="flex flex-col gap-5">
        <div className="flex flex-col gap-3">
          <div
            role="radiogroup"
            aria-label="Search from"
            className="inline-flex w-fit rounded-md border border-line p-0.5"
          >
            {KINDS.map(({ kind, label }) => (
              <label
                key={kind}
                className={cn(
                  "cursor-pointer rounded px-3 py-1 text-[13px] has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--ring)]",
                  draft.locationKind === kind ? "bg-accent-soft font-medium text-accent" : "text-muted hover:text-fg",
                )}
              >
                <input
                  type="radio"
                  name="locationKind"
                  className="sr-only"
                  checked={draft.locationKind === kind}
                  onChange={() => set({ locationKind: kind })}
                />
                {label}
              </label>
            ))}
          </div>
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_160px]">
            {draft.locationKind === "zip" ? (
              <TextField
                label="ZIP code"
                value={draft.zip}
                onChange={(zip) => set({ zip })}
                problem={problems.zip}
                inputMode="numeric"
                autoComplete="postal-code"
                placeholder="10001"
                maxLength={5}
                autoFocus
              />
            ) : (
              <TextField
                label="Address"
                value={draft.address}
                onChange={(address) => set({ address })}
                problem={problems.address}
                placeholder="233 S Wacker Dr, Chicago, IL"
                maxLength={300}
                autoFocus
              />
            )}
            <TextField
              label="Radius (miles)"
              value={draft.radius}
              onChange={(radius) => set({ radius })}
              problem={problems.radius}
              type="number"
              min={1}
              max={MAX_RADIUS_MILES}
              hint={`Default ${DEFAULT_RADIUS_MILES}, at most ${MAX_RADIUS_MILES}`}
            />
          </div>
        </div>
        <MakePicker value={draft.makes} onChange={(makes) => set({ makes })} problem={problems.makes} />
        <details open={advancedProblem ? true : undefined} className="rounded-md border border-line px-3 py-2">
          <summary className="cursor-pointer text-[13px] font-medium">
            Advanced{" "}
            <span className="font-normal text-muted">
              · batch size {draft.batchSize}, {draft.concurrency} at once
            </span>
          </summary>
          <div className="mt-3 grid gap-4 pb-1 sm:grid-cols-2">
            <TextField
              label="Batch size"
              value={draft.batchSize}
              onChange={(batchSize) => set({ batchSize })}
              problem={problems.batchSize}
              type="number"
              min={1}
              max={MAX_BATCH_SIZE}
              hint={`Dealerships one browser session contacts in a row (1–${MAX_BATCH_SIZE})`}
            />
            <TextField
              label="Concurrency"
              value={draft.concurrency}
              onChange={(concurrency) => set({ concurrency })}
              problem={problems.concurrency}
              type="number"
              min={1}
              max={MAX_CONCURRENCY}
              hint={`Browsers working at once (1–${MAX_CONCURRENCY})`}
            />
          </div>
        </details>
      </div>
    </>
  );
}

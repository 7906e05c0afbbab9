/** Step 1: what the project is called and what it is for. */
import { useId } from "react";
import { cn } from "../../components/ui";
import type { Draft, Problems } from "./draft";
import { FieldError, StepIntro, TextField } from "./fields";

export type StepProps = { draft: Draft; set: (patch: Partial<Draft>) => void; problems: Problems };

export function StepProject({ draft, set, problems }: StepProps) {
  const id = useId();
  return (
    <>
      <StepIntro title="Name the project">
        A name you will recognise on the dashboard, and a note if it helps.
      </StepIntro>
      <div className="flex flex-col gap-4">
        <TextField
          label="Name"
          value={draft.name}
          onChange={(name) => set({ name })}
          problem={problems.name}
          placeholder="Spring SUV search"
          maxLength={120}
          autoFocus
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={id} className="text-[13px] font-medium">
            Description <span className="font-normal text-muted">(optional)</span>
          </label>
          <textarea
            id={id}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            rows={3}
            maxLength={2000}
            aria-invalid={problems.description ? true : undefined}
            aria-describedby={problems.description ? `${id}-problem` : undefined}
            className={cn(
              "rounded-md border border-line bg-surface px-3 py-2 text-[13px] focus:border-accent focus:outline-none",
              problems.description && "border-danger",
            )}
          />
          <FieldError id={`${id}-problem`} problem={problems.description} />
        </div>
      </div>
    </>
  );
}

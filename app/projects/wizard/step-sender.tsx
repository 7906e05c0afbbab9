/** Step 3: who writes to the dealers, and any other answers their forms may ask for. */
import { Plus, X } from "lucide-react";
import { Button } from "../../components/ui";
import type { Draft } from "./draft";
import { StepIntro, TextField } from "./fields";
import type { StepProps } from "./step-project";

export function StepSender({ draft, set, problems }: StepProps) {
  const setExtra = (i: number, patch: Partial<Draft["extra"][number]>) =>
    set({ extra: draft.extra.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  return (
    <>
      <StepIntro title="Who is writing">
        What the forms are filled with. Dealers answer to this email and phone.
      </StepIntro>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="First name"
          value={draft.firstName}
          onChange={(firstName) => set({ firstName })}
          problem={problems.firstName}
          autoComplete="given-name"
          autoFocus
        />
        <TextField
          label="Last name"
          value={draft.lastName}
          onChange={(lastName) => set({ lastName })}
          problem={problems.lastName}
          autoComplete="family-name"
        />
        <TextField
          label="Email"
          value={draft.email}
          onChange={(email) => set({ email })}
          problem={problems.email}
          type="email"
          autoComplete="email"
        />
        <TextField
          label="Phone"
          value={draft.phone}
          onChange={(phone) => set({ phone })}
          problem={problems.phone}
          type="tel"
          autoComplete="tel"
        />
        <TextField
          label="ZIP code (optional)"
          value={draft.senderZip}
          onChange={(senderZip) => set({ senderZip })}
          problem={problems.senderZip}
          inputMode="numeric"
          autoComplete="postal-code"
        />
      </div>
      <fieldset className="mt-6 flex flex-col gap-2">
        <legend className="text-[13px] font-medium">Other answers</legend>
        <p className="text-xs text-muted">
          Anything else a form may ask (trade-in, budget, timeframe), by the label it would carry.
        </p>
        {draft.extra.map((field, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place; labels may repeat while typed
          <div key={i} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto] items-start gap-2">
            <TextField
              label={`Label ${i + 1}`}
              value={field.label}
              onChange={(label) => setExtra(i, { label })}
              problem={problems[`extra.${i}`]}
              placeholder="Trade-in"
            />
            <TextField
              label={`Value ${i + 1}`}
              value={field.value}
              onChange={(value) => setExtra(i, { value })}
              placeholder="2015 Honda Civic, 80k miles"
            />
            <Button
              variant="ghost"
              className="mt-6 px-2"
              aria-label={`Remove field ${i + 1}`}
              onClick={() => set({ extra: draft.extra.filter((_, j) => j !== i) })}
            >
              <X className="h-4 w-4" aria-hidden />
            </Button>
          </div>
        ))}
        <Button className="w-fit" onClick={() => set({ extra: [...draft.extra, { label: "", value: "" }] })}>
          <Plus className="h-4 w-4" aria-hidden /> Add a field
        </Button>
      </fieldset>
    </>
  );
}

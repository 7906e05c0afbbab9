/** The lead scoring part of the settings: the five weights with their total, the thresholds and the two requirements. */
import { MAX_LEAD_SCORE } from "../../../schema/hunting";
import { cn, Field, Input } from "../../components/ui";
import { weightsTotal } from "../format";
import { numberOf, type SettingsDraft, WEIGHT_FIELDS } from "./draft";

export type FieldsProps = {
  draft: SettingsDraft;
  readOnly: boolean;
  change: (patch: Partial<SettingsDraft>) => void;
};

export function Checkbox({
  label,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-[13px]">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        className="h-4 w-4 accent-[var(--accent)]"
      />
      {label}
    </label>
  );
}

export function WeightFields({ draft, readOnly, change }: FieldsProps) {
  const total = weightsTotal(Object.fromEntries(WEIGHT_FIELDS.map(({ key }) => [key, numberOf(draft.weights[key])])));
  return (
    <fieldset className="flex flex-col gap-3" disabled={readOnly}>
      <legend className="sr-only">Weights</legend>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {WEIGHT_FIELDS.map(({ key, label }) => (
          <Field key={key} label={label}>
            <Input
              type="number"
              min={0}
              max={MAX_LEAD_SCORE}
              step={1}
              value={draft.weights[key]}
              onChange={(e) => change({ weights: { ...draft.weights, [key]: e.target.value } })}
            />
          </Field>
        ))}
      </div>
      <p
        aria-live="polite"
        data-weights-total
        className={cn("text-[13px]", total > MAX_LEAD_SCORE ? "font-medium text-danger" : "text-muted")}
      >
        Total {total} of {MAX_LEAD_SCORE} points
        {total > MAX_LEAD_SCORE ? ": over the most a score can be" : ""}
      </p>
    </fieldset>
  );
}

export function ThresholdFields({ draft, readOnly, change }: FieldsProps) {
  return (
    <fieldset className="flex flex-col gap-4" disabled={readOnly}>
      <legend className="sr-only">Thresholds and requirements</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Minimum rating" hint="Stars, 0–5, for the rating part">
          <Input
            type="number"
            min={0}
            max={5}
            step={0.1}
            value={draft.minRating}
            onChange={(e) => change({ minRating: e.target.value })}
          />
        </Field>
        <Field label="Minimum reviews" hint="For the reviews part">
          <Input
            type="number"
            min={1}
            step={1}
            value={draft.minReviews}
            onChange={(e) => change({ minReviews: e.target.value })}
          />
        </Field>
        <Field label="Minimum score" hint="A lead scoring this or more is qualified">
          <Input
            type="number"
            min={0}
            max={MAX_LEAD_SCORE}
            step={1}
            value={draft.minScore}
            onChange={(e) => change({ minScore: e.target.value })}
          />
        </Field>
      </div>
      <div className="flex flex-col gap-2">
        <Checkbox
          label="Qualified only without a website of its own"
          checked={draft.requireNoWebsite}
          disabled={readOnly}
          onChange={(requireNoWebsite) => change({ requireNoWebsite })}
        />
        <Checkbox
          label="Qualified only with an email address"
          checked={draft.requireEmail}
          disabled={readOnly}
          onChange={(requireEmail) => change({ requireEmail })}
        />
      </div>
    </fieldset>
  );
}

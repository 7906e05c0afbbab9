/** The pace part of the settings: cooldown, reviews, the default source and the scrape schedule. */
import { HuntingSettings } from "../../../schema/hunting-api";
import { Field, Input, Select } from "../../components/ui";
import { Checkbox, type FieldsProps } from "./scoring-fields";

type DefaultSource = HuntingSettings["defaultSource"];

/** The sources a scrape may default to (a CSV is uploaded with each scrape, so it is never one). */
const SOURCES = HuntingSettings.shape.defaultSource.unwrap().options;

const SOURCE_LABEL: Record<DefaultSource, string> = {
  sample: "Sample directory (no key)",
  outscraper: "Outscraper",
  google: "Google Places",
  overpass: "OpenStreetMap Overpass",
};

export function PaceFields({ draft, readOnly, change }: FieldsProps) {
  return (
    <fieldset className="flex flex-col gap-4" disabled={readOnly}>
      <legend className="sr-only">Pace</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Cooldown (days)" hint="How long a territory rests after a scrape">
          <Input
            type="number"
            min={0}
            max={365}
            step={1}
            value={draft.cooldownDays}
            onChange={(e) => change({ cooldownDays: e.target.value })}
          />
        </Field>
        <Field label="Default source" hint="Where a scrape looks when none is named">
          <Select
            value={draft.defaultSource}
            onChange={(e) => change({ defaultSource: e.target.value as DefaultSource })}
          >
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABEL[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Checkbox
        label="Fetch reviews of businesses still without an email (uses provider credits)"
        checked={draft.fetchReviews}
        disabled={readOnly}
        onChange={(fetchReviews) => change({ fetchReviews })}
      />
      <Checkbox
        label="Scrape the next due territory on a schedule"
        checked={draft.autoEnabled}
        disabled={readOnly}
        onChange={(autoEnabled) => change({ autoEnabled })}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Every (minutes)">
          <Input
            type="number"
            min={1}
            max={10_080}
            step={1}
            value={draft.everyMinutes}
            disabled={!draft.autoEnabled}
            className="disabled:opacity-50"
            onChange={(e) => change({ everyMinutes: e.target.value })}
          />
        </Field>
        <Field label="Daily cap" hint="Scheduled scrapes in one UTC day at most">
          <Input
            type="number"
            min={1}
            max={1000}
            step={1}
            value={draft.dailyCap}
            disabled={!draft.autoEnabled}
            className="disabled:opacity-50"
            onChange={(e) => change({ dailyCap: e.target.value })}
          />
        </Field>
      </div>
    </fieldset>
  );
}

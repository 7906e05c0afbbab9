/** The pace card: daily caps, spacing, the sending window and a new sender's warm-up. */
import { Form } from "react-router";
import type { Pace } from "../../schema/messaging-api";
import { Button, Card, Field, Input } from "../components/ui";
import type { WarmUpStep } from "./types";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function WarmUpTable({ steps }: { steps: WarmUpStep[] }) {
  return (
    <table className="w-full text-[13px]" aria-label="Warm-up schedule">
      <thead className="text-left text-xs text-muted">
        <tr>
          <th className="py-1 font-medium">From</th>
          <th className="py-1 font-medium">Until</th>
          <th className="py-1 text-right font-medium">Per day</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.from} className="border-t border-line">
            <td className="py-1">{s.from}</td>
            <td className="py-1">{s.to ?? "on"}</td>
            <td className="py-1 text-right tabular-nums">{s.perDay}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PaceCard(props: { pace: Pace; schedule: WarmUpStep[]; owner: boolean; busy: boolean }) {
  const { pace, schedule, owner, busy } = props;
  return (
    <Card
      title="Pace"
      description="Caps hold every send; campaign sends also keep the spacing, the window (in the recipient's zone) and the warm-up."
    >
      <Form method="post" className="grid gap-x-6 gap-y-4 md:grid-cols-3" aria-label="Pace">
        <input type="hidden" name="intent" value="pace" />
        <Field label="Per sender a day">
          <Input name="senderDailyCap" type="number" min={1} defaultValue={pace.senderDailyCap} disabled={!owner} />
        </Field>
        <Field label="Whole workspace a day">
          <Input
            name="workspaceDailyCap"
            type="number"
            min={1}
            defaultValue={pace.workspaceDailyCap}
            disabled={!owner}
          />
        </Field>
        <Field label="Seconds between sends">
          <Input
            name="minSpacingSeconds"
            type="number"
            min={0}
            defaultValue={pace.minSpacingSeconds}
            disabled={!owner}
          />
        </Field>
        <Field label="Window opens">
          <Input name="start" type="time" defaultValue={pace.window.start} disabled={!owner} />
        </Field>
        <Field label="Window closes">
          <Input name="end" type="time" defaultValue={pace.window.end} disabled={!owner} />
        </Field>
        <Field label="Time zone" hint="Where the workspace's days begin, for caps and warm-up.">
          <Input name="zone" defaultValue={pace.zone} disabled={!owner} />
        </Field>
        <fieldset className="md:col-span-3">
          <legend className="mb-1.5 text-[13px] font-medium">Sending days</legend>
          <div className="flex flex-wrap gap-3">
            {DAYS.map((day, i) => (
              <label key={day} className="flex items-center gap-1.5 text-[13px]">
                <input
                  type="checkbox"
                  name="day"
                  value={i}
                  defaultChecked={pace.window.days.includes(i)}
                  disabled={!owner}
                />
                {day}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-[13px] md:col-span-3">
          <input type="checkbox" name="warmUp" defaultChecked={pace.warmUp !== null} disabled={!owner} />
          Warm up new senders
        </label>
        <Field label="Warm-up: first days' sends">
          <Input
            name="startPerDay"
            type="number"
            min={1}
            defaultValue={pace.warmUp?.startPerDay ?? 20}
            disabled={!owner}
          />
        </Field>
        <Field label="Warm-up: double every (days)">
          <Input
            name="doubleEveryDays"
            type="number"
            min={1}
            max={60}
            defaultValue={pace.warmUp?.doubleEveryDays ?? 3}
            disabled={!owner}
          />
        </Field>
        <div className="md:col-span-3">
          <p className="mb-2 text-xs text-muted">A sender starting today may send:</p>
          <WarmUpTable steps={schedule} />
        </div>
        <div className="md:col-span-3">
          <Button type="submit" variant="primary" disabled={!owner || busy}>
            Save pace
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** The PATCH body's `pace` from the card's form; numbers the API checks and words back. */
export function paceFromForm(form: FormData) {
  const num = (name: string) => Number(form.get(name));
  return {
    senderDailyCap: num("senderDailyCap"),
    workspaceDailyCap: num("workspaceDailyCap"),
    minSpacingSeconds: num("minSpacingSeconds"),
    window: { start: String(form.get("start")), end: String(form.get("end")), days: form.getAll("day").map(Number) },
    warmUp: form.get("warmUp") ? { startPerDay: num("startPerDay"), doubleEveryDays: num("doubleEveryDays") } : null,
    zone: String(form.get("zone") ?? "").trim(),
  };
}

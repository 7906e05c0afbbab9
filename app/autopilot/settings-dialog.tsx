/**
 * Autopilot's settings in a dialog: each schedule on/off with its interval, the caps per cycle and
 * a daily budget per provider (empty: no budget). Saved whole with `POST /api/autopilot`; the
 * server's message is shown when it refuses a value.
 */
import { Settings2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import {
  type AutopilotBudgets,
  type AutopilotCaps,
  type AutopilotSettings,
  type PhaseSchedule,
  SCHEDULES,
  type ScheduleName,
  SPEND_PROVIDERS,
} from "../../schema/autopilot";
import { Button, Field, Input, Notice } from "../components/ui";
import { BuilderDialog } from "../journeys/dialog";
import { autopilotClient } from "./api";

const CAP_LABELS: Record<keyof AutopilotCaps, string> = {
  territories: "Territories scraped",
  qualify: "Businesses qualified",
  retrySites: "Failed sites retried",
  generate: "Sites generated",
  publish: "Sites published",
  createPitches: "Pitches created",
  retryPitches: "Failed pitches retried",
  send: "Pitches sent",
};

export function SettingsDialog({
  slug,
  settings,
  onSaved,
}: {
  slug: string;
  settings: AutopilotSettings;
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [schedules, setSchedules] = useState<Record<ScheduleName, PhaseSchedule>>(settings.schedules);
  const [caps, setCaps] = useState<AutopilotCaps>(settings.caps);
  const [budgets, setBudgets] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(settings.budgets).map(([k, v]) => [k, String(v)])),
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const reset = (next: boolean) => {
    if (next) {
      setSchedules(settings.schedules);
      setCaps(settings.caps);
      setBudgets(Object.fromEntries(Object.entries(settings.budgets).map(([k, v]) => [k, String(v)])));
      setError(null);
    }
    setOpen(next);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const chosen: AutopilotBudgets = {};
    for (const p of SPEND_PROVIDERS) if (budgets[p]?.trim()) chosen[p] = Number(budgets[p]);
    try {
      await autopilotClient(slug).save({ enabled: settings.enabled, schedules, caps, budgets: chosen });
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(`Not saved: ${err instanceof Error ? err.message : err}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button onClick={() => reset(true)}>
        <Settings2 className="h-4 w-4" aria-hidden /> Settings
      </Button>
      <BuilderDialog
        open={open}
        onOpenChange={reset}
        title="Autopilot settings"
        description="When each part of the pipeline runs, how much one cycle does, and what it may spend a day."
      >
        <form onSubmit={save} className="flex flex-col gap-5">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-[13px] font-semibold">Schedules (minutes between runs)</legend>
            {SCHEDULES.map((name) => (
              <div key={name} className="grid grid-cols-[1fr_7rem] items-center gap-3 text-[13px]">
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={schedules[name].enabled}
                    onChange={(e) =>
                      setSchedules({ ...schedules, [name]: { ...schedules[name], enabled: e.target.checked } })
                    }
                  />
                  {name}
                </label>
                <Input
                  type="number"
                  min={1}
                  aria-label={`${name} every (minutes)`}
                  value={schedules[name].everyMinutes}
                  onChange={(e) =>
                    setSchedules({ ...schedules, [name]: { ...schedules[name], everyMinutes: Number(e.target.value) } })
                  }
                />
              </div>
            ))}
          </fieldset>
          <fieldset className="grid grid-cols-2 gap-3">
            <legend className="mb-1 text-[13px] font-semibold">Caps per cycle</legend>
            {(Object.keys(CAP_LABELS) as (keyof AutopilotCaps)[]).map((key) => (
              <Field key={key} label={CAP_LABELS[key]}>
                <Input
                  type="number"
                  min={0}
                  value={caps[key]}
                  onChange={(e) => setCaps({ ...caps, [key]: Number(e.target.value) })}
                />
              </Field>
            ))}
          </fieldset>
          <fieldset className="grid grid-cols-2 gap-3">
            <legend className="mb-1 text-[13px] font-semibold">Daily budget (USD, empty for none)</legend>
            {SPEND_PROVIDERS.map((p) => (
              <Field key={p} label={p}>
                <Input
                  type="number"
                  min={0}
                  step="0.01"
                  value={budgets[p] ?? ""}
                  onChange={(e) => setBudgets({ ...budgets, [p]: e.target.value })}
                />
              </Field>
            ))}
          </fieldset>
          {error ? <Notice tone="error">{error}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" onClick={() => reset(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={saving}>
              Save
            </Button>
          </div>
        </form>
      </BuilderDialog>
    </>
  );
}

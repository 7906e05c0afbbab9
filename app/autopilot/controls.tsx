/**
 * The Autopilot switch, "Run one cycle" (409 says a cycle is running), and the next run of each
 * schedule with its interval and whether it is on.
 */
import { Play } from "lucide-react";
import { useState } from "react";
import type { AutopilotSettings, NextRun } from "../../schema/autopilot";
import { Button, cn, DateTime } from "../components/ui";
import { autopilotClient } from "./api";
import { duration } from "./format";

const MINUTE_MS = 60_000;

export function AutopilotSwitch({
  slug,
  settings,
  canEdit,
  onChanged,
}: {
  slug: string;
  settings: AutopilotSettings;
  canEdit: boolean;
  onChanged: (message: string | null, error: string | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const on = settings.enabled;
  const toggle = async () => {
    setBusy(true);
    try {
      await autopilotClient(slug).save({ enabled: !on });
      onChanged(on ? "Autopilot is off." : "Autopilot is on: cycles run on their schedules.", null);
    } catch (e) {
      onChanged(null, `Could not switch Autopilot ${on ? "off" : "on"}: ${e instanceof Error ? e.message : e}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label="Autopilot"
      disabled={!canEdit || busy}
      onClick={toggle}
      className="flex items-center gap-2 text-[13px] font-medium disabled:opacity-60"
    >
      <span
        className={cn(
          "relative h-5 w-9 rounded-full transition-colors",
          on ? "bg-accent" : "bg-surface-2 ring-1 ring-line",
        )}
      >
        <span
          aria-hidden
          className={cn(
            "absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-[left]",
            on ? "left-[1.1rem]" : "left-0.5",
          )}
        />
      </span>
      Autopilot {on ? "on" : "off"}
    </button>
  );
}

export function RunCycleButton({
  slug,
  running,
  canEdit,
  onStarted,
}: {
  slug: string;
  running: boolean;
  canEdit: boolean;
  onStarted: (message: string | null, error: string | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const result = await autopilotClient(slug).run();
      onStarted(result.ok ? `Cycle ${result.cycleId} started.` : null, result.ok ? null : result.message);
    } catch (e) {
      onStarted(null, `Could not start a cycle: ${e instanceof Error ? e.message : e}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="primary"
      disabled={!canEdit || busy}
      onClick={run}
      title={running ? "A cycle is running" : undefined}
    >
      <Play className="h-4 w-4" aria-hidden /> Run one cycle
    </Button>
  );
}

export function NextRuns({ runs, enabled }: { runs: NextRun[]; enabled: boolean }) {
  return (
    <table className="w-full text-left text-[13px]" aria-label="Schedules">
      <thead className="text-xs text-muted">
        <tr>
          <th className="py-1.5 pr-3 font-medium">Schedule</th>
          <th className="py-1.5 pr-3 font-medium">Every</th>
          <th className="py-1.5 pr-3 font-medium">Last run</th>
          <th className="py-1.5 font-medium">Next run</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.schedule} className="border-t border-line">
            <td className="py-1.5 pr-3 font-medium">{r.schedule}</td>
            <td className="py-1.5 pr-3 tabular-nums">{duration(r.everyMinutes * MINUTE_MS)}</td>
            <td className="py-1.5 pr-3">
              <DateTime iso={r.lastRunAt} />
            </td>
            <td className="py-1.5">
              {!r.enabled ? (
                <span className="text-muted">off</span>
              ) : !enabled ? (
                <span className="text-muted">Autopilot off</span>
              ) : (
                <DateTime iso={r.nextRunAt} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

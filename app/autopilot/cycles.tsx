/**
 * The last cycles: status, start, duration, each phase's done/failed/skipped and errors. The
 * running one shows a progress bar over its phases, the one running now named.
 */
import type { CycleRecord, CycleStatus } from "../../schema/autopilot";
import { Badge, DateTime, EmptyState } from "../components/ui";
import { cycleDuration, cycleProgress } from "./format";

const STATUS_TONE: Record<CycleStatus, "accent" | "success" | "danger"> = {
  running: "accent",
  finished: "success",
  failed: "danger",
};

export function RunningCycle({ cycle, now }: { cycle: CycleRecord; now: Date }) {
  const progress = cycleProgress(cycle);
  const current = cycle.pending[0];
  return (
    <section
      aria-label="Running cycle"
      className="flex flex-col gap-2 rounded-md border border-accent/30 bg-accent-soft/40 p-3"
    >
      <p className="flex flex-wrap items-center justify-between gap-2 text-[13px]">
        <span className="font-medium">
          Cycle {cycle.id} · {current ? `running ${current}` : "finishing"}
        </span>
        <span className="text-xs text-muted tabular-nums">
          {cycle.phases.length} of {cycle.phases.length + cycle.pending.length} phases · {cycleDuration(cycle, now)}
        </span>
      </p>
      <div
        role="progressbar"
        aria-label="Cycle progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
        className="h-2 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${progress * 100}%` }} />
      </div>
    </section>
  );
}

export function CycleList({ cycles, now }: { cycles: CycleRecord[]; now: Date }) {
  if (cycles.length === 0)
    return (
      <EmptyState title="No cycles yet">
        <p>Press "Run one cycle", or turn Autopilot on to run on the schedules.</p>
      </EmptyState>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[13px]" aria-label="Last cycles">
        <thead className="text-xs text-muted">
          <tr>
            <th className="py-1.5 pr-3 font-medium">Status</th>
            <th className="py-1.5 pr-3 font-medium">Started</th>
            <th className="py-1.5 pr-3 font-medium">Duration</th>
            <th className="py-1.5 font-medium">Phases (done / failed / skipped)</th>
          </tr>
        </thead>
        <tbody>
          {cycles.map((c) => (
            <tr key={c.id} data-cycle={c.id} className="border-t border-line align-top">
              <td className="py-2 pr-3">
                <Badge tone={STATUS_TONE[c.status]}>{c.status}</Badge>
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">
                <DateTime iso={c.startedAt} />
                <span className="block text-xs text-muted">by {c.trigger}</span>
              </td>
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{cycleDuration(c, now)}</td>
              <td className="py-2">
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  {c.phases.map((p) => (
                    <li key={p.name} className="text-xs" title={p.error ?? undefined}>
                      <span className="font-medium">{p.name}</span>{" "}
                      <span className="tabular-nums text-muted">
                        {p.done} / <span className={p.failed ? "text-danger" : ""}>{p.failed}</span> / {p.skipped}
                      </span>
                    </li>
                  ))}
                  {c.pending.map((name) => (
                    <li key={name} className="text-xs text-muted">
                      {name} …
                    </li>
                  ))}
                </ul>
                {[c.error, ...c.phases.map((p) => (p.error ? `${p.name}: ${p.error}` : null))]
                  .filter((e): e is string => e !== null)
                  .map((e) => (
                    <p key={e} className="mt-1 text-xs text-danger">
                      {e}
                    </p>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

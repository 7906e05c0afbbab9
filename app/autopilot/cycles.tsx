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
    <ul aria-label="Last cycles" className="flex flex-col">
      {cycles.map((c) => (
        <li
          key={c.id}
          data-cycle={c.id}
          className="flex flex-col gap-1.5 border-t border-line py-2.5 first:border-t-0 first:pt-0"
        >
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px]">
            <Badge tone={STATUS_TONE[c.status]}>{c.status}</Badge>
            <DateTime iso={c.startedAt} />
            <span className="text-xs text-muted">
              by {c.trigger} · {cycleDuration(c, now)}
            </span>
          </p>
          <ul aria-label="Phases (done / failed / skipped)" className="flex flex-wrap gap-x-4 gap-y-1">
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
              <p key={e} className="text-xs text-danger">
                {e}
              </p>
            ))}
        </li>
      ))}
    </ul>
  );
}

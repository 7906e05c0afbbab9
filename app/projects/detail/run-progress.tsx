/** The project's counts per status, and while a run goes, a progress bar with counts and an ETA. */
import { CONTACT_STATUSES, type ProjectDetail } from "../../../schema/projects";
import { cn } from "../../components/ui";
import { CONTACT_STATUS_LABEL, CONTACT_STATUS_TONE, finished, formatEta, inFlight } from "../format";
import { StackedBar } from "../stacked-bar";

export function SummaryStats({ project }: { project: ProjectDetail }) {
  const { counts } = project;
  return (
    <dl aria-label="Dealerships by status" className="grid grid-cols-4 gap-2 sm:grid-cols-7">
      <div className="rounded-md border border-line bg-surface px-3 py-2">
        <dt className="text-xs text-muted">Total</dt>
        <dd className="text-lg font-semibold tabular-nums">{counts.total.toLocaleString()}</dd>
      </div>
      {CONTACT_STATUSES.map((status) => (
        <div key={status} className="rounded-md border border-line bg-surface px-3 py-2">
          <dt className="flex items-center gap-1.5 text-xs text-muted">
            <span className={cn("h-2 w-2 rounded-full", CONTACT_STATUS_TONE[status].bar)} aria-hidden />
            {CONTACT_STATUS_LABEL[status]}
          </dt>
          <dd className="text-lg font-semibold tabular-nums">{counts[status].toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Shown while dealers are queued or running. */
export function RunProgress({ project }: { project: ProjectDetail }) {
  const { counts, run } = project;
  const left = inFlight(counts);
  if (!left) return null;
  const done = finished(counts);
  const pace = run?.secondsPerSite;
  return (
    <section
      aria-label="Run progress"
      data-run-progress
      className="rounded-lg border border-accent/40 bg-accent-soft/40 px-4 py-3"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-[13px]">
        <p className="font-medium">
          {run?.dryRun ? "Dry run" : "Contacting dealers"}: {done.toLocaleString()} of {counts.total.toLocaleString()}{" "}
          done
          <span className="font-normal text-muted">
            {" "}
            · {counts.running} running, {counts.queued} queued
          </span>
        </p>
        <p className="text-muted" aria-live="polite">
          {run?.etaSeconds === 0
            ? "finishing…"
            : run?.etaSeconds == null
              ? "ETA: estimating…"
              : `${formatEta(run.etaSeconds)} left`}
          {pace ? ` · ${Math.round(pace)} s per dealer` : ""}
        </p>
      </div>
      <StackedBar counts={counts} legend />
    </section>
  );
}

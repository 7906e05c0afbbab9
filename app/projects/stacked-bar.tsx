/** A project's dealerships as one bar, a segment per contact status, with the counts beside it. */
import type { ProjectCounts } from "../../schema/projects";
import { cn } from "../components/ui";
import { BAR_ORDER, CONTACT_STATUS_LABEL, CONTACT_STATUS_TONE, finished } from "./format";

export function StackedBar({
  counts,
  legend = false,
  className,
}: {
  counts: ProjectCounts;
  legend?: boolean;
  className?: string;
}) {
  const done = finished(counts);
  const label = `${done} of ${counts.total} dealerships done: ${BAR_ORDER.filter((s) => counts[s])
    .map((s) => `${counts[s]} ${CONTACT_STATUS_LABEL[s].toLowerCase()}`)
    .join(", ")}`;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={counts.total}
        aria-valuenow={done}
        title={label}
        className="flex h-1.5 w-full overflow-hidden rounded-full bg-surface-2"
      >
        {counts.total
          ? BAR_ORDER.map((status) =>
              counts[status] ? (
                <span
                  key={status}
                  className={cn("h-full transition-[width] duration-500", CONTACT_STATUS_TONE[status].bar)}
                  style={{ width: `${(counts[status] / counts.total) * 100}%` }}
                />
              ) : null,
            )
          : null}
      </div>
      {legend ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
          {BAR_ORDER.filter((s) => counts[s]).map((status) => (
            <li key={status} className="flex items-center gap-1">
              <span className={cn("h-2 w-2 rounded-full", CONTACT_STATUS_TONE[status].bar)} aria-hidden />
              {counts[status].toLocaleString()} {CONTACT_STATUS_LABEL[status].toLowerCase()}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

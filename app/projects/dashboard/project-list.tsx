/** Every project of the workspace: status, what it searches for, how far its dealerships got. */
import { Link } from "react-router";
import type { ProjectSummary } from "../../../schema/projects";
import { DateTime } from "../../components/ui";
import { ProjectStatusChip } from "../chips";
import { finished, percent } from "../format";
import { StackedBar } from "../stacked-bar";

export function ProjectList({ slug, projects }: { slug: string; projects: ProjectSummary[] }) {
  return (
    <ul aria-label="Projects" className="divide-y divide-line">
      {projects.map((p) => (
        <li key={p.id}>
          <Link
            to={`/w/${slug}/projects/${p.id}`}
            className="-mx-2 grid grid-cols-1 gap-x-6 gap-y-2 rounded-md px-2 py-3 hover:bg-surface-2 md:grid-cols-[minmax(0,1fr)_220px_72px]"
          >
            <div className="min-w-0">
              <div className="flex items-center gap-2">
                <span className="truncate font-medium">{p.name}</span>
                <ProjectStatusChip status={p.status} />
              </div>
              <p className="mt-0.5 text-xs text-muted md:truncate">
                {p.makes.join(", ")} · within {p.radiusMiles} mi of {p.locationLabel} · created{" "}
                <DateTime iso={p.createdAt} />
              </p>
            </div>
            <div className="flex flex-col justify-center gap-1">
              <StackedBar counts={p.counts} />
              <span className="text-xs text-muted">
                {p.counts.total
                  ? `${finished(p.counts).toLocaleString()} of ${p.counts.total.toLocaleString()} done · ${p.counts.success} sent · ${p.counts.failed} failed`
                  : "No dealerships yet"}
              </span>
            </div>
            <div className="flex items-baseline gap-1 md:flex-col md:items-end md:justify-center md:gap-0">
              <span className="text-[15px] font-semibold tabular-nums">{percent(p.successRate)}</span>
              <span className="text-xs text-muted">success</span>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

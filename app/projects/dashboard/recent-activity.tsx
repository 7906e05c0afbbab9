/** The latest contact attempts across projects: who, in which project, how it went, when. */
import { Link } from "react-router";
import type { ProjectsDashboard } from "../../../schema/projects";
import { formatAgo } from "../../grid/time";
import { OutcomeChip } from "../chips";
import { categoryLabel } from "../format";

/** Enough to see what happened lately without making the dashboard a log. */
const RECENT_SHOWN = 10;

export function RecentActivity({ slug, recent }: { slug: string; recent: ProjectsDashboard["recent"] }) {
  if (recent.length === 0)
    return <p className="text-[13px] text-muted">Contact attempts appear here once a project's automation runs.</p>;
  return (
    <ul aria-label="Recent activity" className="divide-y divide-line">
      {recent.slice(0, RECENT_SHOWN).map((a) => (
        <li key={a.id} className="flex items-start justify-between gap-3 py-2 text-[13px]">
          <div className="min-w-0">
            <p className="truncate font-medium">{a.dealershipName}</p>
            <p className="truncate text-xs text-muted">
              <Link to={`/w/${slug}/projects/${a.projectId}`} className="hover:text-accent">
                {a.projectName}
              </Link>
              {a.outcome === "failure" ? ` · ${categoryLabel(a.category)}` : ""}
            </p>
          </div>
          <div className="flex shrink-0 flex-col items-end gap-0.5">
            <OutcomeChip outcome={a.outcome} />
            <time dateTime={a.finishedAt ?? a.startedAt} className="text-xs text-muted" suppressHydrationWarning>
              {formatAgo(a.finishedAt ?? a.startedAt)}
            </time>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The live log: the project's latest contact attempts, newest first. */
import type { AttemptRecord } from "../../../schema/projects";
import { formatAgo } from "../../grid/time";
import { OutcomeChip } from "../chips";
import { categoryLabel, formatDuration } from "../format";

export function AttemptLog({ attempts }: { attempts: AttemptRecord[] }) {
  if (attempts.length === 0)
    return <p className="text-[13px] text-muted">No attempts yet. Each one appears here as it finishes.</p>;
  return (
    <div className="max-h-96 overflow-auto">
      <table aria-label="Live log" className="w-full text-left text-[13px]">
        <thead className="sticky top-0 bg-surface text-xs text-muted">
          <tr>
            <th className="py-1.5 pr-3 font-medium">Outcome</th>
            <th className="py-1.5 pr-3 font-medium">Dealer</th>
            <th className="py-1.5 pr-3 font-medium">Why</th>
            <th className="py-1.5 pr-3 text-right font-medium max-sm:hidden">Took</th>
            <th className="py-1.5 text-right font-medium">When</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id} className="border-t border-line align-top">
              <td className="py-1.5 pr-3">
                <OutcomeChip outcome={a.outcome} />
              </td>
              <td className="py-1.5 pr-3 font-medium">{a.dealershipName}</td>
              <td className="max-w-80 py-1.5 pr-3">
                {a.outcome === "failure" ? <span className="font-medium">{categoryLabel(a.category)}</span> : null}
                {a.reason ? (
                  <span className="line-clamp-2 text-xs wrap-anywhere text-muted" title={a.evidence || a.reason}>
                    {a.reason}
                  </span>
                ) : null}
              </td>
              <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums text-muted max-sm:hidden">
                {a.finishedAt ? formatDuration(a.durationMs) : "running…"}
              </td>
              <td className="py-1.5 text-right whitespace-nowrap text-muted">
                <time dateTime={a.finishedAt ?? a.startedAt} suppressHydrationWarning>
                  {formatAgo(a.finishedAt ?? a.startedAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The pipeline's funnel, territories to paid: each stage's count (a link to its rows in the grid),
 * its share of the stage before, and what waits there for the next step with the oldest's age.
 */
import { Link } from "react-router";
import type { PipelineStageCount } from "../../schema/autopilot";
import { percent } from "../lib/percent";
import { age, stageHref } from "./format";

export function PipelineFunnel({ slug, stages, now }: { slug: string; stages: PipelineStageCount[]; now: Date }) {
  const widest = Math.max(1, ...stages.map((s) => s.count));
  return (
    <ol aria-label="Pipeline stages" className="flex flex-col gap-2.5">
      {stages.map((s) => {
        const href = stageHref(slug, s.link);
        const count = s.count.toLocaleString("en-US");
        return (
          <li
            key={s.stage}
            data-stage={s.stage}
            className="grid grid-cols-[7.5rem_1fr] items-center gap-3 text-[13px] sm:grid-cols-[9rem_1fr_12rem]"
          >
            <span className="font-medium">{s.label}</span>
            <div className="flex min-w-0 flex-col gap-1">
              <div className="h-2.5 overflow-hidden rounded-full bg-surface-2">
                <div className="h-full rounded-full bg-accent" style={{ width: `${(100 * s.count) / widest}%` }} />
              </div>
              <p className="flex flex-wrap justify-between gap-x-3 text-xs text-muted">
                {href ? (
                  <Link
                    to={href}
                    aria-label={`${s.label}: ${count}, open the rows`}
                    className="font-medium tabular-nums text-accent hover:underline"
                  >
                    {count}
                  </Link>
                ) : (
                  <span className="font-medium tabular-nums text-fg">{count}</span>
                )}
                <span className="tabular-nums">
                  {s.conversion === null ? "" : `${percent(s.conversion)} of the stage before`}
                </span>
              </p>
            </div>
            <p className="col-span-2 text-xs text-muted sm:col-span-1">
              {s.waiting > 0 ? (
                <>
                  <span className="font-medium tabular-nums text-fg">{s.waiting.toLocaleString("en-US")}</span> waiting
                  {s.oldestWaitingAt ? ` · oldest ${age(s.oldestWaitingAt, now)}` : ""}
                </>
              ) : (
                "nothing waiting"
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

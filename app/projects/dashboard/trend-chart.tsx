/** The success rate per day as small bars: height is the day's success rate, the tooltip has the counts. */
import type { ProjectsDashboard } from "../../../schema/projects";
import { percent } from "../format";

const WIDTH = 280;
const HEIGHT = 80;
const GAP = 4;

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function TrendChart({ trend }: { trend: ProjectsDashboard["trend"] }) {
  if (trend.length === 0)
    return <p className="text-[13px] text-muted">No attempts in the last 14 days. Start a project's automation.</p>;
  const attempts = trend.reduce((sum, d) => sum + d.attempts, 0);
  const successes = trend.reduce((sum, d) => sum + d.successes, 0);
  const barWidth = (WIDTH - GAP * (trend.length - 1)) / trend.length;
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-20 w-full"
        preserveAspectRatio="none"
        role="img"
        aria-label={`Success rate per day over ${trend.length} days: ${percent(attempts ? successes / attempts : null)} overall`}
      >
        <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-line" />
        {trend.map((d, i) => {
          const rate = d.attempts ? d.successes / d.attempts : 0;
          const h = Math.max(rate * (HEIGHT - 2), 2);
          return (
            <rect
              key={d.day}
              x={i * (barWidth + GAP)}
              y={HEIGHT - h}
              width={barWidth}
              height={h}
              rx={1.5}
              className={d.attempts ? "fill-success" : "fill-line"}
            >
              <title>{`${dayLabel(d.day)}: ${d.successes} of ${d.attempts} sent (${percent(d.attempts ? rate : null)})`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-muted">
        <span>{dayLabel(trend[0]!.day)}</span>
        <span>
          {successes.toLocaleString()} of {attempts.toLocaleString()} sent
        </span>
        <span>{dayLabel(trend[trend.length - 1]!.day)}</span>
      </figcaption>
    </figure>
  );
}

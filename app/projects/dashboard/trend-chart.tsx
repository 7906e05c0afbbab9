/** The success rate per day as small bars: height is the day's success rate, the tooltip has the counts. */
import type { ProjectsDashboard } from "../../../schema/projects";
import { percent } from "../format";

const WIDTH = 280;
const HEIGHT = 80;
const GAP = 4;
/** The days the API reports at most. */
const DAYS = 14;

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function TrendChart({ trend }: { trend: ProjectsDashboard["trend"] }) {
  if (trend.length === 0)
    return <p className="text-[13px] text-muted">No attempts in the last 14 days. Start a project's automation.</p>;
  const attempts = trend.reduce((sum, d) => sum + d.attempts, 0);
  const successes = trend.reduce((sum, d) => sum + d.successes, 0);
  // Always 14 slots (the API's window), days at the right: one day of data is not a wall of colour.
  const slots = Math.max(trend.length, DAYS);
  const slot = WIDTH / slots;
  const offset = slots - trend.length;
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-20 w-full"
        preserveAspectRatio="none"
        role="img"
        aria-label={`Success rate per day over ${trend.length} days: ${percent(attempts ? successes / attempts : null)} overall`}
      >
        {trend.map((d, i) => {
          const rate = d.attempts ? d.successes / d.attempts : 0;
          const x = (offset + i) * slot + GAP / 2;
          return (
            <g key={d.day}>
              <title>{`${dayLabel(d.day)}: ${d.successes} of ${d.attempts} sent (${percent(d.attempts ? rate : null)})`}</title>
              <rect x={x} y={0} width={slot - GAP} height={HEIGHT} rx={2} className="fill-surface-2" />
              <rect
                x={x}
                y={HEIGHT * (1 - rate)}
                width={slot - GAP}
                height={HEIGHT * rate}
                rx={2}
                className="fill-success"
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="flex justify-between gap-3 text-xs text-muted">
        <span>
          {successes.toLocaleString()} of {attempts.toLocaleString()} sent (
          {percent(attempts ? successes / attempts : null)})
        </span>
        <span>
          {trend.length > 1 ? `${dayLabel(trend[0]!.day)} – ` : ""}
          {dayLabel(trend[trend.length - 1]!.day)}
        </span>
      </figcaption>
    </figure>
  );
}

/** Qualified leads per week as bars: height against the best week, the tooltip has the count. */
import type { HuntingReport } from "../../../schema/hunting-api";
import { weekLabel } from "../format";

const WIDTH = 280;
const HEIGHT = 80;
const GAP = 4;
/** The weeks the API reports at most. */
const WEEKS = 12;

export function WeeklyChart({ weekly }: { weekly: HuntingReport["weekly"] }) {
  const total = weekly.reduce((sum, w) => sum + w.qualified, 0);
  if (weekly.length === 0 || total === 0)
    return <p className="text-[13px] text-muted">No qualified leads in the last 12 weeks. Scrape a territory.</p>;
  const best = Math.max(...weekly.map((w) => w.qualified));
  // Always 12 slots (the API's window), weeks at the right: one week of data is not a wall of colour.
  const slots = Math.max(weekly.length, WEEKS);
  const slot = WIDTH / slots;
  const offset = slots - weekly.length;
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-20 w-full"
        preserveAspectRatio="none"
        role="img"
        aria-label={`Qualified leads per week: ${total.toLocaleString()} over ${weekly.length} weeks`}
      >
        {weekly.map((w, i) => {
          const x = (offset + i) * slot + GAP / 2;
          const height = (HEIGHT * w.qualified) / best;
          return (
            <g key={w.week}>
              <title>{`Week of ${weekLabel(w.week)}: ${w.qualified.toLocaleString()} qualified`}</title>
              <rect x={x} y={0} width={slot - GAP} height={HEIGHT} rx={2} className="fill-surface-2" />
              <rect x={x} y={HEIGHT - height} width={slot - GAP} height={height} rx={2} className="fill-success" />
            </g>
          );
        })}
      </svg>
      <figcaption className="flex justify-between gap-3 text-xs text-muted">
        <span>
          {total.toLocaleString()} qualified · best week {best.toLocaleString()}
        </span>
        <span>
          {weekly.length > 1 ? `${weekLabel(weekly[0]!.week)} – ` : ""}
          {weekLabel(weekly[weekly.length - 1]!.week)}
        </span>
      </figcaption>
    </figure>
  );
}

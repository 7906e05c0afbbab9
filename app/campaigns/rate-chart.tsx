/**
 * A rate over days as a plain SVG line chart: one point per day with sends, the y axis from 0 to the largest
 * rate (at least 10%, so a quiet week does not look like a spike).
 */
import { percent } from "../lib/percent";

const WIDTH = 320;
const HEIGHT = 120;
const PAD = { left: 36, right: 8, top: 8, bottom: 20 };
/** The y axis never ends below this, so 1 open in 200 sends draws as the small thing it is. */
const MIN_TOP = 0.1;

export function RateChart({ title, points }: { title: string; points: { day: string; rate: number; sent: number }[] }) {
  const top = Math.max(MIN_TOP, ...points.map((p) => p.rate));
  const w = WIDTH - PAD.left - PAD.right;
  const h = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length > 1 ? (i / (points.length - 1)) * w : w / 2);
  const y = (rate: number) => PAD.top + h - (rate / top) * h;
  // Days with nothing sent have no rate: the line joins the days that do.
  const line = points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.sent > 0)
    .map(({ p, i }, n) => `${n === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.rate).toFixed(1)}`)
    .join(" ");
  const sentDays = points.filter((p) => p.sent > 0);
  const total =
    sentDays.reduce((sum, p) => sum + p.rate * p.sent, 0) /
    Math.max(
      1,
      sentDays.reduce((s, p) => s + p.sent, 0),
    );
  return (
    <figure className="rounded-lg border border-line bg-surface p-3">
      <figcaption className="mb-1 flex items-baseline justify-between text-[13px]">
        <span className="font-medium">{title}</span>
        <span className="tabular-nums text-muted">{percent(total)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="w-full" role="img" aria-label={`${title} by day`}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="stroke-line" />
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={y(top)}
          y2={y(top)}
          className="stroke-line"
          strokeDasharray="2 3"
        />
        <text x={PAD.left - 4} y={y(top) + 4} textAnchor="end" className="fill-muted text-[9px]">
          {percent(top)}
        </text>
        <text x={PAD.left - 4} y={y(0) + 3} textAnchor="end" className="fill-muted text-[9px]">
          0%
        </text>
        <path d={line} fill="none" className="stroke-accent" strokeWidth={1.5} />
        {points.map((p, i) =>
          p.sent > 0 ? (
            <circle key={p.day} cx={x(i)} cy={y(p.rate)} r={2.5} className="fill-accent">
              <title>{`${p.day}: ${percent(p.rate)} of ${p.sent} sent`}</title>
            </circle>
          ) : null,
        )}
        <text x={PAD.left} y={HEIGHT - 4} className="fill-muted text-[9px]">
          {points[0]?.day}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end" className="fill-muted text-[9px]">
          {points[points.length - 1]?.day}
        </text>
      </svg>
    </figure>
  );
}

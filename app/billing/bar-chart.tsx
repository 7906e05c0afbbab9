/**
 * Bars over time as plain SVG (as the hunting report's weekly chart): each bar's height against the
 * largest, a tooltip with its figure, the first and last period under it. Negative values (a month
 * with more refunded than collected) draw as an empty bar; the tooltip still says the figure.
 */
const WIDTH = 300;
const HEIGHT = 96;
const GAP = 4;
/** The periods the report gives at most (12 weeks, 12 months): a short history is not a wall of colour. */
const SLOTS = 12;

export type Bar = { key: string; label: string; value: number };

export function BarChart({
  label,
  bars,
  format,
  empty,
}: {
  /** What the chart shows, for screen readers: "Claims paid per week". */
  label: string;
  bars: Bar[];
  format: (value: number) => string;
  /** What to say when every bar is zero. */
  empty: string;
}) {
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  if (bars.every((b) => b.value <= 0)) return <p className="py-6 text-center text-[13px] text-muted">{empty}</p>;
  const best = Math.max(...bars.map((b) => b.value));
  const slots = Math.max(bars.length, SLOTS);
  const slot = WIDTH / slots;
  const offset = slots - bars.length;
  const first = bars[0]!;
  const last = bars[bars.length - 1]!;
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-24 w-full"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label}: ${format(total)} over ${bars.length} periods`}
      >
        {bars.map((b, i) => {
          const x = (offset + i) * slot + GAP / 2;
          const height = (HEIGHT * Math.max(0, b.value)) / best;
          return (
            <g key={b.key}>
              <title>{`${b.label}: ${format(b.value)}`}</title>
              <rect x={x} y={0} width={slot - GAP} height={HEIGHT} rx={2} className="fill-surface-2" />
              <rect x={x} y={HEIGHT - height} width={slot - GAP} height={height} rx={2} className="fill-accent" />
            </g>
          );
        })}
      </svg>
      <figcaption className="flex justify-between gap-3 text-xs text-muted">
        <span>
          {format(total)} in all · best {format(best)}
        </span>
        <span>{bars.length > 1 ? `${first.label} – ${last.label}` : last.label}</span>
      </figcaption>
    </figure>
  );
}

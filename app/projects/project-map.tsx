/**
 * The project on a map drawn offline: the search centre, the radius to scale, the dealerships
 * coloured by status, a scale bar and a north arrow. No tiles: it must work without a network.
 */
import { CONTACT_STATUSES, type DealershipRecord, type ProjectCenter } from "../../schema/projects";
import { cn } from "../components/ui";
import { CONTACT_STATUS_LABEL, CONTACT_STATUS_TONE, formatMiles } from "./format";
import { mapFrame, niceMiles } from "./map-projection";

const SIZE = 400;
const PADDING = 28;

export function ProjectMap({
  center,
  radiusMiles,
  dealerships,
}: {
  center: ProjectCenter | null;
  radiusMiles: number;
  dealerships: DealershipRecord[];
}) {
  if (!center)
    return (
      <p className="text-[13px] text-muted">
        The map shows once the search place is located, when dealerships are found.
      </p>
    );
  const frame = mapFrame(radiusMiles, SIZE, PADDING);
  const half = SIZE / 2;
  const radiusPx = radiusMiles * frame.pxPerMile;
  const scaleMiles = niceMiles(radiusMiles / 2);
  const scalePx = scaleMiles * frame.pxPerMile;
  const placed = dealerships.filter((d) => d.latitude !== null && d.longitude !== null);
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`Map: ${placed.length} dealerships within ${radiusMiles} miles of ${center.label}`}
        className="mx-auto aspect-square w-full max-w-[420px] rounded-md bg-surface-2"
      >
        <line x1={half} x2={half} y1={half - radiusPx} y2={half + radiusPx} className="stroke-line" />
        <line y1={half} y2={half} x1={half - radiusPx} x2={half + radiusPx} className="stroke-line" />
        <circle cx={half} cy={half} r={radiusPx} className="fill-accent/5 stroke-accent" strokeDasharray="4 4" />
        {placed.map((d) => {
          const { x, y } = frame.toSvg(center, { lat: d.latitude!, lng: d.longitude! });
          return (
            <circle
              key={d.id}
              cx={x}
              cy={y}
              r={4.5}
              className={cn(CONTACT_STATUS_TONE[d.status].dot, "stroke-surface")}
              strokeWidth={1.2}
              data-status={d.status}
            >
              <title>{`${d.name} · ${formatMiles(d.distanceMiles)} · ${CONTACT_STATUS_LABEL[d.status]}`}</title>
            </circle>
          );
        })}
        <g aria-hidden>
          <path d={`M${half - 6} ${half}h12M${half} ${half - 6}v12`} className="stroke-fg" strokeWidth={2} />
          <circle cx={half} cy={half} r={2.5} className="fill-fg" />
        </g>
        <text
          x={half + 8}
          y={half - 8}
          className="fill-fg stroke-surface-2 text-[11px] font-medium"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {center.label}
        </text>
        <g transform={`translate(${SIZE - 22} 26)`} aria-label="North">
          <path d="M0 -14 L6 4 L0 0 L-6 4 Z" className="fill-fg" />
          <text y={17} textAnchor="middle" className="fill-fg text-[11px] font-semibold">
            N
          </text>
        </g>
        <g transform={`translate(14 ${SIZE - 14})`}>
          <path d={`M0 -5v5h${scalePx}v-5`} fill="none" className="stroke-fg" strokeWidth={1.5} />
          <text x={scalePx / 2} y={-8} textAnchor="middle" className="fill-fg text-[11px]">
            {scaleMiles} mi
          </text>
        </g>
      </svg>
      <figcaption className="flex flex-wrap justify-center gap-x-3 gap-y-1 text-xs text-muted">
        {CONTACT_STATUSES.filter((s) => placed.some((d) => d.status === s)).map((status) => (
          <span key={status} className="flex items-center gap-1">
            <span className={cn("h-2 w-2 rounded-full", CONTACT_STATUS_TONE[status].bar)} aria-hidden />
            {CONTACT_STATUS_LABEL[status]} {placed.filter((d) => d.status === status).length}
          </span>
        ))}
        {placed.length < dealerships.length ? (
          <span>{dealerships.length - placed.length} without coordinates</span>
        ) : null}
      </figcaption>
    </figure>
  );
}

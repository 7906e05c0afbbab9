/**
 * The coverage map drawn offline: every territory as a circle of its radius to scale, coloured by
 * status, and every business as a dot coloured by its lead score, with a scale bar and legends.
 * No tiles: it must work without a network, and stay light with thousands of dots.
 */

import type { CoverageMap as CoverageMapData } from "../../schema/hunting-api";
import { TERRITORY_STATUSES } from "../../schema/hunting-tables";
import { cn } from "../components/ui";
import { mapFrame, niceMiles } from "../projects/map-projection";
import { coverageFrame } from "./coverage-frame";
import {
  SCORE_BAND_TONE,
  SCORE_BANDS,
  type ScoreBand,
  scoreBand,
  TERRITORY_STATUS_LABEL,
  TERRITORY_STATUS_TONE,
} from "./format";

const SIZE = 480;
const PADDING = 20;
/** Small enough that 5,000 dots in a city still read as a cloud rather than one blot. */
const DOT_RADIUS = 2.6;
/** A territory far smaller than the map still shows as a ring one can point at. */
const MIN_CIRCLE_PX = 4;

const scoreText = (score: number | null) => (score === null ? "not scored" : `score ${score}`);

export function CoverageMap({ map }: { map: CoverageMapData }) {
  const frame = coverageFrame([
    ...map.territories,
    ...map.businesses.map((b) => ({ lat: b.lat, lng: b.lng, radiusMiles: 0 })),
  ]);
  if (!frame)
    return (
      <p className="text-[13px] text-muted">
        The map draws each territory once it has a place, and each business found in it.
      </p>
    );
  const { center, extentMiles } = frame;
  const { pxPerMile, toSvg } = mapFrame(extentMiles, SIZE, PADDING);
  const scaleMiles = niceMiles(extentMiles / 2);
  // Areas go under the dots and outlines over them, so a crowded territory still shows its edge.
  const circles = map.territories.map((t) => ({
    ...toSvg(center, t),
    id: t.id,
    status: t.status,
    r: Math.max(t.radiusMiles * pxPerMile, MIN_CIRCLE_PX),
    title: `${t.name} · ${t.radiusMiles} mi · ${TERRITORY_STATUS_LABEL[t.status]}`,
  }));
  const bands = new Map<ScoreBand, number>();
  for (const b of map.businesses) {
    const band = scoreBand(b.score);
    bands.set(band, (bands.get(band) ?? 0) + 1);
  }
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`Coverage map: ${map.territories.length} territories, ${map.businesses.length} businesses`}
        className="mx-auto aspect-square w-full max-w-[480px] rounded-md bg-surface-2"
      >
        <g data-layer="territory-areas" aria-hidden>
          {circles.map((c) => (
            <circle key={c.id} cx={c.x} cy={c.y} r={c.r} className={TERRITORY_STATUS_TONE[c.status].area} />
          ))}
        </g>
        <g data-layer="businesses" className="stroke-surface" strokeWidth={0.6}>
          {map.businesses.map((b) => {
            const { x, y } = toSvg(center, b);
            const band = scoreBand(b.score);
            return (
              <circle key={b.rowId} cx={x} cy={y} r={DOT_RADIUS} className={SCORE_BAND_TONE[band].dot} data-band={band}>
                <title>{`${b.name} · ${scoreText(b.score)}${b.qualified ? " · qualified" : ""}`}</title>
              </circle>
            );
          })}
        </g>
        <g data-layer="territories" fill="none" strokeWidth={1.5}>
          {circles.map((c) => (
            <circle
              key={c.id}
              cx={c.x}
              cy={c.y}
              r={c.r}
              className={TERRITORY_STATUS_TONE[c.status].outline}
              data-status={c.status}
            >
              <title>{c.title}</title>
            </circle>
          ))}
        </g>
        <g transform={`translate(14 ${SIZE - 14})`}>
          <path d={`M0 -5v5h${scaleMiles * pxPerMile}v-5`} fill="none" className="stroke-fg" strokeWidth={1.5} />
          <text x={(scaleMiles * pxPerMile) / 2} y={-8} textAnchor="middle" className="fill-fg text-[11px]">
            {scaleMiles} mi
          </text>
        </g>
      </svg>
      <figcaption className="flex flex-col items-center gap-1 text-xs text-muted">
        <Legend
          label="Territories"
          items={TERRITORY_STATUSES.map((s) => ({
            key: s,
            swatch: cn("rounded-full border-2", TERRITORY_STATUS_TONE[s].swatch),
            text: `${TERRITORY_STATUS_LABEL[s]} ${map.territories.filter((t) => t.status === s).length}`,
          }))}
        />
        <Legend
          label="Lead score"
          items={[...SCORE_BANDS, { band: "none" as const, label: "not scored" }].map((b) => ({
            key: b.band,
            swatch: cn("rounded-full", SCORE_BAND_TONE[b.band].swatch),
            text: `${b.label} ${bands.get(b.band) ?? 0}`,
          }))}
        />
      </figcaption>
    </figure>
  );
}

function Legend({ label, items }: { label: string; items: { key: string; swatch: string; text: string }[] }) {
  return (
    <ul aria-label={label} className="flex flex-wrap justify-center gap-x-3 gap-y-1">
      <li className="font-medium text-fg">{label}</li>
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1">
          <span className={cn("h-2.5 w-2.5", item.swatch)} aria-hidden />
          {item.text}
        </li>
      ))}
    </ul>
  );
}

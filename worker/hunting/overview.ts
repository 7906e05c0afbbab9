/** What the Hunting page reads: the report over every business, territory and run, and the coverage map. */
import { huntingReport } from "../../automation/hunting";
import type { CoverageMap, HuntingReport } from "../../schema/hunting-api";
import { allRows } from "../projects/store";
import { businessListRow } from "./businesses";
import { allRuns } from "./runs";
import type { Hunting } from "./tables";
import { allTerritories } from "./territories";

export async function readReport(h: Hunting, now = new Date()): Promise<HuntingReport> {
  const [territories, rows, runs] = await Promise.all([allTerritories(h), allRows(h.businesses, []), allRuns(h)]);
  return huntingReport({ territories, businesses: rows.map((row) => businessListRow(h.businesses, row)), runs, now });
}

export async function readMap(h: Hunting): Promise<CoverageMap> {
  const [territories, rows] = await Promise.all([allTerritories(h), allRows(h.businesses, [])]);
  return {
    territories: territories.flatMap((t) =>
      t.center
        ? [
            {
              id: t.id,
              name: t.name,
              lat: t.center.lat,
              lng: t.center.lng,
              radiusMiles: t.radiusMiles,
              status: t.status,
            },
          ]
        : [],
    ),
    businesses: rows.flatMap((row) => {
      const b = businessListRow(h.businesses, row);
      return b.latitude !== null && b.longitude !== null
        ? [{ rowId: b.rowId, name: b.name, lat: b.latitude, lng: b.longitude, score: b.score, qualified: b.qualified }]
        : [];
    }),
  };
}

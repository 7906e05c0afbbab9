/** The territories that gave the most qualified leads, best first. */
import type { HuntingReport } from "../../../schema/hunting-api";
import { percent } from "../../projects/format";

export function BestTerritories({ rows }: { rows: HuntingReport["bestTerritories"] }) {
  if (rows.length === 0) return <p className="text-[13px] text-muted">Scrape a territory to see how it does.</p>;
  return (
    <table aria-label="Best territories" className="w-full text-[13px]">
      <thead className="text-left text-xs text-muted">
        <tr>
          <th className="pb-1.5 font-medium">Territory</th>
          <th className="w-16 pb-1.5 text-right font-medium">Found</th>
          <th className="w-16 pb-1.5 text-right font-medium">Qualified</th>
          <th className="w-16 pb-1.5 text-right font-medium">Rate</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((row) => (
          <tr key={row.territoryId}>
            <td className="max-w-0 truncate py-1.5 pr-2">{row.name}</td>
            <td className="py-1.5 text-right tabular-nums">{row.found.toLocaleString()}</td>
            <td className="py-1.5 text-right tabular-nums">{row.qualified.toLocaleString()}</td>
            <td className="py-1.5 text-right tabular-nums">{percent(row.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

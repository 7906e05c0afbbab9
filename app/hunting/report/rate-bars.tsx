/** Qualification rate per group (category, city) as a table with a bar in each row. */
import type { HuntingReport } from "../../../schema/hunting-api";
import { percent } from "../../projects/format";

/** The longest lists a report card shows; the API sorts the groups by businesses found. */
const ROWS_SHOWN = 12;

export function RateBars({ label, group, rows }: { label: string; group: string; rows: HuntingReport["byCategory"] }) {
  if (rows.length === 0) return <p className="text-[13px] text-muted">No businesses yet.</p>;
  const shown = rows.slice(0, ROWS_SHOWN);
  return (
    <table aria-label={label} className="w-full text-[13px]">
      <thead className="text-left text-xs text-muted">
        <tr>
          <th className="pb-1.5 font-medium">{group}</th>
          <th className="w-16 pb-1.5 text-right font-medium">Found</th>
          <th className="w-16 pb-1.5 text-right font-medium">Qualified</th>
          <th className="w-2/5 pb-1.5 pl-3 font-medium">Rate</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {shown.map((row) => (
          <tr key={row.key}>
            <td className="max-w-0 truncate py-1.5 pr-2">{row.key || "—"}</td>
            <td className="py-1.5 text-right tabular-nums">{row.businesses.toLocaleString()}</td>
            <td className="py-1.5 text-right tabular-nums">{row.qualified.toLocaleString()}</td>
            <td className="py-1.5 pl-3">
              <div className="flex items-center gap-2">
                <div className="h-2 flex-1 rounded-full bg-surface-2" aria-hidden>
                  <div
                    className="h-2 rounded-full bg-success"
                    style={{ width: `${Math.round((row.rate ?? 0) * 100)}%` }}
                  />
                </div>
                <span className="w-9 text-right tabular-nums">{percent(row.rate)}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
      {rows.length > shown.length ? (
        <tfoot>
          <tr>
            <td colSpan={4} className="pt-2 text-xs text-muted">
              and {(rows.length - shown.length).toLocaleString()} more
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

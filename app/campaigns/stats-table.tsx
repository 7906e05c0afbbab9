/** Messages sent and their outcomes, one row per sender or campaign. */
import type { StatsLine } from "../../schema/messaging-stats";
import { percent } from "../lib/percent";

const COLUMNS: { key: keyof StatsLine; label: string; rate?: keyof StatsLine }[] = [
  { key: "sent", label: "Sent" },
  { key: "delivered", label: "Delivered", rate: "deliveryRate" },
  { key: "opened", label: "Opened", rate: "openRate" },
  { key: "clicked", label: "Clicked", rate: "clickRate" },
  { key: "replied", label: "Replied", rate: "replyRate" },
  { key: "bounced", label: "Bounced", rate: "bounceRate" },
  { key: "unsubscribed", label: "Unsubscribed", rate: "unsubscribeRate" },
];

export function StatsTable({ label, rows }: { label: string; rows: (StatsLine & { name: string; key: string })[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] text-[13px]" aria-label={`By ${label.toLowerCase()}`}>
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="py-1.5 font-medium">{label}</th>
            {COLUMNS.map((c) => (
              <th key={c.key} className="py-1.5 text-right font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-line">
              <td className="py-2">{row.name}</td>
              {COLUMNS.map((c) => (
                <td key={c.key} className="py-2 text-right tabular-nums">
                  {row[c.key]}
                  {c.rate ? <span className="ml-1 text-xs text-muted">{percent(row[c.rate] as number)}</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

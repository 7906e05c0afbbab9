/** The Enrollments tab: each enrollment's row, version, status and node, opening the lead's timeline. */
import { Link } from "react-router";
import type { EnrollmentItem } from "../../schema/journeys";
import { Badge, DateTime } from "../components/ui";

const STATUS_TONES = { active: "accent", finished: "success", exited: "neutral" } as const;

export function EnrollmentsList({
  items,
  names,
  slug,
}: {
  items: EnrollmentItem[];
  names: Map<string, string>;
  slug: string;
}) {
  if (items.length === 0)
    return <p className="text-[13px] text-muted">No enrollments yet. Publish the journey, then Enroll leads.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Enrollments" className="w-full text-[13px]">
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="px-2 py-1 font-medium">Lead</th>
            <th className="px-2 py-1 font-medium">Version</th>
            <th className="px-2 py-1 font-medium">Status</th>
            <th className="px-2 py-1 font-medium">Node</th>
            <th className="px-2 py-1 font-medium">Entered</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} className="h-8 border-t border-line" data-enrollment-status={e.status}>
              <td className="px-2">
                <Link
                  className="font-medium text-accent hover:underline"
                  to={`/w/${slug}/journeys/leads/${encodeURIComponent(e.tableId)}/${encodeURIComponent(e.rowId)}`}
                >
                  {names.get(e.rowId) ?? e.rowId}
                </Link>
              </td>
              <td className="px-2 tabular-nums">v{e.version}</td>
              <td className="px-2">
                <Badge tone={STATUS_TONES[e.status]}>{e.status}</Badge>
                {e.capped ? <span className="ml-1 text-xs text-muted">capped: {e.capped}</span> : null}
                {e.exitReason ? <span className="ml-1 text-xs text-muted">{e.exitReason}</span> : null}
              </td>
              <td className="px-2 font-mono text-xs">{e.node ?? "—"}</td>
              <td className="px-2 text-muted">
                <DateTime iso={e.enteredAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Failed dealerships grouped by why they failed, most common first, with the fix and their screenshots. */
import type { DealershipRecord } from "../../../schema/projects";
import { categoryLabel } from "../format";
import { Gallery, shotsOf } from "./gallery";

type Group = { category: string | null; suggestedFix: string; dealerships: DealershipRecord[] };

export function groupFailures(dealerships: DealershipRecord[]): Group[] {
  const groups = new Map<string, Group>();
  for (const d of dealerships) {
    if (d.status !== "failed") continue;
    const key = d.category ?? "";
    const group = groups.get(key) ?? { category: d.category, suggestedFix: d.suggestedFix, dealerships: [] };
    group.suggestedFix ||= d.suggestedFix;
    group.dealerships.push(d);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.dealerships.length - a.dealerships.length);
}

export function FailureGroups({ dealerships, tableId }: { dealerships: DealershipRecord[]; tableId: string }) {
  const groups = groupFailures(dealerships);
  if (groups.length === 0)
    return (
      <p className="text-[13px] text-muted">
        No failures. Dealers whose forms could not be sent are grouped here by cause.
      </p>
    );
  return (
    <ul aria-label="Failures by category" className="flex flex-col divide-y divide-line">
      {groups.map((g) => {
        const shots = shotsOf(g.dealerships, tableId);
        return (
          <li key={g.category ?? ""} className="py-3 first:pt-0 last:pb-0">
            <h3 className="flex items-baseline justify-between gap-3 text-[13px] font-semibold">
              {categoryLabel(g.category)}
              <span className="text-danger tabular-nums">{g.dealerships.length}</span>
            </h3>
            {g.suggestedFix ? <p className="mt-0.5 text-xs text-muted">Try: {g.suggestedFix}</p> : null}
            <p className="mt-1 text-xs">{g.dealerships.map((d) => d.name).join(" · ")}</p>
            {shots.length ? (
              <div className="mt-2">
                <Gallery shots={shots} label={`Screenshots: ${categoryLabel(g.category)}`} small />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

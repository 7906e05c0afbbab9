/** The gallery's filters, kept in the URL (`?status=review&vibe=warm`) so a filtered view can be shared. */
import { useSearchParams } from "react-router";
import type { SiteList } from "../../schema/sites-api";
import { SITE_STATUSES } from "../../schema/sites-tables";
import { Select } from "../components/ui";
import { SITE_STATUS_LABEL, vibeLabel } from "./format";

export const FILTER_KEYS = ["status", "vibe"] as const;

export function SiteFilters({ facets }: { facets: SiteList["facets"] }) {
  const [params, setParams] = useSearchParams();
  const set = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete("site");
    setParams(next, { preventScrollReset: true });
  };
  const vibe = params.get("vibe") ?? "";
  const vibes = Object.keys(facets.vibe).sort();
  if (vibe && !vibes.includes(vibe)) vibes.push(vibe);
  return (
    <search aria-label="Filter sites" className="flex flex-wrap items-center gap-2">
      <Select aria-label="Status" value={params.get("status") ?? ""} onChange={(e) => set("status", e.target.value)}>
        <option value="">Any status</option>
        {SITE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {SITE_STATUS_LABEL[status]} ({facets.status[status] ?? 0})
          </option>
        ))}
      </Select>
      <Select aria-label="Vibe" value={vibe} onChange={(e) => set("vibe", e.target.value)}>
        <option value="">Any vibe</option>
        {vibes.map((v) => (
          <option key={v} value={v}>
            {vibeLabel(v)} ({facets.vibe[v] ?? 0})
          </option>
        ))}
      </Select>
    </search>
  );
}

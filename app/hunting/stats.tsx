/** The hunting report's totals as stat cards. */
import type { HuntingReport } from "../../schema/hunting-api";
import { Stat } from "../components/ui";
import { percent } from "../projects/format";
import { formatUsd } from "./format";

export function HuntingStats({ totals }: { totals: HuntingReport["totals"] }) {
  return (
    <dl aria-label="Hunting totals" className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <Stat
        label="Businesses"
        value={totals.businesses.toLocaleString()}
        hint={`${totals.withEmail.toLocaleString()} with email · ${totals.noWebsite.toLocaleString()} no website`}
      />
      <Stat label="Qualified" value={totals.qualified.toLocaleString()} />
      <Stat label="Qualification rate" value={percent(totals.qualificationRate)} />
      <Stat
        label="Cost per qualified lead"
        value={formatUsd(totals.costPerQualified)}
        hint={`${formatUsd(totals.costUsd)} spent on providers`}
      />
      <Stat
        label="Searches / places found"
        value={`${totals.tilesSearched.toLocaleString()} / ${totals.placesFound.toLocaleString()}`}
        hint={`${totals.scraped.toLocaleString()} of ${totals.territories.toLocaleString()} territories scraped`}
      />
    </dl>
  );
}

/** Every territory with its status, pace and counts, and a Scrape now button per row. */
import { Play } from "lucide-react";
import type { TerritoryRecord } from "../../schema/hunting-api";
import { Button, cn, DateTime } from "../components/ui";
import { formatDay, inCooldown, TERRITORY_STATUS_LABEL, TERRITORY_STATUS_TONE } from "./format";

type Props = {
  territories: TerritoryRecord[];
  canEdit: boolean;
  /** The territory being scraped from this page, if any. */
  scraping: string | null;
  onScrape: (territory: TerritoryRecord) => void;
};

/** Why Scrape now is off for a territory, or null when it may be pressed. */
function blocked(t: TerritoryRecord, canEdit: boolean): string | null {
  if (!canEdit) return "Viewers cannot scrape";
  if (t.status === "scraping") return "Being scraped now";
  if (inCooldown(t.cooldownUntil)) return `In cooldown until ${formatDay(t.cooldownUntil)}`;
  return null;
}

export function TerritoryList({ territories, canEdit, scraping, onScrape }: Props) {
  return (
    <div className="relative -mx-5 overflow-x-auto px-5">
      <table aria-label="Territories" className="w-full min-w-[760px] text-[13px]">
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="pb-2 font-medium">Territory</th>
            <th className="pb-2 font-medium">Status</th>
            <th className="pb-2 text-right font-medium">Priority</th>
            <th className="pb-2 pl-4 font-medium">Last scraped</th>
            <th className="pb-2 font-medium">Cooldown until</th>
            <th className="pb-2 text-right font-medium" title="Found / new / qualified in the last scrape">
              Found / new / qualified
            </th>
            <th className="pb-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {territories.map((t) => {
            const why = blocked(t, canEdit);
            return (
              <tr key={t.id} data-territory={t.id}>
                <td className="max-w-64 py-2 pr-3">
                  <p className="truncate font-medium">{t.name}</p>
                  <p className="truncate text-xs text-muted" title={t.lastError ?? undefined}>
                    {t.lastError ? (
                      <span className="text-danger">{t.lastError}</span>
                    ) : (
                      `${t.location} · ${t.radiusMiles} mi`
                    )}
                  </p>
                </td>
                <td className="py-2">
                  <span
                    className={cn(
                      "inline-flex rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap",
                      TERRITORY_STATUS_TONE[t.status].chip,
                    )}
                  >
                    {TERRITORY_STATUS_LABEL[t.status]}
                  </span>
                </td>
                <td className="py-2 text-right tabular-nums">{t.priority}</td>
                <td className="py-2 pl-4 whitespace-nowrap text-muted">
                  <DateTime iso={t.lastScraped} />
                </td>
                <td className="py-2 whitespace-nowrap text-muted">{formatDay(t.cooldownUntil)}</td>
                <td className="py-2 text-right tabular-nums whitespace-nowrap" data-counts>
                  {t.found.toLocaleString()} / {t.new.toLocaleString()} / {t.qualified.toLocaleString()}
                </td>
                <td className="py-2 pl-3 text-right">
                  <Button
                    title={why ?? "Scrape this territory now"}
                    disabled={why !== null || scraping !== null}
                    onClick={() => onScrape(t)}
                    className="h-8"
                  >
                    <Play className="h-3.5 w-3.5" aria-hidden />
                    {scraping === t.id ? "Scraping…" : "Scrape now"}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

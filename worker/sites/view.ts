/**
 * Sites as the gallery reads them: a card per Sites row (its business's name, desktop screenshot,
 * vibe, the agent at work) and the side panel's detail (both screenshots, the version's stage
 * timeline from its `stages.json`, quality). Screenshots are given as the Sites table's file URLs,
 * which the app loads with the reader's session.
 */
import { attachmentsOf, attachmentUrl } from "../../schema/attachments";
import type { StageRecord } from "../../schema/site-agents";
import {
  runningProgress,
  type SiteDetail,
  type SiteList,
  type SiteStage,
  type SiteSummary,
} from "../../schema/sites-api";
import type { RowRecord } from "../../schema/tables";
import { knownBusiness } from "../hunting/businesses";
import type { Hunting } from "../hunting/tables";
import { reader, type TableHandle } from "../kinds/tables";
import { siteRecord } from "./generate";
import { stagesOf } from "./stages";

/** The URL of a screenshot cell's image, or null when the version was not seen in a browser. */
function shotUrl(sites: TableHandle, row: RowRecord, key: "desktop" | "mobile"): string | null {
  const [file] = attachmentsOf(reader(sites, row.cells).get(key));
  return file ? attachmentUrl(sites.id, file.key) : null;
}

const textOrNull = (sites: TableHandle, row: RowRecord, key: string) => reader(sites, row.cells).text(key) || null;

/** The agent at work and its tokens so far: only while generating (a crashed job may leave "running…" behind in the cell). */
function runningOf(sites: TableHandle, row: RowRecord) {
  const site = siteRecord(sites, row);
  const progress = site.status === "generating" ? runningProgress(site.stages) : null;
  return { running: progress?.agent ?? null, runningTokens: progress?.tokens ?? 0 };
}

export function stageView(s: StageRecord): SiteStage {
  return {
    name: s.stage,
    status: s.status,
    model: s.model,
    ms: s.durationMs,
    tokens: s.usage.inputTokens + s.usage.outputTokens,
    costUsd: s.costUsd,
    error: s.error,
    batch: s.batch === true,
    repair: s.repair === true,
  };
}

/** The businesses' rows of these sites, by row id (a deleted business is absent). */
async function businessesOf(h: Hunting | null, ids: string[]): Promise<Map<string, RowRecord>> {
  if (!h || ids.length === 0) return new Map();
  const rows = await h.businesses.room.readRows([...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row]));
}

function summaryOf(sites: TableHandle, row: RowRecord, businessName: string | null): SiteSummary {
  const site = siteRecord(sites, row);
  return {
    id: site.id,
    businessRowId: site.businessRowId,
    businessName,
    slug: site.slug,
    status: site.status,
    version: site.version,
    fallback: site.fallback,
    vibe: textOrNull(sites, row, "vibe"),
    url: site.url,
    screenshot: shotUrl(sites, row, "desktop"),
    ...runningOf(sites, row),
    generated: textOrNull(sites, row, "generated"),
  };
}

const tally = (values: (string | null)[]) =>
  values.reduce<Record<string, number>>((counts, v) => {
    if (v) counts[v] = (counts[v] ?? 0) + 1;
    return counts;
  }, {});

/** The gallery's cards, those being made first then the newest, filtered by status and vibe; facets count all. */
export async function siteList(
  sites: TableHandle | null,
  h: Hunting | null,
  rows: RowRecord[],
  filter: { status?: string; vibe?: string },
): Promise<SiteList> {
  if (!sites) return { sites: [], facets: { status: {}, vibe: {} } };
  const records = rows.map((row) => siteRecord(sites, row));
  const businesses = await businessesOf(
    h,
    records.flatMap((s) => (s.businessRowId ? [s.businessRowId] : [])),
  );
  const all = rows.map((row, i) => {
    const business = businesses.get(records[i]!.businessRowId ?? "");
    return summaryOf(sites, row, business && h ? knownBusiness(h.businesses, business).name : null);
  });
  const shown = all
    .filter((s) => (!filter.status || s.status === filter.status) && (!filter.vibe || s.vibe === filter.vibe))
    // Sites still being made (no Generated yet) first, then the newest.
    .sort(
      (a, b) =>
        Number(b.generated === null) - Number(a.generated === null) ||
        (b.generated ?? "").localeCompare(a.generated ?? ""),
    );
  return {
    sites: shown,
    facets: { status: tally(all.map((s) => s.status)), vibe: tally(all.map((s) => s.vibe)) },
  };
}

/** The side panel's site: the card's facts, both screenshots, the stage timeline and quality. */
export async function siteDetail(env: Env, sites: TableHandle, h: Hunting, row: RowRecord): Promise<SiteDetail> {
  const site = siteRecord(sites, row);
  const [business] = site.businessRowId ? await h.businesses.room.readRows([site.businessRowId]) : [];
  const known = business ? knownBusiness(h.businesses, business) : null;
  const stages = await stagesOf(env, h.workspaceId, site.id, site.version);
  return {
    id: site.id,
    businessRowId: site.businessRowId,
    slug: site.slug,
    url: site.url,
    status: site.status,
    version: site.version,
    fallback: site.fallback,
    stages: stages.map(stageView),
    ...runningOf(sites, row),
    stagesCell: site.stages,
    quality: textOrNull(sites, row, "quality"),
    vibe: textOrNull(sites, row, "vibe"),
    generated: textOrNull(sites, row, "generated"),
    published: textOrNull(sites, row, "published"),
    error: site.error,
    business: known ? { name: known.name, category: known.category, city: known.city } : null,
    screenshots: { desktop: shotUrl(sites, row, "desktop"), mobile: shotUrl(sites, row, "mobile") },
  };
}

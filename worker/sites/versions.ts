/**
 * A site's versions, as kept in R2 under `sites/<workspace>/<site>/v<n>/` (index.html, with
 * stages.json and quality.json beside it), and restoring one: a NEW version that copies it, put in
 * review. The published page is left alone until a person publishes again.
 */

import { blockingFindings, qualityLine } from "../../automation/sites/quality-report";
import { StageRecord } from "../../schema/site-agents";
import { isBusySite } from "../../schema/sites-api";
import type { CellValue } from "../../schema/tables";
import { HuntingMissingError } from "../hunting/errors";
import { byKey, type TableHandle } from "../kinds/tables";
import { SiteBusyError, type SiteRecord, siteRecord, versionKey } from "./generate";
import { stageLines } from "./jobs";
import { qualityKey, readQualityReport, screenshotKey, seeVersion } from "./quality-store";
import { stagesKey } from "./stages";

const origin = { kind: "automation" as const, job: "sites" };
const VERSION_PAGE = /\/v(\d+)\/index\.html$/;
const SHOTS = ["desktop", "mobile"] as const;

export type SiteVersion = {
  version: number;
  generated: string;
  /** Made by the fallback generator; null for a version stored before this was recorded. */
  fallback: boolean | null;
  vibe: string | null;
  bytes: number;
  /** The Quality cell's line and the findings that need a person's confirmation to publish; null when never checked. */
  quality: { summary: string; findings: string[] } | null;
};

const siteFolder = (workspaceId: string, siteId: string) =>
  versionKey(workspaceId, siteId, 0).replace(VERSION_PAGE, "/");

/** Every stored version of the site, newest first. */
export async function listVersions(env: Env, workspaceId: string, siteId: string): Promise<SiteVersion[]> {
  const pages: R2Object[] = [];
  let cursor: string | undefined;
  do {
    const prefix = siteFolder(workspaceId, siteId);
    const listed = await env.FILES.list({ prefix, cursor, include: ["customMetadata"] });
    pages.push(...listed.objects.filter((o) => VERSION_PAGE.test(o.key)));
    cursor = listed.truncated ? listed.cursor : undefined;
  } while (cursor);
  const versions = await Promise.all(
    pages.map(async (page): Promise<SiteVersion> => {
      const version = Number(VERSION_PAGE.exec(page.key)?.[1]);
      const meta = page.customMetadata ?? {};
      const report = await readQualityReport(env, workspaceId, siteId, version);
      return {
        version,
        generated: page.uploaded.toISOString(),
        fallback: meta.fallback === undefined ? null : meta.fallback === "true",
        vibe: meta.vibe ?? null,
        bytes: page.size,
        quality: report && { summary: qualityLine(report), findings: blockingFindings(report) },
      };
    }),
  );
  return versions.sort((a, b) => b.version - a.version);
}

/**
 * A new version of the site that is a copy of `from` (page, stages, quality report and
 * screenshots), the row put in review with it. The published page does not change.
 */
export async function restoreVersion(
  env: Env,
  workspaceId: string,
  sites: TableHandle,
  siteId: string,
  from: number,
): Promise<SiteRecord> {
  const [row] = await sites.room.readRows([siteId]);
  if (!row) throw new HuntingMissingError("Site not found");
  const site = siteRecord(sites, row);
  if (isBusySite(site.status))
    throw new SiteBusyError("This site is being generated; restore a version when it is done");
  const page = await env.FILES.get(versionKey(workspaceId, siteId, from));
  if (!page) throw new HuntingMissingError(`This site has no version ${from}`);
  const version = site.version + 1;
  const html = await page.text();
  const meta = page.customMetadata ?? {};
  await env.FILES.put(versionKey(workspaceId, siteId, version), html, {
    httpMetadata: page.httpMetadata,
    customMetadata: meta,
  });
  // The stages ran for the version restored, and their prompts' success was counted with it: here
  // they are reused, so publishing the copy counts nothing again.
  const stages = (await readStages(env, stagesKey(workspaceId, siteId, from))).map((s) =>
    s.status === "complete" ? { ...s, status: "reused" as const } : s,
  );
  if (stages.length)
    await env.FILES.put(stagesKey(workspaceId, siteId, version), JSON.stringify(stages), {
      httpMetadata: { contentType: "application/json" },
    });
  await copy(env, qualityKey(workspaceId, siteId, from), qualityKey(workspaceId, siteId, version));
  const report = await readQualityReport(env, workspaceId, siteId, version);
  const shots = report && (await copyShots(env, sites, siteId, from, version));
  // Copied when the version was checked; a version never checked is seen in a browser now.
  const seen =
    report && shots
      ? { ...shots, quality: qualityLine(report) }
      : await seeVersion(env, { workspaceId, sites, siteId, version }, html);
  const written = await sites.room.patchRow(
    siteId,
    byKey(sites, {
      ...seen,
      status: "review",
      version,
      fallback: meta.fallback === "true",
      vibe: meta.vibe ?? null,
      template: meta.template ?? null,
      generated: new Date().toISOString(),
      error: null,
      stages: stages.length ? stageLines(stages) : null,
    }),
    origin,
  );
  if (!written.ok) throw new Error(written.message);
  return siteRecord(sites, written.value);
}

/** Copies an R2 object with its metadata; false when there is nothing at `from`. */
async function copy(env: Env, from: string, to: string): Promise<boolean> {
  const file = await env.FILES.get(from);
  if (!file) return false;
  await env.FILES.put(to, file.body, { httpMetadata: file.httpMetadata, customMetadata: file.customMetadata });
  return true;
}

/** The screenshots of `from` copied as those of `to`, as cells; null when one is missing (then they are taken again). */
async function copyShots(env: Env, sites: TableHandle, siteId: string, from: number, to: number) {
  const cells: Record<string, CellValue> = {};
  for (const shot of SHOTS) {
    const name = `v${to}-${shot}.png`;
    const target = screenshotKey(sites, siteId, name);
    if (!(await copy(env, screenshotKey(sites, siteId, `v${from}-${shot}.png`), target))) return null;
    const size = (await env.FILES.head(target))?.size ?? 0;
    cells[shot] = [{ key: target, name, type: "image/png", size }];
  }
  return cells;
}

async function readStages(env: Env, key: string): Promise<StageRecord[]> {
  const file = await env.FILES.get(key);
  const parsed = StageRecord.array().safeParse(await file?.json().catch(() => null));
  return parsed.success ? parsed.data : [];
}

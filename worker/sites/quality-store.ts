/**
 * A version's quality kept with it: the browser's report as `quality.json` beside its
 * `index.html` in R2, its screenshots in the Sites table's files, and the one-line summary in the
 * Quality cell. Publishing a version with findings needs a person's confirmation.
 */
import { blockingFindings, qualityLine } from "../../automation/sites/quality-report";
import { SiteQualityReport } from "../../schema/site-quality";
import type { CellValue } from "../../schema/tables";
import type { TableHandle } from "../kinds/tables";
import { versionKey } from "./generate";
import { checkSite, type SiteQuality } from "./quality";

/** Where a version's quality report is kept: beside its page. */
export const qualityKey = (workspaceId: string, siteId: string, version: number) =>
  versionKey(workspaceId, siteId, version).replace(/index\.html$/, "quality.json");

/** Where a version's screenshot is kept, among the Sites table's files. */
export const screenshotKey = (sites: TableHandle, siteId: string, name: string) =>
  `files/${sites.id}/${siteId}/${name}`;

/** The version's quality report, or null when it was never checked or the file is unreadable. */
export async function readQualityReport(
  env: Env,
  workspaceId: string,
  siteId: string,
  version: number,
): Promise<SiteQualityReport | null> {
  const file = await env.FILES.get(qualityKey(workspaceId, siteId, version));
  if (!file) return null;
  const parsed = SiteQualityReport.safeParse(await file.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

/**
 * Screenshots and checks of a version in a browser (`checked` when the caller has them already),
 * kept in R2 and returned as cells; a browser that cannot be had is said in Quality.
 */
export async function seeVersion(
  env: Env,
  at: { workspaceId: string; sites: TableHandle; siteId: string; version: number },
  html: string,
  checked?: SiteQuality,
): Promise<Record<string, CellValue>> {
  const { workspaceId, sites, siteId, version } = at;
  try {
    const quality = checked ?? (await checkSite(env, html));
    const shots: Record<string, unknown> = {};
    for (const [key, image] of [
      ["desktop", quality.desktop],
      ["mobile", quality.mobile],
    ] as const) {
      const name = `v${version}-${key}.png`;
      const fileKey = screenshotKey(sites, siteId, name);
      await env.FILES.put(fileKey, image, { httpMetadata: { contentType: "image/png" } });
      shots[key] = [{ key: fileKey, name, type: "image/png", size: image.byteLength }];
    }
    await env.FILES.put(qualityKey(workspaceId, siteId, version), JSON.stringify(quality.report), {
      httpMetadata: { contentType: "application/json" },
    });
    return { ...shots, quality: qualityLine(quality.report) } as Record<string, CellValue>;
  } catch (error) {
    return { quality: `Not checked: ${(error as Error).message}` };
  }
}

/** Publishing a version whose checks found what a person should see first, without their confirmation. */
export class SiteFindingsError extends Error {
  constructor(readonly findings: string[]) {
    super(
      `This version has ${findings.length} quality finding${findings.length === 1 ? "" : "s"}; publish with { "confirm": true } to publish it anyway`,
    );
  }
}

/** Throws `SiteFindingsError` when the version has blocking findings and the person did not confirm. */
export async function assertPublishable(
  env: Env,
  workspaceId: string,
  siteId: string,
  version: number,
  confirm: boolean,
): Promise<void> {
  if (confirm) return;
  const findings = blockingFindings(await readQualityReport(env, workspaceId, siteId, version));
  if (findings.length) throw new SiteFindingsError(findings);
}

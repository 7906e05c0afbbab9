/**
 * The repair pass: the Architect's assembled page is checked in a browser; when its findings would
 * keep it from publishing itself (`blocksAutoPublish`), the Architect is asked once more with its
 * page and the findings, the new page is checked too, and the one with fewer blocking findings is
 * kept. What remains is said in the row's Error and the site stays in review.
 */
import type Anthropic from "@anthropic-ai/sdk";
import { repairArchitect, type StageProgress } from "../../automation/sites/agents";
import { assembleSite } from "../../automation/sites/assemble";
import {
  blockingFindings,
  blocksAutoPublish,
  findingsToFix,
  repairIsBetter,
} from "../../automation/sites/quality-report";
import type { ArchitectOutput, StageRecord } from "../../schema/site-agents";
import type { SiteFacts } from "../../schema/sites";
import { checkSite, type SiteQuality } from "./quality";

/** Findings named in the row's Error; the Quality cell and quality.json have them all. */
const FINDINGS_IN_ERROR = 3;

export type RepairPassResult = {
  html: string;
  /** The kept page's screenshots and report; absent when no browser could check it. */
  checked?: SiteQuality;
  /** The pipeline's stages, and the repair stage when there was one. */
  stages: StageRecord[];
  /** What the row's Error says when findings remain after the repair; null when none do. */
  error: string | null;
};

export type RepairPassOptions = {
  client: Anthropic;
  facts: SiteFacts;
  site: ArchitectOutput;
  stages: StageRecord[];
  model: string;
  maxTokens: number;
  /** Checks a page in a browser (Browser Rendering's `checkSite` by default). */
  check?: (html: string) => Promise<SiteQuality>;
  onProgress?: (progress: StageProgress) => void;
};

const tryCheck = (check: (html: string) => Promise<SiteQuality>, html: string) =>
  check(html).catch((error: Error) => {
    console.warn(`rowpilot: a site page could not be checked before storing it: ${error.message}`);
    return undefined;
  });

export async function repairPass(env: Env, options: RepairPassOptions): Promise<RepairPassResult> {
  const { stages } = options;
  const check = options.check ?? ((html: string) => checkSite(env, html));
  const html = assembleSite(options.site);
  const checked = await tryCheck(check, html);
  const first = stages.findLast((s) => s.stage === "architect" && s.status === "complete");
  if (!checked || !first || !blocksAutoPublish(checked.report)) return { html, checked, stages, error: null };

  const repair = await repairArchitect({
    client: options.client,
    facts: options.facts,
    first,
    findings: findingsToFix(checked.report),
    model: options.model,
    maxTokens: options.maxTokens,
    onProgress: options.onProgress,
  });
  let kept = { html, checked };
  if (repair.output) {
    const repairedHtml = assembleSite(repair.output);
    const repaired = await tryCheck(check, repairedHtml);
    if (repaired && repairIsBetter(checked.report, repaired.report)) kept = { html: repairedHtml, checked: repaired };
  }
  const remaining = blockingFindings(kept.checked.report);
  return { ...kept, stages: [...stages, repair], error: remaining.length ? remainingError(remaining) : null };
}

function remainingError(findings: string[]): string {
  const named = findings.slice(0, FINDINGS_IN_ERROR).join("; ");
  const more = findings.length > FINDINGS_IN_ERROR ? ` and ${findings.length - FINDINGS_IN_ERROR} more` : "";
  return `Quality findings remain after one repair, so this version is never published automatically (a person may publish it after confirming): ${named}${more}`;
}

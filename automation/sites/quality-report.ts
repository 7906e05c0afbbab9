/**
 * Reading a site version's quality report: the Quality cell's one line, the findings that keep a
 * version from being published without a person's say-so, and which of two checked pages is the
 * better one (for the repair pass).
 */
import { BROKEN_LINK_PROBLEMS, type SiteQualityReport } from "../../schema/site-quality";

/** The Quality cell: "accessibility ✓ … · Claim bar ✓ · no console errors · 10.2 KB · every image described · lang en · LCP 180 ms · links ✓". */
export function qualityLine(q: SiteQualityReport): string {
  return [
    q.accessibility.length
      ? `accessibility ✗ ${q.accessibility.map((f) => `${f.id} (${f.impact}, ${f.nodes})`).join(", ")}`
      : "accessibility ✓ (axe: no serious or critical)",
    q.claimBar ? "Claim bar ✓" : "No claim bar ✗",
    q.consoleErrors.length ? `${q.consoleErrors.length} console error(s): ${q.consoleErrors[0]}` : "no console errors",
    `${(q.bytes / 1024).toFixed(1)} KB`,
    q.imagesWithoutAlt ? `${q.imagesWithoutAlt} image(s) without alt ✗` : "every image described",
    q.lang ? `lang ${q.lang}` : "no lang ✗",
    q.lcpMs === null ? "LCP: nothing painted ✗" : `LCP ${Math.round(q.lcpMs)} ms (phone)`,
    q.brokenLinks.length
      ? `${q.brokenLinks.length} broken link(s) ✗: ${q.brokenLinks[0]!.href || "(empty)"}`
      : "links ✓",
  ].join(" · ");
}

/**
 * What keeps a version from being published without a person's say-so, one line each: axe-core's
 * serious and critical findings, console errors, a missing claim bar. A version never checked in a
 * browser has one: nobody has seen it.
 */
export function blockingFindings(report: SiteQualityReport | null): string[] {
  if (!report) return ["The page was not checked in a browser"];
  return [
    ...report.accessibility.map(
      (f) =>
        `Accessibility (axe ${f.id}, ${f.impact}, ${f.nodes} element${f.nodes === 1 ? "" : "s"}): ${f.help || "see axe-core's rule"}${f.targets.length ? ` — at ${f.targets.join(", ")}` : ""}`,
    ),
    ...report.consoleErrors.map((error) => `Console error: ${error}`),
    ...(report.claimBar ? [] : ["No claim bar: the page needs an element with the data-claim-bar attribute"]),
  ];
}

/** True when a version must not be published without a person: serious or critical axe findings, console errors, or no claim bar. */
export function blocksAutoPublish(report: SiteQualityReport | null): boolean {
  return blockingFindings(report).length > 0;
}

/** Every finding worth fixing, for the Architect's second try: the blocking ones, then broken links and images without alt. */
export function findingsToFix(report: SiteQualityReport): string[] {
  return [
    ...blockingFindings(report),
    ...report.brokenLinks.map(
      (l) => `Broken link "${l.text || "(no text)"}" (href="${l.href}"): it ${BROKEN_LINK_PROBLEMS[l.problem]}`,
    ),
    ...(report.imagesWithoutAlt ? [`${report.imagesWithoutAlt} image(s) without an alt attribute`] : []),
  ];
}

/** The repaired page's report wins only when it has fewer blocking findings than the first. */
export function repairIsBetter(first: SiteQualityReport, repaired: SiteQualityReport): boolean {
  return blockingFindings(repaired).length < blockingFindings(first).length;
}

import { describe, expect, it } from "vitest";
import type { SiteQualityReport } from "../../schema/site-quality";
import { blockingFindings, blocksAutoPublish, findingsToFix, qualityLine, repairIsBetter } from "./quality-report";

const CLEAN: SiteQualityReport = {
  checkedAt: "2026-12-06T12:00:00.000Z",
  accessibility: [],
  claimBar: true,
  consoleErrors: [],
  bytes: 10_444,
  imagesWithoutAlt: 0,
  lang: "en",
  lcpMs: 182.4,
  brokenLinks: [],
};
const BUTTON = {
  id: "button-name",
  impact: "critical",
  nodes: 1,
  help: "Buttons must have discernible text",
  targets: ["main > button"],
};

describe("a site version's quality report", () => {
  it("sums a clean page up in one line, LCP and links included", () => {
    expect(qualityLine(CLEAN)).toBe(
      "accessibility ✓ (axe: no serious or critical) · Claim bar ✓ · no console errors · 10.2 KB · every image described · lang en · LCP 182 ms (phone) · links ✓",
    );
    expect(blocksAutoPublish(CLEAN)).toBe(false);
  });

  it("keeps a page with serious or critical axe findings, console errors or no claim bar from publishing itself", () => {
    expect(blockingFindings({ ...CLEAN, accessibility: [BUTTON] })).toEqual([
      "Accessibility (axe button-name, critical, 1 element): Buttons must have discernible text — at main > button",
    ]);
    expect(blocksAutoPublish({ ...CLEAN, consoleErrors: ["boom"] })).toBe(true);
    expect(blockingFindings({ ...CLEAN, claimBar: false })).toEqual([expect.stringMatching(/^No claim bar/)]);
    expect(blockingFindings(null)).toEqual(["The page was not checked in a browser"]);
  });

  it("does not hold a page back for broken links or images without alt, but asks the Architect to fix them", () => {
    const links: SiteQualityReport = {
      ...CLEAN,
      imagesWithoutAlt: 2,
      brokenLinks: [{ href: "#hours", text: "Hours", problem: "missing-target" }],
    };
    expect(blocksAutoPublish(links)).toBe(false);
    expect(findingsToFix(links)).toEqual([
      'Broken link "Hours" (href="#hours"): it points to an id the page does not have',
      "2 image(s) without an alt attribute",
    ]);
    expect(qualityLine(links)).toMatch(/2 image\(s\) without alt ✗ .* 1 broken link\(s\) ✗: #hours$/);
  });

  it("prefers the repaired page only when it has fewer blocking findings", () => {
    const bad = { ...CLEAN, accessibility: [BUTTON], consoleErrors: ["boom"] };
    expect(repairIsBetter(bad, CLEAN)).toBe(true);
    expect(repairIsBetter(bad, { ...CLEAN, accessibility: [BUTTON] })).toBe(true);
    expect(repairIsBetter(bad, { ...bad, claimBar: false })).toBe(false);
    expect(repairIsBetter(CLEAN, CLEAN)).toBe(false);
  });
});

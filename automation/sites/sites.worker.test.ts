import { describe, expect, it } from "vitest";
import { cspProblems, siteHeaders } from "./csp";
import { fallbackSite } from "./fallback";
import { sanitizeSiteHtml } from "./sanitize";
import { HOSTILE } from "./test-data";

describe("site generation — inside workerd", () => {
  it("makes, cleans and hashes a page where the Worker runs", async () => {
    const site = fallbackSite(HOSTILE);
    const cleaned = sanitizeSiteHtml(
      `<p onclick="alert(1)">Hi</p><script>alert(2)</script><a href="javascript:x()">a</a>`,
    );
    expect(cleaned).toBe("<!doctype html>\n<p>Hi</p><a>a</a>");
    expect(sanitizeSiteHtml(site.html)).toContain(site.css);
    const headers = await siteHeaders({ html: site.html });
    expect(headers["Content-Security-Policy"]).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+';/);
    expect(cspProblems(headers["Content-Security-Policy"]!)).toEqual([]);
  });
});

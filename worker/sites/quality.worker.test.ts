import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { qualityLine } from "../../automation/sites/quality-report";
import { checkSite } from "./quality";

const PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";

describe("a site seen in a browser", () => {
  it("names what axe-core and the checks find wrong", async () => {
    const html = `<!doctype html><html><head><title>x</title></head><body>
      <img src="${PIXEL}"><a href="#"></a><script>null.boom()</script></body></html>`;
    const { report } = await checkSite(env, html);
    expect(report.accessibility.map((f) => f.id)).toEqual(expect.arrayContaining(["image-alt", "link-name"]));
    expect(report.accessibility.find((f) => f.id === "image-alt")).toMatchObject({
      help: expect.stringMatching(/alternative text/i),
      targets: ["img"],
    });
    expect(report).toMatchObject({ claimBar: false, imagesWithoutAlt: 1, lang: "" });
    expect(report.consoleErrors).toEqual(["Cannot read properties of null (reading 'boom')"]);
    expect(qualityLine(report)).toMatch(
      /^accessibility ✗ .*image-alt \(critical, 1\).* · No claim bar ✗ · 1 console error.*reading 'boom'/,
    );
  }, 60_000);

  it("reports a link to a missing section, links that go nowhere, and the largest paint on a phone", async () => {
    const html = `<!doctype html><html lang="en"><head><title>Shop</title></head><body>
      <nav><a href="#hours">Hours</a> <a href="#menu">Menu</a> <a href="">Call</a> <a href="#" hidden>Hidden</a>
      <a href="ftp://example.com/menu.pdf">Menu PDF</a> <a href="tel:+15125550142">Phone</a> <a href="/about">About</a></nav>
      <h1>Rosa's Taquería</h1><section id="menu"><p>Breakfast tacos all day.</p></section>
      <img src="${PIXEL}" width="40" height="40"><aside data-claim-bar><a href="claim">Claim this site</a></aside></body></html>`;
    const { report } = await checkSite(env, html);
    expect(report.brokenLinks).toEqual([
      { href: "#hours", text: "Hours", problem: "missing-target" },
      { href: "", text: "Call", problem: "empty" },
      { href: "ftp://example.com/menu.pdf", text: "Menu PDF", problem: "scheme" },
    ]);
    expect(report.imagesWithoutAlt).toBe(1);
    expect(report.accessibility.map((f) => f.id)).toContain("image-alt");
    expect(report.lcpMs).toEqual(expect.any(Number));
    expect(report.lcpMs).toBeGreaterThan(0);
    expect(qualityLine(report)).toMatch(/ · LCP \d+ ms \(phone\) · 3 broken link\(s\) ✗: #hours$/);
  }, 60_000);
});

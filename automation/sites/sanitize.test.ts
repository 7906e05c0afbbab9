import { describe, expect, it } from "vitest";
import { fallbackSite } from "./fallback";
import { sanitizeSiteHtml } from "./sanitize";
import { ATTACKS, PLUMBER } from "./test-data";
import { elementsOf, executableParts } from "./test-dom";

const clean = (html: string) => executableParts(sanitizeSiteHtml(html));
const NOTHING = { scripts: [], handlers: [], codeUrls: [], embeds: [] };

describe("sanitizeSiteHtml — refuses what runs code or leaves the page", () => {
  it.each(Object.entries(ATTACKS))("removes %s", (_, html) => {
    expect(clean(html)).toEqual(NOTHING);
  });

  it("drops refresh metas and base URLs outright", () => {
    const out = sanitizeSiteHtml(ATTACKS["a meta refresh"]! + ATTACKS["a base URL"]!);
    expect(out).not.toMatch(/refresh|<base|evil/);
  });

  it("drops style attributes, which the site CSP would refuse when served", () => {
    expect(sanitizeSiteHtml('<p style="color:red" class="note">x</p>')).toBe('<!doctype html>\n<p class="note">x</p>');
  });

  it("keeps text that a removed element wrapped only where it was text", () => {
    expect(sanitizeSiteHtml("<p>Open <script>alert(1)</script>daily</p>")).toContain("<p>Open daily</p>");
  });
});

describe("sanitizeSiteHtml — keeps the site", () => {
  it("keeps semantic markup, classes, ARIA, stylesheets, JSON-LD and ordinary links", () => {
    const html = `<html lang="en"><head><meta charset="utf-8"><title>Rio</title><meta name="description" content="Plumbing">
<style>.hero{color:#123}</style><script type="application/ld+json">{"@type":"LocalBusiness","name":"Rio"}</script></head>
<body class="hero-split"><header class="top"><nav aria-label="Sections"><a href="#contact">Contact</a></nav></header>
<main><section class="hero" aria-labelledby="t"><h1 id="t">Rio</h1><figure><blockquote><p>Great</p></blockquote>
<figcaption>Dana</figcaption></figure><a class="btn" href="tel:+15125550142">Call</a><a href="https://maps.example/x" target="_blank">Map</a>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo"><time datetime="2026-01-01">New Year</time></section></main>
<aside data-claim-bar><a href="/claim">Claim this site</a></aside></body></html>`;
    const out = sanitizeSiteHtml(html);
    const names = new Set(elementsOf(out).map((el) => el.name));
    for (const tag of [
      "html",
      "head",
      "title",
      "style",
      "header",
      "nav",
      "main",
      "section",
      "h1",
      "figure",
      "blockquote",
      "time",
      "img",
      "aside",
    ]) {
      expect(names).toContain(tag);
    }
    expect(out).toContain('<body class="hero-split">');
    expect(out).toContain('aria-labelledby="t"');
    expect(out).toContain("data-claim-bar");
    expect(out).toContain(".hero{color:#123}");
    expect(out).toContain('{"@type":"LocalBusiness","name":"Rio"}');
    expect(out).toContain('href="tel:+15125550142"');
    expect(out).toContain('href="/claim"');
    expect(out).toContain('<a href="https://maps.example/x" target="_blank" rel="noopener noreferrer">');
    expect(out.startsWith("<!doctype html>")).toBe(true);
  });

  it("leaves the fallback site's markup, stylesheet and structured data as they were", () => {
    const site = fallbackSite(PLUMBER);
    const out = sanitizeSiteHtml(site.html.replace(`<script>${site.js}</script>`, ""));
    expect(out).toContain(site.css);
    expect(elementsOf(out).filter((el) => el.name === "section")).toHaveLength(5);
    expect(elementsOf(out).find((el) => el.attribs.type === "application/ld+json")).toBeDefined();
  });
});

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cspProblems, inlineBlocks, SiteAllowlistError, siteHeaders } from "./csp";
import { parseCsp } from "./csp-problems";
import { fallbackSite } from "./fallback";
import { HOSTILE, PLUMBER } from "./test-data";

const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const policy = async (html: string, allow = {}) =>
  parseCsp((await siteHeaders({ html, allow }))["Content-Security-Policy"]!);

describe("siteHeaders — the policy a site is served with", () => {
  it("admits exactly the page's inline script and style blocks by their SHA-256", async () => {
    const site = fallbackSite(PLUMBER);
    const csp = await policy(site.html);
    const jsonLd = site.html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!;
    expect(csp.get("script-src")!.sort()).toEqual([hash(site.js), hash(jsonLd)].sort());
    expect(csp.get("style-src")).toEqual([hash(site.css)]);
  });

  it("hashes blocks as written, entities and all, and skips scripts loaded from a URL", async () => {
    const html = `<style>a::after{content:"&amp;"}</style><script src="/x.js"></script><script>if (1 &lt; 2) {}</script>`;
    expect(inlineBlocks(html)).toEqual({ scripts: ["if (1 &lt; 2) {}"], styles: ['a::after{content:"&amp;"}'] });
    expect((await policy(html)).get("script-src")).toEqual([hash("if (1 &lt; 2) {}")]);
  });

  it("allows nothing from anywhere when the page has no blocks and nothing is allowlisted", async () => {
    const csp = await policy("<p>Hi</p>");
    expect(csp.get("script-src")).toEqual(["'none'"]);
    expect(csp.get("style-src")).toEqual(["'none'"]);
    expect(csp.get("font-src")).toEqual(["'self'"]);
  });

  it("passes its own check, for an ordinary page and a hostile one", async () => {
    for (const facts of [PLUMBER, HOSTILE]) {
      const headers = await siteHeaders({
        html: fallbackSite(facts).html,
        allow: { fonts: ["https://fonts.example.com"] },
      });
      expect(cspProblems(headers["Content-Security-Policy"]!)).toEqual([]);
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    }
  });

  it("adds allowlisted hosts as origins and refuses wildcards, plain http and junk", async () => {
    const csp = await policy("<p>Hi</p>", {
      fonts: ["https://fonts.example.com/css?x"],
      images: ["https://img.example.com"],
    });
    expect(csp.get("font-src")).toEqual(["'self'", "https://fonts.example.com"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "https://img.example.com"]);
    for (const host of ["https://*.example.com", "http://fonts.example.com", "fonts.example.com", "*"]) {
      await expect(siteHeaders({ html: "", allow: { fonts: [host] } })).rejects.toThrow(SiteAllowlistError);
    }
  });
});

describe("cspProblems — what a site policy may not do", () => {
  const GOOD =
    "default-src 'none'; script-src 'sha256-abc='; style-src 'sha256-def='; img-src 'self' data:; font-src 'self'; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox allow-scripts allow-popups";

  it("finds nothing wrong with a strict policy", () => {
    expect(cspProblems(GOOD)).toEqual([]);
  });

  it.each([
    ["'unsafe-eval'", GOOD.replace("script-src", "script-src 'unsafe-eval'"), "script-src allows 'unsafe-eval'"],
    ["'unsafe-inline'", GOOD.replace("style-src", "style-src 'unsafe-inline'"), "style-src allows 'unsafe-inline'"],
    [
      "a wildcard",
      GOOD.replace("script-src", "script-src https://*.cdn.example"),
      "script-src has a wildcard: https://*.cdn.example",
    ],
    ["a bare *", GOOD.replace("font-src 'self'", "font-src *"), "font-src has a wildcard: *"],
    ["a whole scheme", GOOD.replace("script-src", "script-src https:"), "script-src allows a whole scheme: https:"],
    ["data: scripts", GOOD.replace("script-src", "script-src data:"), "script-src allows a whole scheme: data:"],
    [
      "plain http",
      GOOD.replace("font-src 'self'", "font-src http://fonts.example.com"),
      "font-src allows a host without TLS: http://fonts.example.com",
    ],
    [
      "a form target",
      GOOD.replace("form-action 'none'", "form-action 'self'"),
      "form-action must be 'none' (it is 'self')",
    ],
    [
      "no frame-ancestors",
      GOOD.replace("; frame-ancestors 'none'", ""),
      "frame-ancestors must be 'none' (it is missing)",
    ],
    [
      "no sandbox",
      GOOD.replace("; sandbox allow-scripts allow-popups", ""),
      "sandbox is missing: the page would run in the origin it is served from",
    ],
    [
      "a sandbox in the page's origin",
      GOOD.replace("sandbox allow-scripts", "sandbox allow-scripts allow-same-origin"),
      "sandbox allows allow-same-origin: the page would run in the origin it is served from",
    ],
    [
      "an open default",
      GOOD.replace("default-src 'none'", "default-src 'self'"),
      "default-src must be 'none' (it is 'self')",
    ],
  ])("flags %s", (_, header, problem) => {
    expect(cspProblems(header)).toContain(problem);
  });
});

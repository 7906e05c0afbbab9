import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { cspProblems, parseCsp } from "../../automation/sites/csp-problems";
import { call, ownerWithWorkspace } from "../test/http";
import { publicKey } from "./generate";

const PAGE = "<!doctype html><html><head><title>Rosa's</title></head><body><h1>Rosa's Taquería</h1></body></html>";

/** A page published for workspace `workspaceId` (or for none, as pages were before they recorded it). */
async function published(workspaceId: string | null) {
  const slug = `rosas-${crypto.randomUUID().slice(0, 8)}`;
  await env.FILES.put(publicKey(slug), PAGE, {
    customMetadata: workspaceId ? { workspaceId, siteId: "r1", allowedHosts: "" } : {},
  });
  return slug;
}

describe("published sites — the chat widget", { timeout: 30_000 }, () => {
  it("carries its workspace's widget, the CSP allowing exactly that script and that socket", async () => {
    const { ws } = await ownerWithWorkspace();
    const slug = await published(ws.id);
    const page = await call({}, "GET", `/s/${slug}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      `<script src="http://rowpilot.test/chat/widget.js" data-workspace="${ws.slug}" async></script></body>`,
    );
    const csp = page.headers.get("content-security-policy") ?? "";
    const directives = parseCsp(csp);
    expect(directives.get("script-src")).toEqual(["http://rowpilot.test/chat/widget.js"]);
    expect(directives.get("connect-src")).toEqual([`ws://rowpilot.test/chat/socket/${ws.slug}`]);
    expect(cspProblems(csp)).toEqual([]);
  });

  it("keeps the claim page, and a page that names no workspace, without it", async () => {
    const { ws } = await ownerWithWorkspace();
    const slug = await published(ws.id);
    const claim = await call({}, "GET", `/s/${slug}/claim`);
    expect(await claim.text()).not.toContain("/chat/widget.js");
    expect(claim.headers.get("content-security-policy")).toContain("connect-src 'none'");
    const old = await call({}, "GET", `/s/${await published(null)}/`);
    expect(await old.text()).not.toContain("/chat/widget.js");
    expect(old.headers.get("content-security-policy")).toContain("connect-src 'none'");
  });
});

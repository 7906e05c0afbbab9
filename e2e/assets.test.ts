/** How the built app is served: scripts and styles are kept by browsers, pages are not. */
import { describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");

describe("built assets", () => {
  it("are cached for a year under their hashed names, while pages are asked for again", async () => {
    const page = await fetch(`${base}/sign-in`);
    const html = await page.text();
    expect(page.headers.get("cache-control") ?? "").not.toContain("immutable");
    const scripts = [...html.matchAll(/href="(\/assets\/[\w.-]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(1);
    for (const path of scripts) {
      const asset = await fetch(`${base}${path}`);
      await asset.arrayBuffer();
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get("cache-control"), path).toBe("public, max-age=31536000, immutable");
    }
  });
});

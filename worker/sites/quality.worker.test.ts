import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { checkSite, qualityLine } from "./quality";

describe("a site seen in a browser", () => {
  it("names what axe-core and the checks find wrong", async () => {
    const pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
    const html = `<!doctype html><html><head><title>x</title></head><body>
      <img src="${pixel}"><a href="#"></a><script>null.boom()</script></body></html>`;
    const quality = await checkSite(env, html);
    expect(quality.accessibility.map((f) => f.id)).toEqual(expect.arrayContaining(["image-alt", "link-name"]));
    expect(quality).toMatchObject({ claimBar: false, imagesWithoutAlt: 1, lang: "" });
    expect(quality.consoleErrors).toEqual(["Cannot read properties of null (reading 'boom')"]);
    expect(qualityLine(quality)).toMatch(
      /^accessibility ✗ .*image-alt \(critical, 1\).* · No claim bar ✗ · 1 console error.*reading 'boom'/,
    );
  }, 60_000);
});

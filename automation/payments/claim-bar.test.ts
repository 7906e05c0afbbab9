import { describe, expect, it } from "vitest";
import { withoutClaimBar } from "./claim-bar";

const PAGE = (bar: string) =>
  `<!doctype html><html><head><style>body{margin:0}</style></head><body><main><h1>Rosa's</h1></main>${bar}<script>1</script></body></html>`;

describe("a claimed site's page — the claim bar", () => {
  it("cuts the element with data-claim-bar and all it holds, leaving the rest byte for byte", () => {
    const bar = `<aside class="claim" data-claim-bar aria-label="Claim this site"><div class="wrap"><p>Made for Rosa's</p><a href="claim">Claim this site</a><br></div></aside>`;
    expect(withoutClaimBar(PAGE(bar))).toBe(PAGE(""));
  });

  it("keeps nested elements of the same name around the bar", () => {
    const html = `<div id="outer"><div data-claim-bar><div>inner</div></div><p>kept</p></div>`;
    expect(withoutClaimBar(html)).toBe(`<div id="outer"><p>kept</p></div>`);
  });

  it("changes nothing on a page without a claim bar", () => {
    expect(withoutClaimBar(PAGE("<footer>Hours</footer>"))).toBe(PAGE("<footer>Hours</footer>"));
  });
});

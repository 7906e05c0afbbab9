import { describe, expect, it } from "vitest";
import { assembleSite } from "./assemble";
import { inlineBlocks } from "./csp";

describe("assembleSite", () => {
  it("keeps the page's markup, drops its own scripts and links, and inlines our CSS and JS once", () => {
    const html = assembleSite({
      html: '<html><head><title>Rosa</title><link rel="stylesheet" href="styles.css"></head><body><h1 onclick="x()">Rosa</h1><script src="https://evil.example/x.js"></script><script>steal()</script></body></html>',
      css: "h1{color:teal}",
      js: "document.body.dataset.ready='1'",
    });
    expect(inlineBlocks(html)).toEqual({ scripts: ["document.body.dataset.ready='1'"], styles: ["h1{color:teal}"] });
    expect(html).not.toMatch(/evil\.example|steal\(\)|onclick|<link/);
    expect(html).toContain("<h1>Rosa</h1>");
  });

  it("cannot be closed early by what the model wrote in its CSS or JS", () => {
    const html = assembleSite({
      html: "<html><head></head><body><p>Hi</p></body></html>",
      css: "p{color:red}</style><script>alert(1)</script>",
      js: "var s = '</script><script>alert(2)</script>';",
    });
    const blocks = inlineBlocks(html);
    // One style and one script, both ours: what tried to close them stayed inside as text.
    expect(blocks.styles).toHaveLength(1);
    expect(blocks.styles[0]).toContain("alert(1)");
    expect(blocks.scripts).toEqual(["var s = '<\\/script><script>alert(2)<\\/script>';"]);
  });
});

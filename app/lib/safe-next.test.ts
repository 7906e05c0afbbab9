import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("where sign-in, and a page opened offline, send you next", () => {
  it("follows same-site paths", () => {
    expect(safeNext("/w/demo/members")).toBe("/w/demo/members");
    expect(safeNext("/invite/inv_abc?x=1")).toBe("/invite/inv_abc?x=1");
  });
  it("refuses other sites and odd values", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null]) {
      expect(safeNext(bad, "/fallback")).toBe("/fallback");
    }
  });
});

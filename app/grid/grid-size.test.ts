import { describe, expect, it } from "vitest";
import { DEFAULT_GRID_SIZE, gridSizeFrom } from "./grid-size";

describe("gridSizeFrom", () => {
  it("reads the size the browser remembered among the request's cookies", () => {
    expect(gridSizeFrom("a=1; rowpilot-grid=1033x623; b=2")).toEqual({ width: 1033, height: 623 });
    expect(gridSizeFrom("rowpilot-grid=1673x903")).toEqual({ width: 1673, height: 903 });
  });

  it("assumes the default without the cookie, or with one that is not a grid's size", () => {
    for (const header of [
      null,
      "",
      "session=abc",
      "xrowpilot-grid=800x600",
      "rowpilot-grid=800",
      "rowpilot-grid=800x600x2",
      "rowpilot-grid=-800x600",
      "rowpilot-grid=0x0",
      "rowpilot-grid=99999x600",
      "rowpilot-grid=800x600px",
    ]) {
      expect(gridSizeFrom(header), String(header)).toEqual(DEFAULT_GRID_SIZE);
    }
  });
});

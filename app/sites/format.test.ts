import { describe, expect, it } from "vitest";
import { cost, qualityFindings, seconds, vibeLabel } from "./format";

describe("site gallery wording", () => {
  it("finds nothing to flag in a clean quality line", () => {
    expect(
      qualityFindings(
        "accessibility ✓ (axe: no serious or critical) · Claim bar ✓ · no console errors · 10.2 KB · every image described · lang en",
      ),
    ).toEqual([]);
    expect(qualityFindings(null)).toEqual([]);
  });

  it("lists each flagged part: failed checks, console errors, an unchecked version", () => {
    expect(
      qualityFindings(
        "accessibility ✗ color-contrast (serious, 3) · No claim bar ✗ · 2 console error(s): boom · 10.2 KB · every image described · no lang ✗",
      ),
    ).toEqual([
      "accessibility ✗ color-contrast (serious, 3)",
      "No claim bar ✗",
      "2 console error(s): boom",
      "no lang ✗",
    ]);
    expect(qualityFindings("Not checked: no browser")).toEqual(["Not checked: no browser"]);
  });

  it("words vibes, times and costs", () => {
    expect(vibeLabel("warm-editorial")).toBe("Warm editorial");
    expect(seconds(4210)).toBe("4.2 s");
    expect(seconds(0)).toBe("—");
    expect(cost(0.01256, 1830)).toBe("$0.013");
    expect(cost(null, 1830)).toBe("no price");
    expect(cost(0, 0)).toBe("—");
  });
});

import { describe, expect, it } from "vitest";
import { AA_TEXT, contrastRatio } from "./contrast";
import { TEMPLATES } from "./templates";

/** Every foreground the stylesheet puts on each background. */
const PAIRS = [
  ["text", "bg"],
  ["text", "surface"],
  ["muted", "bg"],
  ["muted", "surface"],
  ["link", "bg"],
  ["link", "surface"],
  ["onAccent", "accent"],
  // The claim bar is the page's colours swapped.
  ["bg", "text"],
] as const;

describe("fallback templates — contrast", () => {
  const schemes = Object.values(TEMPLATES).flatMap((t) =>
    t.palettes.flatMap((p) => [
      [`${t.id}/${p.name} light`, p.light] as const,
      [`${t.id}/${p.name} dark`, p.dark] as const,
    ]),
  );

  it.each(schemes)("%s passes WCAG AA for every text colour", (_, scheme) => {
    const failing = PAIRS.map(([fg, bg]) => [`${fg} on ${bg}`, contrastRatio(scheme[fg], scheme[bg])] as const).filter(
      ([, ratio]) => ratio < AA_TEXT,
    );
    expect(failing).toEqual([]);
  });

  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});

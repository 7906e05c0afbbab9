import { describe, expect, it } from "vitest";
import { contrastRatio } from "./color-contrast";
import { ArtDirectorOutput, architectOutputFor, Palette } from "./site-agents";

const palette = {
  background: "#ffffff",
  surface: "#f8f8f8",
  text: "#111111",
  mutedText: "#595959",
  primary: "#1d4ed8",
  onPrimary: "#ffffff",
  accent: "#b45309",
};

const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("site agents — contrast", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#595959", "#ffffff")).toBeCloseTo(7.0, 1);
    expect(contrastRatio("red", "#fff")).toBeNull();
  });

  it("accepts a palette whose every pair passes AA and names each pair that does not", () => {
    expect(Palette.safeParse(palette).success).toBe(true);
    const result = Palette.safeParse({ ...palette, mutedText: "#777777", onPrimary: "#3b82f6" });
    expect(issues(result)).toEqual([
      "mutedText #777777 on background #ffffff has contrast 4.48:1; WCAG AA needs 4.5:1",
      expect.stringMatching(/^onPrimary #3b82f6 on primary #1d4ed8 has contrast 1\.\d\d:1/),
    ]);
  });
});

describe("site agents — typography", () => {
  const brief = (heading: string) => ({
    vibe: "swiss-modern",
    typography: {
      heading: { family: heading, weights: [700], fallback: "sans-serif" },
      body: { family: "Literata", weights: [400], fallback: "Georgia, serif" },
    },
    palettes: {
      light: palette,
      dark: { ...palette, background: "#000000", surface: "#111111", text: "#ffffff", mutedText: "#bbbbbb" },
    },
    hero: { layout: "centered", headline: "h", subheadline: "s", ctaLabel: "Call" },
    interactions: [],
  });

  it("refuses generic families and accepts distinctive ones", () => {
    expect(ArtDirectorOutput.safeParse(brief("Space Grotesk")).success).toBe(true);
    for (const generic of ["Inter", "roboto", "Arial", "system-ui", "sans-serif", "Helvetica"]) {
      expect(issues(ArtDirectorOutput.safeParse(brief(generic)))).toEqual([
        expect.stringContaining("a generic family"),
      ]);
    }
    expect(ArtDirectorOutput.safeParse(brief("Fraunces, serif")).success).toBe(false);
  });
});

describe("site agents — the Architect's page", () => {
  const schema = architectOutputFor({ name: "Ann & Bo's Deli", phone: "512-555-0100" });
  const head =
    '<title>Deli</title><meta name="description" content="Sandwiches"><meta name="viewport" content="width=device-width"><meta property="og:title" content="Deli">';
  const page = (body: string) => ({ html: `<html><head>${head}</head><body>${body}</body></html>`, css: "", js: "" });

  it("accepts a page with the escaped name, a tel: link and the claim bar", () => {
    const body = '<h1>Ann &amp; Bo&#39;s Deli</h1><a href="tel:+15125550100">Call us</a><div data-claim-bar></div>';
    expect(schema.safeParse(page(body)).success).toBe(true);
  });

  it("names everything a page is missing", () => {
    expect(issues(schema.safeParse({ html: "<p>Welcome</p>", css: "", js: "" }))).toEqual([
      `the page must show the business's name, "Ann & Bo's Deli"`,
      `the page must show the business's phone, "512-555-0100"`,
      "the page must have the claim bar: an element with the data-claim-bar attribute",
      "the page's <head> needs a non-empty <title>",
      'the page\'s <head> needs <meta name="description" content="…">',
      'the page\'s <head> needs <meta name="viewport" …> (the page must be responsive)',
      'the page\'s <head> needs <meta property="og:title" …>',
    ]);
  });

  it("does not take a data-claim-bar mentioned in text for the element", () => {
    const body = "<h1>Ann &amp; Bo's Deli</h1><p>512-555-0100 data-claim-bar</p>";
    expect(issues(schema.safeParse(page(body)))).toEqual([
      "the page must have the claim bar: an element with the data-claim-bar attribute",
    ]);
  });
});

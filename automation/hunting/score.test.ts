import { describe, expect, it } from "vitest";
import { ScoringSettings } from "../../schema/hunting";
import { DEFAULT_SCORING, type ScoringFacts, scoreBusiness } from "./score";

const lead = (facts: Partial<ScoringFacts>): ScoringFacts => ({
  website: "https://joesplumbing.com",
  email: "",
  rating: null,
  reviews: null,
  chain: true,
  ...facts,
});

describe("scoreBusiness — the default lead score", () => {
  it("gives 100 to a local business with no website, an email, 4.8 stars and 250 reviews", () => {
    const result = scoreBusiness({ website: "", email: "joe@joes.com", rating: 4.8, reviews: 250, chain: false });
    expect(result).toEqual({
      score: 100,
      qualified: true,
      socialOnly: false,
      parts: { noWebsite: 30, hasEmail: 25, highRating: 20, manyReviews: 15, notChain: 10 },
    });
  });

  it("gives 0 to a chain with its own website and nothing else", () => {
    expect(scoreBusiness(lead({}))).toMatchObject({ score: 0, qualified: false });
  });

  it("counts a rating of exactly 4.5 and not 4.49", () => {
    expect(scoreBusiness(lead({ rating: 4.5 })).parts.highRating).toBe(20);
    expect(scoreBusiness(lead({ rating: 4.49 })).parts.highRating).toBe(0);
  });

  it("counts exactly 100 reviews and not 99", () => {
    expect(scoreBusiness(lead({ reviews: 100 })).parts.manyReviews).toBe(15);
    expect(scoreBusiness(lead({ reviews: 99 })).parts.manyReviews).toBe(0);
  });

  it("gives nothing for an unknown rating or review count", () => {
    expect(scoreBusiness(lead({ rating: null, reviews: null })).parts).toMatchObject({ highRating: 0, manyReviews: 0 });
  });

  it("counts no website, an empty one, white space and 'n/a' alike as no website", () => {
    for (const website of ["", "   ", "\t", "n/a"]) {
      expect(scoreBusiness(lead({ website })).parts.noWebsite, JSON.stringify(website)).toBe(30);
    }
  });

  it("scores a Facebook page as no website and flags it social only", () => {
    const result = scoreBusiness(lead({ website: "https://www.facebook.com/joesplumbing" }));
    expect(result.parts.noWebsite).toBe(30);
    expect(result.socialOnly).toBe(true);
  });

  it("counts an unknown chain status as a local business", () => {
    expect(scoreBusiness(lead({ chain: null })).parts.notChain).toBe(10);
    expect(scoreBusiness(lead({ chain: false })).parts.notChain).toBe(10);
  });

  it("counts only an address with an @ as an email", () => {
    expect(scoreBusiness(lead({ email: "info@joes.com" })).parts.hasEmail).toBe(25);
    expect(scoreBusiness(lead({ email: "n/a" })).parts.hasEmail).toBe(0);
    expect(scoreBusiness(lead({ email: "  " })).parts.hasEmail).toBe(0);
  });

  it("qualifies at the minimum score of 50 and not below", () => {
    // No website 30 + 4.5 stars 20 = 50.
    expect(scoreBusiness(lead({ website: "", rating: 4.5 }))).toMatchObject({ score: 50, qualified: true });
    // No website 30 + 100 reviews 15 = 45.
    expect(scoreBusiness(lead({ website: "", reviews: 100 }))).toMatchObject({ score: 45, qualified: false });
  });

  it("applies the workspace's weights, minimum and requirements", () => {
    const settings = ScoringSettings.parse({
      weights: { hasEmail: 40, highRating: 15, notChain: 0 },
      minScore: 40,
      requireNoWebsite: true,
    });
    expect(scoreBusiness(lead({ email: "joe@joes.com" }), settings)).toMatchObject({ score: 40, qualified: false });
    expect(scoreBusiness(lead({ email: "joe@joes.com", website: "" }), settings)).toMatchObject({
      score: 70,
      qualified: true,
    });
    const emailRequired = ScoringSettings.parse({ requireEmail: true });
    expect(scoreBusiness(lead({ website: "", rating: 5, chain: false }), emailRequired)).toMatchObject({
      score: 60,
      qualified: false,
    });
  });
});

describe("ScoringSettings — the Lead scoring page's values", () => {
  it("defaults to the standard weights and a minimum of 50", () => {
    expect(DEFAULT_SCORING).toEqual({
      weights: { noWebsite: 30, hasEmail: 25, highRating: 20, manyReviews: 15, notChain: 10 },
      minRating: 4.5,
      minReviews: 100,
      minScore: 50,
      requireNoWebsite: false,
      requireEmail: false,
    });
  });

  it("refuses weights that add up to more than 100, saying so", () => {
    const result = ScoringSettings.safeParse({ weights: { noWebsite: 50 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/add up to more than 100/);
  });

  it("refuses a zero rating threshold, which would score businesses without a rating", () => {
    expect(ScoringSettings.safeParse({ minRating: 0 }).success).toBe(false);
  });
});

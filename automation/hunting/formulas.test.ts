/**
 * The grid's Score, Qualified and Social only formulas against `scoreBusiness`, property-style:
 * random and edge-case rows under random settings, evaluated by the real formula engine as the
 * grid and the edge do. Seeded, so a failure reproduces; the row and settings are in its message.
 */
import { describe, expect, it } from "vitest";
import { FormulaGraph, isFormulaError } from "../../schema/formula";
import { ScoringSettings, type ScoringSettingsInput } from "../../schema/hunting";
import type { CellValue } from "../../schema/tables";
import {
  DEFAULT_SCORING_COLUMNS,
  qualifiedFormula,
  type ScoringColumns,
  scoreFormula,
  socialOnlyFormula,
} from "./formulas";
import { DEFAULT_SCORING, type ScoringFacts, scoreBusiness } from "./score";
import { SOCIAL_HOSTS } from "./social";

const SEED = 20_261_206;
const ROWS = 4_000;
const SETTINGS = 60;

/** mulberry32, as in schema/formula/property.test.ts. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    maybe: (text: string) => (next() < 0.5 ? text : ""),
  };
}
type Random = ReturnType<typeof prng>;

const SPACES = ["", "", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u2003"];
const SCHEMES = ["", "", "http://", "https://", "HTTPS://", "ftp://", "//", "https:/", "mailto:"];
const SUBDOMAINS = ["", "", "www.", "m.", "WWW.", "joes-plumbing.", "a.b."];
const OWN_HOSTS = [
  "joesplumbing.com",
  "bakery.example",
  "notfacebook.com",
  "x.company.com",
  "yelp.com.evil.net",
  "ſhop.com",
  "café.fr",
  "127.0.0.1",
  "localhost",
  "n/a",
  "none",
  "a",
  ".com",
  "facebook",
  "joes\\site.com",
];
const ENDINGS = [
  "",
  "",
  "/",
  "/joesplumbing",
  "?ref=1",
  "#about",
  ":8080/x",
  ".",
  " trailing",
  "@evil.com",
  "\\x",
  ":",
];

function randomWebsite(r: Random): string | null {
  if (r.next() < 0.08) return null;
  const host = r.next() < 0.5 ? r.pick(SOCIAL_HOSTS) : r.pick(OWN_HOSTS);
  const cased = r.next() < 0.2 ? host.toUpperCase().replaceAll("K", "\u212a") : host;
  const user = r.next() < 0.1 ? r.pick(["user@", "facebook.com@", "a:b@"]) : "";
  return `${r.pick(SPACES)}${r.pick(SCHEMES)}${user}${r.pick(SUBDOMAINS)}${cased}${r.pick(ENDINGS)}${r.pick(SPACES)}`;
}

function randomEmail(r: Random): string | null {
  return r.pick([
    null,
    "",
    " ",
    "n/a",
    "joe@joes.com",
    " info@bakery.example ",
    "@joes.com",
    "joe@",
    "a@b",
    "joe @ joes.com",
    "\u00a0@\u00a0",
  ]);
}

function randomFacts(r: Random): ScoringFacts {
  return {
    website: randomWebsite(r) as string,
    email: randomEmail(r) as string,
    rating: r.pick([null, 0, 4.5, 4.49, 4.5000001, 5, Math.round(r.next() * 50) / 10]),
    reviews: r.pick([null, 0, 99, 100, 101, r.int(400)]),
    chain: r.pick([null, true, false]),
  };
}

function randomSettings(r: Random): ScoringSettings {
  for (;;) {
    const input: ScoringSettingsInput = {
      weights: {
        noWebsite: r.int(40),
        hasEmail: r.int(30),
        highRating: r.int(25),
        manyReviews: r.pick([0, r.int(20)]),
        notChain: r.int(15),
      },
      minRating: r.pick([4.5, 4, 3.7, 5, 0.1]),
      minReviews: r.pick([100, 1, 50, 250]),
      minScore: r.pick([50, 0, 100, r.int(101)]),
      requireNoWebsite: r.next() < 0.3,
      requireEmail: r.next() < 0.3,
    };
    const parsed = ScoringSettings.safeParse(input);
    if (parsed.success) return parsed.data;
  }
}

/** The Businesses columns, with names a person might rename them to (braces and backslashes too). */
const RENAMED: ScoringColumns = {
  website: "Web}site",
  email: "E-mail \\ address",
  rating: "Google rating",
  reviews: "Review count",
  chain: "Chain?",
  score: "Lead score",
};

/** A grid of the Businesses columns, as a table's room evaluates its formula columns. */
function grid(settings: ScoringSettings, columns: ScoringColumns) {
  const graph = new FormulaGraph(
    [
      { id: "score", name: columns.score, text: scoreFormula(settings, columns) },
      { id: "qualified", name: "Qualified", text: qualifiedFormula(settings, columns) },
      { id: "social", name: "Social only", text: socialOnlyFormula(columns) },
    ],
    (["website", "email", "rating", "reviews", "chain"] as const).map((key) => ({ id: key, name: columns[key] })),
  );
  return (facts: ScoringFacts) => graph.evaluateRow(facts as unknown as Record<string, CellValue>);
}

function expectSameAnswer(settings: ScoringSettings, columns: ScoringColumns, rows: ScoringFacts[]) {
  const evaluate = grid(settings, columns);
  for (const facts of rows) {
    const expected = scoreBusiness(facts, settings);
    const cells = evaluate(facts);
    const where = `row ${JSON.stringify(facts)} under ${JSON.stringify(settings)}`;
    expect(isFormulaError(cells.score), `${where}: ${JSON.stringify(cells.score)}`).toBe(false);
    expect({ score: cells.score, qualified: cells.qualified, socialOnly: cells.social }, where).toEqual({
      score: expected.score,
      qualified: expected.qualified,
      socialOnly: expected.socialOnly,
    });
  }
}

describe("scoring formulas — the grid's Score and Qualified agree with scoreBusiness", () => {
  it("reads the default settings as formulas a person can follow", () => {
    const score = scoreFormula(DEFAULT_SCORING);
    expect(score).toMatch(/^IF\(OR\(NOT\(REGEX_MATCH\(\{Website\}, "\(\?i\)/);
    expect(score).toContain('IF(REGEX_MATCH({Email}, "[^\\s@]@[^\\s@]"), 25, 0)');
    expect(score).toContain("facebook\\.com|fb\\.com");
    expect(score).toContain("IF({Rating} >= 4.5, 20, 0) + IF({Reviews} >= 100, 15, 0) + IF({Chain}, 0, 10)");
    expect(qualifiedFormula(DEFAULT_SCORING)).toBe("AND({Score} >= 50)");
  });

  it("scores the edge cases as scoreBusiness does", () => {
    const edges: ScoringFacts[] = [
      { website: "", email: "", rating: 4.5, reviews: 100, chain: false },
      { website: "   ", email: "", rating: 4.49, reviews: 99, chain: null },
      {
        website: null as unknown as string,
        email: null as unknown as string,
        rating: null,
        reviews: null,
        chain: null,
      },
      { website: "https://www.facebook.com/joes", email: "joe@joes.com", rating: 5, reviews: 1000, chain: false },
      { website: "https://joesplumbing.com", email: "joe@joes.com", rating: 4.5, reviews: 100, chain: true },
    ];
    expectSameAnswer(DEFAULT_SCORING, DEFAULT_SCORING_COLUMNS, edges);
  });

  it(`agrees on ${ROWS} random rows under the default settings and renamed columns`, () => {
    const r = prng(SEED);
    const rows = Array.from({ length: ROWS }, () => randomFacts(r));
    expectSameAnswer(DEFAULT_SCORING, DEFAULT_SCORING_COLUMNS, rows);
    expectSameAnswer(DEFAULT_SCORING, RENAMED, rows);
  });

  it(`agrees under ${SETTINGS} random workspace settings`, () => {
    const r = prng(SEED + 1);
    for (let i = 0; i < SETTINGS; i++) {
      const settings = randomSettings(r);
      expectSameAnswer(
        settings,
        r.next() < 0.5 ? DEFAULT_SCORING_COLUMNS : RENAMED,
        Array.from({ length: 150 }, () => randomFacts(r)),
      );
    }
  });

  it("writes 0 when every weight is zero, and still qualifies by the minimum", () => {
    const settings = ScoringSettings.parse({
      weights: { noWebsite: 0, hasEmail: 0, highRating: 0, manyReviews: 0, notChain: 0 },
      minScore: 0,
    });
    expect(scoreFormula(settings)).toBe("0");
    expectSameAnswer(settings, DEFAULT_SCORING_COLUMNS, [
      { website: "", email: "", rating: null, reviews: null, chain: null },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { ScrapeResult } from "../../schema/hunting-api";
import { readScrapeAnswer, scrapeAnswerText } from "./scrape";

const result = (partial: Partial<ScrapeResult>): ScrapeResult => ({
  runId: "r1",
  territoryId: "t1",
  source: "sample",
  found: 0,
  added: 0,
  updated: 0,
  qualified: 0,
  tiles: 1,
  costUsd: null,
  problems: [],
  ...partial,
});

describe("scrape answers — what the page says", () => {
  it("gives the counts of a finished scrape", () => {
    const answer = readScrapeAnswer(200, result({ found: 120, added: 100, updated: 20, qualified: 41, tiles: 4 }));
    expect(scrapeAnswerText(answer, "plumber in Austin")).toBe(
      "plumber in Austin: found 120 businesses in 4 searches, 100 new, 20 updated, 41 qualified.",
    );
  });

  it("says one business, and the lines of a CSV it could not read", () => {
    const answer = readScrapeAnswer(200, result({ found: 1, added: 1, problems: ["line 3: no name"] }));
    expect(scrapeAnswerText(answer)).toBe(
      "The territory: found 1 business, 1 new, 0 updated, 0 qualified. 1 line could not be read.",
    );
  });

  it("shows the cooldown's end from a 409, however the error is written", () => {
    const nested = readScrapeAnswer(409, {
      error: { status: 409, message: "This territory rests until later" },
      cooldownUntil: "2026-12-13T10:00:00.000Z",
    });
    expect(scrapeAnswerText(nested)).toBe("This territory rests until later (cooldown until Dec 13, 2026)");
    const flat = readScrapeAnswer(409, { error: "In cooldown", cooldownUntil: "2026-12-13T10:00:00.000Z" });
    expect(flat).toMatchObject({ kind: "refused", status: 409, cooldownUntil: "2026-12-13T10:00:00.000Z" });
    expect(scrapeAnswerText(flat)).toBe("In cooldown (cooldown until Dec 13, 2026)");
  });

  it("gives the API's message of any other refusal, or its status when there is none", () => {
    expect(scrapeAnswerText(readScrapeAnswer(502, { error: "Outscraper refused the key", runId: "r2" }))).toBe(
      "Outscraper refused the key",
    );
    expect(scrapeAnswerText(readScrapeAnswer(403, { error: { message: "Only owners can force" } }))).toBe(
      "Only owners can force",
    );
    expect(scrapeAnswerText(readScrapeAnswer(502, null))).toBe("The server answered 502");
  });

  it("says nothing is due on a 204 and that the scrape goes on after a 202", () => {
    expect(scrapeAnswerText(readScrapeAnswer(204, null))).toBe(
      "Nothing is due: every territory is in cooldown or done.",
    );
    const started = readScrapeAnswer(202, { runId: "run-9" });
    expect(started).toEqual({ kind: "started", runId: "run-9", territoryId: null });
    expect(readScrapeAnswer(202, { runId: "run-9", territoryId: "t2" })).toMatchObject({ territoryId: "t2" });
    expect(scrapeAnswerText(started, "bakery in Reno")).toMatch(/^bakery in Reno: the scrape goes on/);
  });
});

import { describe, expect, it } from "vitest";
import { code, run } from "../testing";
import { MAX_REGEX_INPUT_LENGTH } from "./regex";

const blank = { X: null };

describe("REGEX_MATCH", () => {
  it("tells whether the text contains a match of an RE2 pattern", () => {
    expect(run("REGEX_MATCH({Email}, '@gmail\\.com$')", { Email: "ann@gmail.com" })).toBe(true);
    expect(run("REGEX_MATCH('abc', '^b')")).toBe(false);
    expect(run("REGEX_MATCH('ABC', '(?i)abc')")).toBe(true);
    expect(run("REGEX_MATCH('a1', '\\d')")).toBe(true);
  });

  it("matches blank text as empty text", () => {
    expect(run("REGEX_MATCH({X}, '^$')", blank)).toBe(true);
    expect(run("REGEX_MATCH({X}, 'a')", blank)).toBe(false);
  });

  it("is #VALUE! for a bad or unsupported pattern, and propagates errors", () => {
    expect(run("REGEX_MATCH('a', '(a')")).toMatchObject({
      error: "#VALUE!",
      message: /^Bad regular expression: .*\(a/,
    });
    expect(code(run("REGEX_MATCH('a', '(?=a)')"))).toBe("#VALUE!");
    expect(code(run("REGEX_MATCH({Missing}, 'a')"))).toBe("#REF!");
    expect(code(run("REGEX_MATCH('a', 1/0)"))).toBe("#DIV/0!");
  });
});

describe("REGEX_EXTRACT", () => {
  it("gives the first matching part of the text", () => {
    expect(run("REGEX_EXTRACT('Order #4521 shipped', '\\d+')")).toBe("4521");
    expect(run("REGEX_EXTRACT({Email}, '@.*$')", { Email: "ann@gmail.com" })).toBe("@gmail.com");
    expect(run("REGEX_EXTRACT('abc', 'x*')")).toBe("");
  });

  it("finds no match in blank text", () => {
    expect(run("REGEX_EXTRACT({X}, 'a')", blank)).toEqual({
      error: "#VALUE!",
      message: "The pattern does not match the text",
    });
  });

  it("is #VALUE! without a match or with a bad pattern, and propagates errors", () => {
    expect(code(run("REGEX_EXTRACT('abc', '\\d')"))).toBe("#VALUE!");
    expect(code(run("REGEX_EXTRACT('abc', '[')"))).toBe("#VALUE!");
    expect(code(run("REGEX_EXTRACT(NOPE(), 'a')"))).toBe("#NAME!");
  });
});

describe("REGEX functions — limits", () => {
  it(`refuse text longer than ${MAX_REGEX_INPUT_LENGTH} characters rather than cut it`, () => {
    const row = { Long: "a".repeat(MAX_REGEX_INPUT_LENGTH + 1), Fits: "a".repeat(MAX_REGEX_INPUT_LENGTH) };
    expect(run("REGEX_MATCH({Long}, 'a')", row)).toEqual({
      error: "#VALUE!",
      message: "REGEX_MATCH looks at most 10,000 characters; this text has 10,001",
    });
    expect(run("REGEX_MATCH({Fits}, 'a')", row)).toBe(true);
  });

  it("refuse a pattern longer than the cap", () => {
    expect(run("REGEX_MATCH('a', {P})", { P: "a".repeat(1001) })).toMatchObject({
      error: "#VALUE!",
      message: /longer/,
    });
  });

  it("run catastrophic-backtracking patterns in linear time", () => {
    const row = { T: `${"a".repeat(MAX_REGEX_INPUT_LENGTH - 1)}!` };
    const started = performance.now();
    for (const pattern of ["(a+)+$", "(a|aa)+$", "(.*a){20}$", "^(a|a?)+b"]) {
      expect(run(`REGEX_MATCH({T}, '${pattern}')`, row)).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

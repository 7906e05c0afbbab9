/**
 * REGEX_MATCH and REGEX_EXTRACT, on RE2 syntax as in Airtable. Patterns run on re2js, a port of
 * RE2 that matches in time linear in the input, so no pattern can backtrack catastrophically
 * (`(a+)+$` included). The input is still capped: linear time times a long pattern times every row
 * of a table adds up, and a cell of 10,000 characters covers notes and scraped page text.
 */
import { RE2JS } from "re2js";
import { type FormulaError, formulaError, isFormulaError } from "../errors";
import { toText, type Value } from "../values";
import { eager, type FormulaFunction } from "./spec";

/** Longest text a REGEX function runs on; longer text is #VALUE!, not silently cut. */
export const MAX_REGEX_INPUT_LENGTH = 10_000;
/** Longest pattern; RE2's program grows with it, and real patterns are a few dozen characters. */
export const MAX_REGEX_PATTERN_LENGTH = 1_000;
/** Compiled patterns kept: a column's pattern is usually one literal, compiled once for all rows. */
const MAX_CACHED_PATTERNS = 256;

const cache = new Map<string, RE2JS | FormulaError>();

/** A compiled RE2 pattern, or #VALUE! saying why the pattern is not one. */
export function compileRegex(pattern: string, flags = 0): RE2JS | FormulaError {
  const key = `${flags}:${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let compiled: RE2JS | FormulaError;
  if (pattern.length > MAX_REGEX_PATTERN_LENGTH) {
    compiled = formulaError("#VALUE!", `The pattern is longer than ${MAX_REGEX_PATTERN_LENGTH} characters`);
  } else {
    try {
      compiled = RE2JS.compile(pattern, flags);
    } catch (error) {
      compiled = formulaError("#VALUE!", `Bad regular expression: ${(error as Error).message}`);
    }
  }
  if (cache.size >= MAX_CACHED_PATTERNS) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

/** The text and compiled pattern of a call, or the error that stops it. */
function prepare(textArg: Value, patternArg: Value, fn: string): { text: string; regex: RE2JS } | FormulaError {
  const text = toText(textArg);
  if (text.length > MAX_REGEX_INPUT_LENGTH) {
    return formulaError(
      "#VALUE!",
      `${fn} looks at most ${MAX_REGEX_INPUT_LENGTH.toLocaleString("en-US")} characters; this text has ${text.length.toLocaleString("en-US")}`,
    );
  }
  const regex = compileRegex(toText(patternArg));
  return isFormulaError(regex) ? regex : { text, regex };
}

export const REGEX_FUNCTIONS: FormulaFunction[] = [
  eager("REGEX_MATCH(text, pattern)", "TRUE when the text contains a match of the RE2 pattern.", ([text, pattern]) => {
    const ready = prepare(text!, pattern!, "REGEX_MATCH");
    return isFormulaError(ready) ? ready : ready.regex.test(ready.text);
  }),
  eager(
    "REGEX_EXTRACT(text, pattern)",
    "The first part of the text that matches the RE2 pattern.",
    ([text, pattern]) => {
      const ready = prepare(text!, pattern!, "REGEX_EXTRACT");
      if (isFormulaError(ready)) return ready;
      const matcher = ready.regex.matcher(ready.text);
      return matcher.find() ? (matcher.group() ?? "") : formulaError("#VALUE!", "The pattern does not match the text");
    },
  ),
];

/**
 * Text functions with Excel's rules: positions count from 1 in UTF-16 units, a count below zero or
 * a position below 1 is #VALUE!, FIND and SEARCH give #VALUE! when the text is not found, SEARCH
 * ignores case and takes `?` and `*` wildcards (`~` escapes them), TRIM collapses runs of spaces.
 * No function produces text longer than a cell holds.
 */
import { RE2JS } from "re2js";
import { type FormulaError, formulaError, isFormulaError } from "../errors";
import { MAX_TEXT_LENGTH, scalar, textResult, textTooLong, toNumber, toText, type Value } from "../values";
import { compileRegex } from "./regex";
import { eager, type FormulaFunction, wholeCount } from "./spec";

/** Currency, thousands separators and a percent sign, as Excel's VALUE reads them. */
const NUMBER_TEXT = /^([+-])?[$€£¥]?((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[+-]?\d+)?)(%)?$/i;

/** Where `find` starts in `within` (0-based) from `from`, or -1; `ignoreCase` adds SEARCH's wildcards. */
function locate(find: string, within: string, from: number, ignoreCase: boolean): number | FormulaError {
  if (!ignoreCase) return within.indexOf(find, from);
  if (!/[?*~]/.test(find)) return within.toLowerCase().indexOf(find.toLowerCase(), from);
  let pattern = "";
  for (let i = 0; i < find.length; i++) {
    const c = find[i]!;
    if (c === "~" && "?*~".includes(find[i + 1] ?? "")) pattern += RE2JS.quote(find[++i]!);
    else pattern += c === "?" ? "." : c === "*" ? ".*" : RE2JS.quote(c);
  }
  const regex = compileRegex(pattern, RE2JS.CASE_INSENSITIVE | RE2JS.DOTALL);
  if (isFormulaError(regex)) return regex;
  const matcher = regex.matcher(within);
  return matcher.find(from) ? matcher.start() : -1;
}

function position(args: Value[], fn: "FIND" | "SEARCH"): Value {
  const find = toText(args[0]!);
  const within = toText(args[1]!);
  const start = args[2] === undefined ? 1 : wholeCount(toNumber(args[2]), `${fn}'s start`);
  if (isFormulaError(start)) return start;
  if (start < 1 || start > within.length + 1)
    return formulaError("#VALUE!", `${fn}'s start must be from 1 to the length of the text plus one`);
  const at = locate(find, within, start - 1, fn === "SEARCH");
  if (isFormulaError(at)) return at;
  return at < 0 ? formulaError("#VALUE!", `"${find}" is not in the text`) : at + 1;
}

/** Excel's VALUE: "$1,234.50" → 1234.5, "50%" → 0.5; text that is no number is #VALUE!. */
function value(arg: Value): Value {
  const v = scalar(arg);
  if (typeof v === "number") return v;
  const text = toText(v).replace(/\s+/g, "");
  if (text === "") return 0;
  const match = NUMBER_TEXT.exec(text);
  if (!match || !/\d/.test(match[2]!)) return formulaError("#VALUE!", `"${toText(v)}" is not a number`);
  const n = Number(match[2]!.replace(/,/g, "")) * (match[1] === "-" ? -1 : 1);
  return match[3] ? n / 100 : n;
}

export const TEXT_FUNCTIONS: FormulaFunction[] = [
  eager("CONCATENATE(text, ...)", "Joins its arguments into one text.", (args) =>
    textResult(args.map(toText).join("")),
  ),
  eager("LEN(text)", "The number of characters in the text.", ([text]) => toText(text!).length),
  eager("LOWER(text)", "The text in lower case.", ([text]) => toText(text!).toLowerCase()),
  eager("UPPER(text)", "The text in upper case.", ([text]) => toText(text!).toUpperCase()),
  eager("TRIM(text)", "Removes spaces at both ends and turns runs of spaces inside into one.", ([text]) =>
    toText(text!)
      .replace(/^ +| +$/g, "")
      .replace(/ {2,}/g, " "),
  ),
  eager("LEFT(text, [count])", "The first count characters (1 if omitted).", ([text, count]) => {
    const n = count === undefined ? 1 : wholeCount(toNumber(count), "LEFT's count");
    return isFormulaError(n) ? n : toText(text!).slice(0, n);
  }),
  eager("RIGHT(text, [count])", "The last count characters (1 if omitted).", ([text, count]) => {
    const n = count === undefined ? 1 : wholeCount(toNumber(count), "RIGHT's count");
    if (isFormulaError(n)) return n;
    const s = toText(text!);
    return s.slice(Math.max(0, s.length - n));
  }),
  eager("MID(text, start, count)", "count characters from position start (the first is 1).", ([text, start, count]) => {
    const from = wholeCount(toNumber(start!), "MID's start");
    const n = wholeCount(toNumber(count!), "MID's count");
    if (isFormulaError(from)) return from;
    if (isFormulaError(n)) return n;
    if (from < 1) return formulaError("#VALUE!", "MID's start must be 1 or more");
    return toText(text!).slice(from - 1, from - 1 + n);
  }),
  eager("FIND(find, within, [start])", "Position of find in within, case-sensitive; #VALUE! when absent.", (args) =>
    position(args, "FIND"),
  ),
  eager(
    "SEARCH(find, within, [start])",
    "Position of find in within, ignoring case, with ? and * wildcards; #VALUE! when absent.",
    (args) => position(args, "SEARCH"),
  ),
  eager(
    "SUBSTITUTE(text, old, new, [instance])",
    "Replaces old with new: every time, or only the instance-th time.",
    ([textArg, oldArg, newArg, instance]) => {
      const text = toText(textArg!);
      const old = toText(oldArg!);
      const replacement = toText(newArg!);
      if (old === "") return text;
      if (instance === undefined) {
        const pieces = text.split(old);
        const length = text.length + (pieces.length - 1) * (replacement.length - old.length);
        return length > MAX_TEXT_LENGTH ? textTooLong() : pieces.join(replacement);
      }
      const n = wholeCount(toNumber(instance), "SUBSTITUTE's instance");
      if (isFormulaError(n)) return n;
      if (n < 1) return formulaError("#VALUE!", "SUBSTITUTE's instance must be 1 or more");
      let at = text.indexOf(old);
      for (let k = 1; k < n && at !== -1; k++) at = text.indexOf(old, at + old.length);
      return at === -1 ? text : textResult(text.slice(0, at) + replacement + text.slice(at + old.length));
    },
  ),
  eager("REPT(text, count)", "The text repeated count times.", ([textArg, count]) => {
    const n = wholeCount(toNumber(count!), "REPT's count");
    if (isFormulaError(n)) return n;
    const text = toText(textArg!);
    if (text === "" || n === 0) return "";
    return text.length * n > MAX_TEXT_LENGTH ? textTooLong() : text.repeat(n);
  }),
  eager("VALUE(text)", 'The number in a text such as "1,234.50", "$12" or "50%".', ([text]) => value(text!)),
  eager("T(value)", "The value when it is text, otherwise empty text.", ([v]) => {
    const s = scalar(v!);
    return typeof s === "string" ? s : "";
  }),
];

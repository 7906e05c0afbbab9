import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "./index";
import { run } from "./testing";

/** The functions the product issue asks for, plus COUNTA for counting linked rows. */
const REQUIRED = [
  "IF IFERROR ISERROR SWITCH AND OR NOT BLANK",
  "CONCATENATE LEN LOWER UPPER TRIM LEFT RIGHT MID FIND SEARCH SUBSTITUTE REPT VALUE T",
  "ROUND ROUNDUP ROUNDDOWN INT MOD ABS MIN MAX SUM AVERAGE POWER SQRT",
  "NOW TODAY DATEADD DATETIME_DIFF DATETIME_FORMAT REGEX_MATCH REGEX_EXTRACT DISTANCE_MILES",
  "COUNT COUNTA ARRAYJOIN",
].flatMap((line) => line.split(" "));

/** One worked example per function, as an editor might show it. */
const EXAMPLES: Record<string, [string, unknown]> = {
  IF: ["IF(2 > 1, 'yes', 'no')", "yes"],
  IFERROR: ["IFERROR(1 / 0, 0)", 0],
  ISERROR: ["ISERROR(1 / 0)", true],
  SWITCH: ["SWITCH('b', 'a', 1, 'b', 2)", 2],
  AND: ["AND(TRUE, 1 > 0)", true],
  OR: ["OR(FALSE, 1 > 2)", false],
  NOT: ["NOT(FALSE)", true],
  BLANK: ["BLANK()", null],
  CONCATENATE: ["CONCATENATE('Row', 'pilot')", "Rowpilot"],
  LEN: ["LEN('four')", 4],
  LOWER: ["LOWER('ABC')", "abc"],
  UPPER: ["UPPER('abc')", "ABC"],
  TRIM: ["TRIM('  a  b ')", "a b"],
  LEFT: ["LEFT('Rowpilot', 3)", "Row"],
  RIGHT: ["RIGHT('Rowpilot', 5)", "pilot"],
  MID: ["MID('Rowpilot', 4, 2)", "pi"],
  FIND: ["FIND('p', 'Rowpilot')", 4],
  SEARCH: ["SEARCH('P', 'Rowpilot')", 4],
  SUBSTITUTE: ["SUBSTITUTE('a.b.c', '.', '/')", "a/b/c"],
  REPT: ["REPT('-', 3)", "---"],
  VALUE: ["VALUE('$1,000')", 1000],
  T: ["T('text')", "text"],
  ROUND: ["ROUND(3.14159, 2)", 3.14],
  ROUNDUP: ["ROUNDUP(3.141, 2)", 3.15],
  ROUNDDOWN: ["ROUNDDOWN(3.149, 2)", 3.14],
  INT: ["INT(3.9)", 3],
  MOD: ["MOD(10, 4)", 2],
  ABS: ["ABS(-4)", 4],
  MIN: ["MIN(4, 2, 8)", 2],
  MAX: ["MAX(4, 2, 8)", 8],
  SUM: ["SUM(4, 2, 8)", 14],
  AVERAGE: ["AVERAGE(4, 2, 9)", 5],
  POWER: ["POWER(3, 2)", 9],
  SQRT: ["SQRT(81)", 9],
  NOW: ["NOW()", "2026-03-01T12:00:00.000Z"],
  TODAY: ["TODAY()", "2026-03-01"],
  DATEADD: ["DATEADD('2026-03-01', 7, 'days')", "2026-03-08"],
  DATETIME_DIFF: ["DATETIME_DIFF('2026-03-08', '2026-03-01', 'days')", 7],
  DATETIME_FORMAT: ["DATETIME_FORMAT('2026-03-01', 'D MMM YYYY')", "1 Mar 2026"],
  REGEX_MATCH: ["REGEX_MATCH('ann@example.com', '^[^@]+@[^@]+$')", true],
  REGEX_EXTRACT: ["REGEX_EXTRACT('Call 555-0100', '\\d{3}-\\d{4}')", "555-0100"],
  DISTANCE_MILES: ["ROUND(DISTANCE_MILES(0, 0, 0, 1), 1)", 69.1],
  COUNT: ["COUNT(1, 'a', 2)", 2],
  COUNTA: ["COUNTA(1, 'a', BLANK())", 2],
  ARRAYJOIN: ["ARRAYJOIN({Tags}, ' · ')", "a · b"],
};

describe("FUNCTIONS", () => {
  it("lists every function the issue asks for, alphabetically, each once", () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect([...names].sort()).toEqual([...REQUIRED].sort());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("gives each a signature that starts with its name and a one-line description", () => {
    for (const f of FUNCTIONS) {
      expect(f.signature).toMatch(new RegExp(`^${f.name}\\(.*\\)$`));
      expect(f.description).toMatch(/^\S.*[.!]$/);
      expect(f.description).not.toContain("\n");
    }
  });

  it.each(Object.entries(EXAMPLES))("%s works as its example shows", (name, [formula, expected]) => {
    expect(formula.toUpperCase()).toContain(`${name}(`);
    expect(run(formula, { Tags: ["a", "b"] })).toEqual(expected);
  });

  it("has an example for every function", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });
});

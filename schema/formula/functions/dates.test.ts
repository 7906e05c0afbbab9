import { describe, expect, it } from "vitest";
import { code, run } from "../testing";

const blank = { X: null };

describe("NOW / TODAY", () => {
  it("read the caller's clock, in UTC", () => {
    expect(run("NOW()")).toBe("2026-03-01T12:00:00.000Z");
    expect(run("TODAY()")).toBe("2026-03-01");
    expect(run("DATETIME_DIFF(TODAY(), '2026-02-01', 'days')")).toBe(28);
  });

  it("take no arguments", () => {
    expect(run("NOW(1)")).toEqual({ error: "#VALUE!", message: "NOW takes 0 arguments, got 1" });
    expect(code(run("TODAY({X})", blank))).toBe("#VALUE!");
  });
});

describe("DATEADD", () => {
  it("moves a date by whole-day units and keeps it a date", () => {
    expect(run("DATEADD('2026-01-31', 1, 'months')")).toBe("2026-02-28");
    expect(run("DATEADD('2026-01-01', 2, 'weeks')")).toBe("2026-01-15");
    expect(run("DATEADD('2026-01-01', 1, 'quarters')")).toBe("2026-04-01");
    expect(run("DATEADD('2026-01-01', -1, 'year')")).toBe("2025-01-01");
    expect(run("DATEADD({D}, 10, 'days')", { D: "2026-12-25" })).toBe("2027-01-04");
  });

  it("moves a date-time, or a date by a unit under a day, to an ISO date-time in UTC", () => {
    expect(run("DATEADD('2026-01-31T10:00:00Z', 90, 'minutes')")).toBe("2026-01-31T11:30:00.000Z");
    expect(run("DATEADD('2026-01-31', 2, 'hours')")).toBe("2026-01-31T02:00:00.000Z");
    expect(run("DATEADD('2026-01-01T10:00:00+02:00', 1, 'hours')")).toBe("2026-01-01T09:00:00.000Z");
    expect(run("DATEADD('2026-01-01 10:00', 30, 'seconds')")).toBe("2026-01-01T10:00:30.000Z");
    expect(run("DATEADD('2026-01-01T00:00:00Z', 1, 'days')")).toBe("2026-01-02T00:00:00.000Z");
  });

  it("reads moment's short units, where m is minutes and M months", () => {
    expect(run("DATEADD('2026-01-01T00:00:00Z', 5, 'm')")).toBe("2026-01-01T00:05:00.000Z");
    expect(run("DATEADD('2026-01-01', 5, 'M')")).toBe("2026-06-01");
    expect(run("DATEADD('2026-01-01', 1, 'Days')")).toBe("2026-01-02");
  });

  it("gives blank for a blank date and reads a blank count as 0", () => {
    expect(run("DATEADD({X}, 1, 'days')", blank)).toBeNull();
    expect(run("DATEADD('2026-01-01', {X}, 'days')", blank)).toBe("2026-01-01");
  });

  it("is #VALUE! for text that is no date or unit, and propagates errors", () => {
    expect(run("DATEADD('next tuesday', 1, 'days')")).toEqual({
      error: "#VALUE!",
      message: '"next tuesday" is not a date; use an ISO date such as 2026-11-22',
    });
    expect(code(run("DATEADD('2026-02-30', 1, 'days')"))).toBe("#VALUE!");
    expect(code(run("DATEADD('2026-01-01T24:00:00Z', 1, 'days')"))).toBe("#VALUE!");
    expect(code(run("DATEADD(20260101, 1, 'days')"))).toBe("#VALUE!");
    expect(run("DATEADD('2026-01-01', 1, 'fortnights')")).toMatchObject({ error: "#VALUE!", message: /not a unit/ });
    expect(code(run("DATEADD({Missing}, 1, 'days')"))).toBe("#REF!");
    expect(code(run("DATEADD('2026-01-01', 1/0, 'days')"))).toBe("#DIV/0!");
  });
});

describe("DATETIME_DIFF", () => {
  it("gives date1 minus date2 in whole units, truncated toward zero", () => {
    expect(run("DATETIME_DIFF('2026-03-01', '2026-01-01', 'days')")).toBe(59);
    expect(run("DATETIME_DIFF('2026-01-01', '2026-01-02T12:00:00Z', 'days')")).toBe(-1);
    expect(run("DATETIME_DIFF('2026-03-31', '2026-01-31', 'months')")).toBe(2);
    expect(run("DATETIME_DIFF('2026-01-01T06:00:00Z', '2026-01-01', 'hours')")).toBe(6);
    expect(run("DATETIME_DIFF('2026-01-15', '2026-01-01', 'weeks')")).toBe(2);
    expect(run("DATETIME_DIFF('2030-06-01', '2026-01-01', 'years')")).toBe(4);
  });

  it("counts seconds when no unit is given", () => {
    expect(run("DATETIME_DIFF('2026-01-01T00:01:00Z', '2026-01-01')")).toBe(60);
  });

  it("gives blank when either date is blank", () => {
    expect(run("DATETIME_DIFF({X}, '2026-01-01', 'days')", blank)).toBeNull();
    expect(run("DATETIME_DIFF('2026-01-01', {X}, 'days')", blank)).toBeNull();
  });

  it("is #VALUE! for a bad date or unit, and propagates errors", () => {
    expect(code(run("DATETIME_DIFF('soon', '2026-01-01', 'days')"))).toBe("#VALUE!");
    expect(code(run("DATETIME_DIFF('2026-01-01', '2026-01-01', 'eons')"))).toBe("#VALUE!");
    expect(code(run("DATETIME_DIFF({Missing}, '2026-01-01')"))).toBe("#REF!");
  });
});

describe("DATETIME_FORMAT", () => {
  const at = "'2026-01-31T15:04:05.123Z'";

  it("writes moment.js format tokens in UTC", () => {
    expect(run(`DATETIME_FORMAT(${at}, 'YYYY-MM-DD HH:mm')`)).toBe("2026-01-31 15:04");
    expect(run(`DATETIME_FORMAT(${at}, 'MMMM Do, YYYY')`)).toBe("January 31st, 2026");
    expect(run(`DATETIME_FORMAT(${at}, 'ddd D MMM, h:mm A')`)).toBe("Sat 31 Jan, 3:04 PM");
    expect(run(`DATETIME_FORMAT(${at}, 'LL')`)).toBe("January 31, 2026");
    expect(run(`DATETIME_FORMAT(${at}, '[Week] W, Q[Q]')`)).toBe("Week 5, 1Q");
    expect(run(`DATETIME_FORMAT(${at}, 'X')`)).toBe("1769871845");
    expect(run("DATETIME_FORMAT('0099-05-01', 'YYYY')")).toBe("0099");
  });

  it("writes ISO 8601 when no format is given", () => {
    expect(run(`DATETIME_FORMAT(${at})`)).toBe("2026-01-31T15:04:05.123Z");
    expect(run("DATETIME_FORMAT('2026-01-31')")).toBe("2026-01-31T00:00:00.000Z");
  });

  it("gives blank for a blank date and the default format for a blank format", () => {
    expect(run("DATETIME_FORMAT({X}, 'YYYY')", blank)).toBeNull();
    expect(run("DATETIME_FORMAT('2026-01-31', {X})", blank)).toBe("2026-01-31T00:00:00.000Z");
  });

  it("is #VALUE! for a bad date or a time-zone name token, and propagates errors", () => {
    expect(code(run("DATETIME_FORMAT('31/01/2026', 'YYYY')"))).toBe("#VALUE!");
    expect(run(`DATETIME_FORMAT(${at}, 'z')`)).toMatchObject({ error: "#VALUE!", message: /not a date format/ });
    expect(code(run("DATETIME_FORMAT({Missing})"))).toBe("#REF!");
  });
});

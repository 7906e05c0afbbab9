import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "./errors";
import { compile } from "./evaluate";
import { code, run, TEST_NOW } from "./testing";
import { MAX_TEXT_LENGTH } from "./values";

describe("evaluate — operators", () => {
  it("does arithmetic", () => {
    expect(run("{A} + {B} * 2 - 1", { A: 1, B: 3 })).toBe(6);
    expect(run("7 / 2")).toBe(3.5);
    expect(run("-{A}", { A: 4 })).toBe(-4);
  });

  it("reads numeric text, TRUE and FALSE as numbers in arithmetic", () => {
    expect(run("{A} * 2", { A: " 12 " })).toBe(24);
    expect(run("TRUE + TRUE")).toBe(2);
    expect(run("'1e3' + 0")).toBe(1000);
  });

  it("joins text with &, writing numbers as a spreadsheet shows them", () => {
    expect(run("{First} & ' ' & {Last}", { First: "Ann", Last: "Lee" })).toBe("Ann Lee");
    expect(run("0.1 + 0.2 & ''")).toBe("0.3");
    expect(run("1 & TRUE")).toBe("1TRUE");
    expect(run("{Tags} & '!'", { Tags: ["a", "b"] })).toBe("a, b!");
  });

  it("compares numbers as numbers and text without regard to case", () => {
    expect(run("10 > 9")).toBe(true);
    expect(run("'b' > 'A'")).toBe(true);
    expect(run("'Done' = 'done'")).toBe(true);
    expect(run("'a' != 'b'")).toBe(true);
    expect(run("2 <= 2")).toBe(true);
    expect(run("3 >= 4")).toBe(false);
    expect(run("{N} = '5'", { N: 5 })).toBe(true);
    expect(run("'10' < '9'")).toBe(true);
    expect(run("{D} < '2026-02-01'", { D: "2026-01-15" })).toBe(true);
  });

  it("treats a list of one value as that value", () => {
    expect(run("{Tags} = 'vip'", { Tags: ["vip"] })).toBe(true);
    expect(run("{Scores} * 2", { Scores: [21] })).toBe(42);
  });
});

describe("evaluate — blank cells", () => {
  it("are 0 in arithmetic and empty in text", () => {
    const row = { Empty: null, Blank: "" };
    expect(run("{Empty} + 1", row)).toBe(1);
    expect(run("{Blank} * 3", row)).toBe(0);
    expect(run("-{Empty}", row)).toBe(0);
    expect(run("{Empty} & 'x'", row)).toBe("x");
    expect(run("{Empty}", row)).toBeNull();
  });

  it("equal 0, empty text, FALSE and each other", () => {
    const row = { Empty: null };
    expect(run("{Empty} = 0", row)).toBe(true);
    expect(run("{Empty} = ''", row)).toBe(true);
    expect(run("{Empty} = FALSE", row)).toBe(true);
    expect(run("{Empty} = BLANK()", row)).toBe(true);
    expect(run("{Empty} = 1", row)).toBe(false);
    expect(run("{Empty} < 1", row)).toBe(true);
  });
});

describe("evaluate — error values", () => {
  it("#REF! for a column the row does not have", () => {
    expect(run("{Missing} + 1")).toEqual({ error: "#REF!", message: 'Unknown column "Missing"' });
  });

  it("#NAME! for an unknown function", () => {
    expect(run("NOPE(1)")).toEqual({ error: "#NAME!", message: "Unknown function NOPE" });
  });

  it("#VALUE! for a wrong type or a wrong number of arguments", () => {
    expect(run("'abc' * 2")).toEqual({ error: "#VALUE!", message: '"abc" is not a number' });
    expect(run("{List} + 1", { List: [1, 2] })).toMatchObject({ error: "#VALUE!", message: /list of 2/ });
    expect(run("LEFT('a', 1, 2)")).toEqual({ error: "#VALUE!", message: "LEFT takes 1 to 2 arguments, got 3" });
    expect(run("NOT()")).toEqual({ error: "#VALUE!", message: "NOT takes 1 argument, got 0" });
    expect(run("SUM()")).toEqual({ error: "#VALUE!", message: "SUM takes at least 1 argument, got 0" });
  });

  it("#DIV/0! for division by zero, blank included", () => {
    expect(run("1 / 0")).toEqual({ error: "#DIV/0!", message: "Division by zero" });
    expect(run("1 / {Empty}", { Empty: null })).toMatchObject({ error: "#DIV/0!" });
  });

  it("#PARSE! for bad syntax", () => {
    expect(code(run("(1"))).toBe("#PARSE!");
  });

  it("never gives a non-finite number", () => {
    expect(run("1e308 * 10")).toEqual({ error: "#VALUE!", message: "The result is too large" });
    expect(run("-1e308 - 1e308")).toMatchObject({ error: "#VALUE!" });
    expect(run("POWER(10, 400)")).toMatchObject({ error: "#VALUE!" });
    expect(run("0 * -1")).toBe(0);
    expect(Object.is(run("0 * -1"), -0)).toBe(false);
  });

  it("caps text at the length a cell holds", () => {
    const half = "x".repeat(MAX_TEXT_LENGTH / 2 + 1);
    expect(run("{A} & {A}", { A: half })).toMatchObject({ error: "#VALUE!", message: /longer than 100,000/ });
  });

  it("propagates through operators and functions, the leftmost first", () => {
    expect(code(run("1 + {Missing}"))).toBe("#REF!");
    expect(code(run("(1 / 0) & NOPE()"))).toBe("#DIV/0!");
    expect(code(run("UPPER(LEFT({Missing}, 2))"))).toBe("#REF!");
    expect(code(run("-(1/0)"))).toBe("#DIV/0!");
    expect(code(run("(1/0) = (1/0)"))).toBe("#DIV/0!");
  });

  it("propagates an error read from another formula column's stored result", () => {
    const stored = { error: "#CYCLE!", message: '"A" depends on itself' };
    expect(run("{A} + 1", { A: stored })).toEqual(stored);
    expect(run("IFERROR({A}, 0)", { A: stored })).toBe(0);
    expect(run("{A}", { A: { error: "not ours", message: "x" } })).toEqual({ error: "not ours", message: "x" });
  });

  it("knows every error code", () => {
    expect(ERROR_CODES).toEqual(["#PARSE!", "#REF!", "#NAME!", "#VALUE!", "#DIV/0!", "#CYCLE!"]);
  });
});

describe("evaluate — lookups through linked rows", () => {
  const linked = (link: string, field: string) =>
    link === "Orders" && field === "Amount"
      ? [10, 20, null]
      : link === "Orders" && field === "Name"
        ? ["a", "b"]
        : undefined;

  it("gives the field's values of every linked row as a list", () => {
    expect(run("{Orders}.{Amount}", {}, linked)).toEqual([10, 20, null]);
    expect(run("SUM({Orders}.{Amount})", {}, linked)).toBe(30);
    expect(run("ARRAYJOIN({Orders}.{Name}, '+')", {}, linked)).toBe("a+b");
  });

  it("is #REF! when the link or field does not exist, or no linked rows are available", () => {
    expect(run("{Orders}.{Nope}", {}, linked)).toEqual({
      error: "#REF!",
      message: 'No column "Nope" in rows linked through "Orders"',
    });
    expect(code(run("{Orders}.{Amount}"))).toBe("#REF!");
  });
});

describe("compile", () => {
  it("compiles once and evaluates many rows", () => {
    const formula = compile("IF({Qty} > 2, {Qty} * {Price}, 0)");
    expect(formula.references).toEqual(["Qty", "Price"]);
    expect(formula.parseError).toBeNull();
    const rows = [
      { Qty: 3, Price: 2 },
      { Qty: 1, Price: 5 },
    ];
    expect(rows.map((r) => formula.evaluate({ row: (n) => r[n as keyof typeof r] }))).toEqual([6, 0]);
  });

  it("reports a parse error with its position and gives it for every row", () => {
    const formula = compile("{A} +");
    expect(formula.parseError).toEqual({
      error: { error: "#PARSE!", message: "Formula ends too early at position 5" },
      position: 5,
    });
    expect(formula.references).toEqual(["A"]);
    expect(formula.evaluate({ row: () => 1 })).toEqual(formula.parseError!.error);
  });

  it("uses the caller's clock for NOW and TODAY", () => {
    expect(run("NOW()")).toBe(TEST_NOW.toISOString());
    const formula = compile("TODAY()");
    expect(formula.evaluate({ row: () => null, now: () => new Date("2030-05-06T23:59:00Z") })).toBe("2030-05-06");
  });

  it("keeps a failing row accessor to one cell's error instead of throwing", () => {
    const result = compile("{A}").evaluate({
      row: () => {
        throw new Error("storage gone");
      },
    });
    expect(result).toEqual({ error: "#VALUE!", message: "Evaluation failed: storage gone" });
  });
});

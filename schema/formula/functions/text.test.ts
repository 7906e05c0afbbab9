import { describe, expect, it } from "vitest";
import { code, run } from "../testing";

const blank = { X: null };

describe("CONCATENATE", () => {
  it("joins values as text", () => {
    expect(run("CONCATENATE('a', 1, TRUE, {Tags})", { Tags: ["x", "y"] })).toBe("a1TRUEx, y");
    expect(run("CONCATENATE({X}, 'b')", blank)).toBe("b");
    expect(code(run("CONCATENATE('a', 1/0)"))).toBe("#DIV/0!");
  });
});

describe("LEN", () => {
  it("counts characters", () => {
    expect(run("LEN('hello')")).toBe(5);
    expect(run("LEN(12.5)")).toBe(4);
    expect(run("LEN({X})", blank)).toBe(0);
    expect(code(run("LEN({Missing})"))).toBe("#REF!");
  });
});

describe("LOWER / UPPER", () => {
  it("change case", () => {
    expect(run("LOWER('AbC')")).toBe("abc");
    expect(run("UPPER('straße')")).toBe("STRASSE");
    expect(run("UPPER({X}) & LOWER({X})", blank)).toBe("");
    expect(code(run("LOWER(1/0)"))).toBe("#DIV/0!");
    expect(code(run("UPPER(NOPE())"))).toBe("#NAME!");
  });
});

describe("TRIM", () => {
  it("removes spaces at the ends and collapses runs inside, keeping line breaks", () => {
    expect(run("TRIM('  Ann    Lee  ')")).toBe("Ann Lee");
    expect(run("TRIM('a\\n\\nb')")).toBe("a\n\nb");
    expect(run("TRIM({X})", blank)).toBe("");
    expect(code(run("TRIM({Missing})"))).toBe("#REF!");
  });
});

describe("LEFT / RIGHT", () => {
  it("take characters from either end, one if no count is given", () => {
    expect(run("LEFT('hello', 2)")).toBe("he");
    expect(run("RIGHT('hello', 3)")).toBe("llo");
    expect(run("LEFT('hello')")).toBe("h");
    expect(run("RIGHT('hello')")).toBe("o");
    expect(run("RIGHT('hello', 0)")).toBe("");
    expect(run("LEFT('hi', 10)")).toBe("hi");
    expect(run("LEFT('hello', 2.9)")).toBe("he");
    expect(run("LEFT(12345, 2)")).toBe("12");
  });

  it("take from blank text as empty, with a blank count as 0", () => {
    expect(run("LEFT({X}, 2) & RIGHT({X}, 2)", blank)).toBe("");
    expect(run("LEFT('abc', {X})", blank)).toBe("");
  });

  it("refuse a negative or non-numeric count and propagate errors", () => {
    expect(run("LEFT('abc', -1)")).toEqual({ error: "#VALUE!", message: "LEFT's count cannot be negative" });
    expect(code(run("RIGHT('abc', -1)"))).toBe("#VALUE!");
    expect(code(run("RIGHT('abc', 'x')"))).toBe("#VALUE!");
    expect(code(run("LEFT(1/0, 1)"))).toBe("#DIV/0!");
  });
});

describe("MID", () => {
  it("takes count characters from a 1-based start", () => {
    expect(run("MID('hello', 2, 3)")).toBe("ell");
    expect(run("MID('hello', 4, 10)")).toBe("lo");
    expect(run("MID('hello', 9, 2)")).toBe("");
    expect(run("MID('hello', 1, 0)")).toBe("");
  });

  it("reads blank text as empty", () => {
    expect(run("MID({X}, 1, 2)", blank)).toBe("");
  });

  it("refuses a start below 1 or a negative count, and propagates errors", () => {
    expect(run("MID('abc', 0, 1)")).toEqual({ error: "#VALUE!", message: "MID's start must be 1 or more" });
    expect(code(run("MID('abc', 1, -1)"))).toBe("#VALUE!");
    expect(code(run("MID('abc', {X}, 1)", blank))).toBe("#VALUE!");
    expect(code(run("MID({Missing}, 1, 1)"))).toBe("#REF!");
  });
});

describe("FIND", () => {
  it("gives the 1-based position, case-sensitive, from an optional start", () => {
    expect(run("FIND('l', 'hello')")).toBe(3);
    expect(run("FIND('l', 'hello', 4)")).toBe(4);
    expect(run("FIND('', 'abc')")).toBe(1);
  });

  it("is #VALUE! when absent, with a bad start, and for blank text", () => {
    expect(run("FIND('L', 'hello')")).toEqual({ error: "#VALUE!", message: '"L" is not in the text' });
    expect(code(run("FIND('a', 'abc', 0)"))).toBe("#VALUE!");
    expect(code(run("FIND('a', 'abc', 5)"))).toBe("#VALUE!");
    expect(code(run("FIND('a', {X})", blank))).toBe("#VALUE!");
    expect(run("FIND({X}, 'abc')", blank)).toBe(1);
  });

  it("propagates errors", () => {
    expect(code(run("FIND('a', {Missing})"))).toBe("#REF!");
  });
});

describe("SEARCH", () => {
  it("ignores case and takes ? and * wildcards, ~ escaping them", () => {
    expect(run("SEARCH('L', 'hello')")).toBe(3);
    expect(run("SEARCH('h?l', 'xHello')")).toBe(2);
    expect(run("SEARCH('e*o', 'hello')")).toBe(2);
    expect(run("SEARCH('~?', 'why?')")).toBe(4);
    expect(run("SEARCH('~*', 'a*b')")).toBe(2);
    expect(run("SEARCH('.', 'a.b')")).toBe(2);
    expect(run("SEARCH('b', 'abcb', 3)")).toBe(4);
  });

  it("counts positions in UTF-16 units like LEN, emoji included", () => {
    expect(run("SEARCH('b?', '😀ab?')")).toBe(4);
  });

  it("is #VALUE! when absent or blank, and propagates errors", () => {
    expect(code(run("SEARCH('z', 'abc')"))).toBe("#VALUE!");
    expect(code(run("SEARCH('a*z', 'abc')"))).toBe("#VALUE!");
    expect(code(run("SEARCH('a', {X})", blank))).toBe("#VALUE!");
    expect(code(run("SEARCH(1/0, 'abc')"))).toBe("#DIV/0!");
  });

  it("stays fast on a pattern of many wildcards over long text", () => {
    const started = performance.now();
    expect(code(run(`SEARCH('${"*a".repeat(30)}*b', {T})`, { T: "a".repeat(10_000) }))).toBe("#VALUE!");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("SUBSTITUTE", () => {
  it("replaces every occurrence, or only the n-th", () => {
    expect(run("SUBSTITUTE('a-b-c', '-', '+')")).toBe("a+b+c");
    expect(run("SUBSTITUTE('-a-b', '-', '+', 1)")).toBe("+a-b");
    expect(run("SUBSTITUTE('a-b-c', '-', '+', 2)")).toBe("a-b+c");
    expect(run("SUBSTITUTE('a-b', '-', '+', 5)")).toBe("a-b");
    expect(run("SUBSTITUTE('aaa', 'aa', 'b', 2)")).toBe("aaa");
    expect(run("SUBSTITUTE('abc', '', 'x')")).toBe("abc");
  });

  it("treats blank as empty text", () => {
    expect(run("SUBSTITUTE({X}, 'a', 'b')", blank)).toBe("");
    expect(run("SUBSTITUTE('a-b', '-', {X})", blank)).toBe("ab");
  });

  it("refuses an instance below 1 or a result too long for a cell, and propagates errors", () => {
    expect(code(run("SUBSTITUTE('a', 'a', 'b', 0)"))).toBe("#VALUE!");
    expect(code(run("SUBSTITUTE(REPT('a', 1000), 'a', REPT('b', 1000))"))).toBe("#VALUE!");
    expect(code(run("SUBSTITUTE({Missing}, 'a', 'b')"))).toBe("#REF!");
  });
});

describe("REPT", () => {
  it("repeats text", () => {
    expect(run("REPT('ab', 3)")).toBe("ababab");
    expect(run("REPT('ab', 0)")).toBe("");
    expect(run("REPT({X}, 3) & REPT('a', {X})", blank)).toBe("");
  });

  it("refuses a negative count or a result too long for a cell, and propagates errors", () => {
    expect(code(run("REPT('a', -1)"))).toBe("#VALUE!");
    expect(run("REPT('ab', 1e9)")).toMatchObject({ error: "#VALUE!", message: /longer than 100,000/ });
    expect(code(run("REPT('a', 1/0)"))).toBe("#DIV/0!");
  });
});

describe("VALUE", () => {
  it("reads numbers written as text", () => {
    expect(run("VALUE('1,234.50')")).toBe(1234.5);
    expect(run("VALUE('$12')")).toBe(12);
    expect(run("VALUE('-$3.5')")).toBe(-3.5);
    expect(run("VALUE('50%')")).toBe(0.5);
    expect(run("VALUE(' 42 ')")).toBe(42);
    expect(run("VALUE('1e3')")).toBe(1000);
    expect(run("VALUE(7)")).toBe(7);
  });

  it("reads blank as 0", () => {
    expect(run("VALUE({X})", blank)).toBe(0);
  });

  it("is #VALUE! for text that is no number, and propagates errors", () => {
    expect(run("VALUE('abc')")).toEqual({ error: "#VALUE!", message: '"abc" is not a number' });
    expect(code(run("VALUE('$')"))).toBe("#VALUE!");
    expect(code(run("VALUE('1,23')"))).toBe("#VALUE!");
    expect(code(run("VALUE({Missing})"))).toBe("#REF!");
  });
});

describe("T", () => {
  it("keeps text and empties everything else", () => {
    expect(run("T('abc')")).toBe("abc");
    expect(run("T(12)")).toBe("");
    expect(run("T(TRUE)")).toBe("");
    expect(run("T({X})", blank)).toBe("");
    expect(code(run("T(1/0)"))).toBe("#DIV/0!");
  });
});

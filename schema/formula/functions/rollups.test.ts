import { describe, expect, it } from "vitest";
import { code, run } from "../testing";

const blank = { X: null };
/** Orders linked to the row: amounts with a blank and a text among them. */
const linked = (link: string, field: string) => {
  if (link !== "Orders") return undefined;
  if (field === "Amount") return [10, null, 20, "n/a", 30];
  if (field === "Id") return ["o1", "o2", "o3"];
  if (field === "Broken") return [1, { error: "#DIV/0!", message: "Division by zero" }];
  return undefined;
};

describe("SUM", () => {
  it("adds numbers, lists and lookups included, skipping text and blanks inside lists", () => {
    expect(run("SUM(1, 2, 3)")).toBe(6);
    expect(run("SUM({Orders}.{Amount})", {}, linked)).toBe(60);
    expect(run("SUM({Orders}.{Amount}, 5, '5')", {}, linked)).toBe(70);
    expect(run("SUM({Nested})", { Nested: [1, [2, [3]]] })).toBe(6);
  });

  it("skips blank arguments", () => {
    expect(run("SUM({X}, 1)", blank)).toBe(1);
    expect(run("SUM({X})", blank)).toBe(0);
  });

  it("is #VALUE! for text given directly, and propagates errors, from lookups too", () => {
    expect(code(run("SUM(1, 'abc')"))).toBe("#VALUE!");
    expect(code(run("SUM(1, 1/0)"))).toBe("#DIV/0!");
    expect(code(run("SUM({Orders}.{Broken})", {}, linked))).toBe("#DIV/0!");
  });
});

describe("MIN / MAX", () => {
  it("find the extremes, 0 when there is no number", () => {
    expect(run("MIN(3, 1, 2)")).toBe(1);
    expect(run("MAX(3, 1, 2)")).toBe(3);
    expect(run("MIN({Orders}.{Amount})", {}, linked)).toBe(10);
    expect(run("MAX({Orders}.{Amount}, 25)", {}, linked)).toBe(30);
    expect(run("MAX({Orders}.{Id})", {}, linked)).toBe(0);
  });

  it("skip blanks", () => {
    expect(run("MIN({X}, 5)", blank)).toBe(5);
    expect(run("MAX({X})", blank)).toBe(0);
  });

  it("propagate errors", () => {
    expect(code(run("MIN(1, {Missing})"))).toBe("#REF!");
    expect(code(run("MAX({Orders}.{Broken})", {}, linked))).toBe("#DIV/0!");
  });
});

describe("AVERAGE", () => {
  it("takes the mean of the numbers", () => {
    expect(run("AVERAGE(1, 2, 3, 4)")).toBe(2.5);
    expect(run("AVERAGE({Orders}.{Amount})", {}, linked)).toBe(20);
  });

  it("skips blanks, and is #DIV/0! with no number at all", () => {
    expect(run("AVERAGE({X}, 4)", blank)).toBe(4);
    expect(run("AVERAGE({X})", blank)).toEqual({ error: "#DIV/0!", message: "AVERAGE of no numbers" });
  });

  it("propagates errors", () => {
    expect(code(run("AVERAGE(1, 'x')"))).toBe("#VALUE!");
  });
});

describe("COUNT / COUNTA", () => {
  it("COUNT counts numbers; COUNTA counts every value that is not blank, such as linked rows", () => {
    expect(run("COUNT({Orders}.{Amount})", {}, linked)).toBe(3);
    expect(run("COUNTA({Orders}.{Amount})", {}, linked)).toBe(4);
    expect(run("COUNTA({Orders})", { Orders: ["rec1", "rec2"] })).toBe(2);
    expect(run("COUNT(1, '2', 'x', TRUE)")).toBe(3);
  });

  it("do not count blanks", () => {
    expect(run("COUNT({X})", blank)).toBe(0);
    expect(run("COUNTA({X}, '', 1)", blank)).toBe(1);
  });

  it("propagate errors", () => {
    expect(code(run("COUNT({Missing})"))).toBe("#REF!");
    expect(code(run("COUNTA({Orders}.{Broken})", {}, linked))).toBe("#DIV/0!");
  });
});

describe("ARRAYJOIN", () => {
  it('joins a list\'s values, ", " by default, skipping blanks', () => {
    expect(run("ARRAYJOIN({Orders}.{Id})", {}, linked)).toBe("o1, o2, o3");
    expect(run("ARRAYJOIN({Orders}.{Amount}, ' | ')", {}, linked)).toBe("10 | 20 | n/a | 30");
    expect(run("ARRAYJOIN('single')")).toBe("single");
  });

  it("gives empty text for blank", () => {
    expect(run("ARRAYJOIN({X})", blank)).toBe("");
    expect(run("ARRAYJOIN({L}, {X})", { L: ["a", "b"], X: null })).toBe("ab");
  });

  it("propagates errors", () => {
    expect(code(run("ARRAYJOIN({Orders}.{Broken})", {}, linked))).toBe("#DIV/0!");
    expect(code(run("ARRAYJOIN({Orders}.{Nope})", {}, linked))).toBe("#REF!");
  });
});

import { describe, expect, it } from "vitest";
import { code, run } from "../testing";

describe("IF", () => {
  it("chooses a branch by the condition", () => {
    expect(run("IF({Score} > 3, 'hot', 'cold')", { Score: 5 })).toBe("hot");
    expect(run("IF({Score} > 3, 'hot', 'cold')", { Score: 1 })).toBe("cold");
  });

  it("gives blank without an else, and reads blank, 0 and empty text as false", () => {
    expect(run("IF(FALSE, 1)")).toBeNull();
    expect(run("IF({X}, 'set', 'unset')", { X: null })).toBe("unset");
    expect(run("IF({X}, 'set', 'unset')", { X: "" })).toBe("unset");
    expect(run("IF({X}, 'set', 'unset')", { X: 0 })).toBe("unset");
    expect(run("IF({X}, 'set', 'unset')", { X: "Ann" })).toBe("set");
    expect(run("IF({X}, 'set', 'unset')", { X: [] })).toBe("unset");
  });

  it("propagates an error in the condition or the chosen branch, not in the other", () => {
    expect(code(run("IF(1/0, 1, 2)"))).toBe("#DIV/0!");
    expect(code(run("IF(TRUE, {Missing}, 2)"))).toBe("#REF!");
    expect(run("IF(TRUE, 1, 1/0)")).toBe(1);
  });
});

describe("IFERROR", () => {
  it("gives the value when it is not an error", () => {
    expect(run("IFERROR(5, 0)")).toBe(5);
    expect(run("IFERROR({X}, 'none')", { X: null })).toBeNull();
  });

  it("catches every kind of error", () => {
    for (const failing of ["1/0", "{Missing}", "NOPE()", "'a' * 1", "LEFT()"]) {
      expect(run(`IFERROR(${failing}, 'caught')`)).toBe("caught");
    }
    expect(run("IFERROR({Orders}, 'caught')", { Orders: [1, { error: "#DIV/0!", message: "x" }] })).toBe("caught");
  });

  it("propagates an error in the fallback", () => {
    expect(code(run("IFERROR(1/0, {Missing})"))).toBe("#REF!");
  });
});

describe("ISERROR", () => {
  it("tells errors from values", () => {
    expect(run("ISERROR(1/0)")).toBe(true);
    expect(run("ISERROR({Missing})")).toBe(true);
    expect(run("ISERROR(1)")).toBe(false);
    expect(run("ISERROR({X})", { X: null })).toBe(false);
  });
});

describe("SWITCH", () => {
  it("gives the result of the first matching pattern, else the default", () => {
    const f = "SWITCH({Stage}, 'new', 1, 'won', 2, 0)";
    expect(run(f, { Stage: "won" })).toBe(2);
    expect(run(f, { Stage: "WON" })).toBe(2);
    expect(run(f, { Stage: "lost" })).toBe(0);
    expect(run("SWITCH(2, 1, 'one', 2, 'two')")).toBe("two");
  });

  it("gives blank when nothing matches and there is no default; blank matches blank", () => {
    expect(run("SWITCH(3, 1, 'one', 2, 'two')")).toBeNull();
    expect(run("SWITCH({S}, '', 'empty', 'full')", { S: null })).toBe("empty");
  });

  it("propagates an error in the expression or a pattern it reaches, not in results it skips", () => {
    expect(code(run("SWITCH(1/0, 1, 'a')"))).toBe("#DIV/0!");
    expect(code(run("SWITCH(2, {Missing}, 'a', 2, 'b')"))).toBe("#REF!");
    expect(run("SWITCH(2, 1, 1/0, 2, 'b')")).toBe("b");
  });
});

describe("AND / OR / NOT", () => {
  it("combine logical values, lists taken apart", () => {
    expect(run("AND(TRUE, 1, 'yes')")).toBe(true);
    expect(run("AND(TRUE, 0)")).toBe(false);
    expect(run("OR(FALSE, 0, 'x')")).toBe(true);
    expect(run("OR(FALSE, 0)")).toBe(false);
    expect(run("NOT(TRUE)")).toBe(false);
    expect(run("AND({Flags})", { Flags: [true, true] })).toBe(true);
    expect(run("OR({Flags})", { Flags: [false, false] })).toBe(false);
    expect(run("AND('FALSE')")).toBe(false);
  });

  it("read blank as false", () => {
    expect(run("AND(TRUE, {X})", { X: null })).toBe(false);
    expect(run("OR({X}, {X})", { X: null })).toBe(false);
    expect(run("NOT({X})", { X: null })).toBe(true);
  });

  it("propagate errors", () => {
    expect(code(run("AND(TRUE, 1/0)"))).toBe("#DIV/0!");
    expect(code(run("OR(TRUE, {Missing})"))).toBe("#REF!");
    expect(code(run("NOT(NOPE())"))).toBe("#NAME!");
  });
});

describe("BLANK", () => {
  it("is an empty value: blank in text, 0 in arithmetic", () => {
    expect(run("BLANK()")).toBeNull();
    expect(run("BLANK() & 'x'")).toBe("x");
    expect(run("BLANK() + 2")).toBe(2);
    expect(code(run("BLANK(1)"))).toBe("#VALUE!");
  });
});

import { describe, expect, it } from "vitest";
import { code, run } from "../testing";

const blank = { X: null };

describe("ROUND / ROUNDUP / ROUNDDOWN", () => {
  it("round half away from zero on the decimal value, as Excel does", () => {
    expect(run("ROUND(2.345, 2)")).toBe(2.35);
    expect(run("ROUND(1.005, 2)")).toBe(1.01);
    expect(run("ROUND(2.5, 0)")).toBe(3);
    expect(run("ROUND(-2.5, 0)")).toBe(-3);
    expect(run("ROUND(1234.5678, -2)")).toBe(1200);
    expect(run("ROUND(2.5)")).toBe(3);
    expect(run("ROUND(1e-7, 8)")).toBe(1e-7);
    expect(run("ROUND(2.5, 0.9)")).toBe(3);
    expect(run("ROUND(123.456, 400)")).toBe(123.456);
  });

  it("round up away from zero and down toward zero", () => {
    expect(run("ROUNDUP(2.341, 2)")).toBe(2.35);
    expect(run("ROUNDUP(-2.341, 2)")).toBe(-2.35);
    expect(run("ROUNDUP(0.1 + 0.2, 1)")).toBe(0.3);
    expect(run("ROUNDDOWN(2.349, 2)")).toBe(2.34);
    expect(run("ROUNDDOWN(-2.349, 2)")).toBe(-2.34);
    expect(run("ROUNDDOWN(1999, -3)")).toBe(1000);
  });

  it("read blank as 0", () => {
    expect(run("ROUND({X}, 2)", blank)).toBe(0);
    expect(run("ROUNDUP(1.21, {X})", blank)).toBe(2);
    expect(run("ROUNDDOWN({X})", blank)).toBe(0);
  });

  it("propagate errors and refuse text", () => {
    expect(code(run("ROUND(1/0, 2)"))).toBe("#DIV/0!");
    expect(code(run("ROUNDUP('abc', 1)"))).toBe("#VALUE!");
    expect(code(run("ROUNDDOWN({Missing}, 1)"))).toBe("#REF!");
  });
});

describe("INT", () => {
  it("rounds down to a whole number", () => {
    expect(run("INT(2.7)")).toBe(2);
    expect(run("INT(-2.5)")).toBe(-3);
    expect(run("INT({X})", blank)).toBe(0);
    expect(code(run("INT('x')"))).toBe("#VALUE!");
    expect(code(run("INT(1/0)"))).toBe("#DIV/0!");
  });
});

describe("MOD", () => {
  it("gives a remainder with the divisor's sign", () => {
    expect(run("MOD(7, 3)")).toBe(1);
    expect(run("MOD(-7, 3)")).toBe(2);
    expect(run("MOD(7, -3)")).toBe(-2);
    expect(run("MOD(-4, 2)")).toBe(0);
    expect(run("MOD(5.5, 2)")).toBe(1.5);
  });

  it("reads blank as 0, so a blank divisor is #DIV/0!", () => {
    expect(run("MOD({X}, 3)", blank)).toBe(0);
    expect(run("MOD(3, {X})", blank)).toEqual({ error: "#DIV/0!", message: "MOD by zero" });
  });

  it("propagates errors", () => {
    expect(code(run("MOD({Missing}, 2)"))).toBe("#REF!");
  });
});

describe("ABS", () => {
  it("drops the sign", () => {
    expect(run("ABS(-3.5)")).toBe(3.5);
    expect(run("ABS({X})", blank)).toBe(0);
    expect(code(run("ABS('x')"))).toBe("#VALUE!");
    expect(code(run("ABS(NOPE())"))).toBe("#NAME!");
  });
});

describe("POWER", () => {
  it("raises to a power", () => {
    expect(run("POWER(2, 10)")).toBe(1024);
    expect(run("POWER(4, 0.5)")).toBe(2);
    expect(run("POWER(-2, 3)")).toBe(-8);
    expect(run("POWER({X}, 2)", blank)).toBe(0);
    expect(run("POWER(5, {X})", blank)).toBe(1);
  });

  it("is an error where the power is undefined, and propagates errors", () => {
    expect(code(run("POWER(0, -1)"))).toBe("#DIV/0!");
    expect(code(run("POWER(0, 0)"))).toBe("#VALUE!");
    expect(run("POWER(-8, 1/3)")).toEqual({ error: "#VALUE!", message: "A negative number to a fractional power" });
    expect(code(run("POWER(1/0, 2)"))).toBe("#DIV/0!");
  });
});

describe("SQRT", () => {
  it("takes a square root", () => {
    expect(run("SQRT(16)")).toBe(4);
    expect(run("SQRT({X})", blank)).toBe(0);
    expect(run("SQRT(-1)")).toEqual({ error: "#VALUE!", message: "SQRT of a negative number" });
    expect(code(run("SQRT({Missing})"))).toBe("#REF!");
  });
});

import { describe, expect, it } from "vitest";
import { accept, suggest } from "./formula-suggest";

const COLUMNS = ["Status", "Stage", "First Name", "Price {USD}"];

describe("formula editor suggestions", () => {
  it("offers columns after an open brace, the ones starting with what was typed first", () => {
    const s = suggest("IF({st", 6, COLUMNS)!;
    expect(s.items.map((i) => i.label)).toEqual(["Status", "Stage", "First Name"]);
    expect(accept("IF({st", s, s.items[0]!)).toEqual({ text: "IF({Status}", caret: 11 });
  });

  it("replaces a closing brace already typed, and escapes one inside a name", () => {
    const s = suggest("{Pri}", 4, COLUMNS)!;
    expect(accept("{Pri}", s, s.items[0]!).text).toBe("{Price {USD\\}}");
  });

  it("offers functions while a word is typed, with their signatures", () => {
    const s = suggest("1 + rou", 7, COLUMNS)!;
    expect(s.items.map((i) => i.label)).toEqual(["ROUND", "ROUNDDOWN", "ROUNDUP"]);
    expect(s.items[0]!.detail).toMatch(/^ROUND\(/);
    expect(accept("1 + rou", s, s.items[0]!)).toEqual({ text: "1 + ROUND(", caret: 10 });
  });

  it("offers nothing inside text, after a closed reference, or for a word nothing matches", () => {
    expect(suggest('"rou', 4, COLUMNS)).toBeNull();
    expect(suggest("{Status} ", 9, COLUMNS)).toBeNull();
    expect(suggest("zzz", 3, COLUMNS)).toBeNull();
    expect(suggest("{zzz", 4, COLUMNS)).toBeNull();
  });
});

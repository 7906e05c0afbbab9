import { describe, expect, it } from "vitest";
import { RowIds } from "./row-ids";

describe("row ids made by the room", () => {
  it("sort in the order they were made, within a millisecond and across a clock going back", () => {
    const ids = new RowIds();
    const made = [
      ...Array.from({ length: 2000 }, () => ids.next(1_700_000_000_000)),
      ids.next(1_700_000_000_001),
      ids.next(1_600_000_000_000),
    ];
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    for (const id of made) expect(id).toMatch(/^r[0-9a-z]{12}[0-9a-f]{4}$/);
  });

  it("move on to the next millisecond when one holds more than a counter can tell apart", () => {
    const ids = new RowIds();
    const made = Array.from({ length: 36 ** 3 + 2 }, () => ids.next(1_700_000_000_000));
    expect([...made].sort()).toEqual(made);
    expect(made.at(-1)!.slice(1, 10)).toBe((1_700_000_000_001).toString(36).padStart(9, "0"));
  });
});

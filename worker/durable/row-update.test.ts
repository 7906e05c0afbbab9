import { describe, expect, it } from "vitest";
import { rowUpdateCells } from "./row-update";

const order = ["draft", "sent", "delivered", "opened", "clicked"] as const;

describe("rowUpdateCells", () => {
  it("adds to counters, treating an empty cell as 0", () => {
    expect(rowUpdateCells({ opens: 2 }, { add: { opens: 1, clicks: 1 } })).toEqual({ opens: 3, clicks: 1 });
  });

  it("fills a cell only while it is empty", () => {
    expect(rowUpdateCells({ first: "2026-01-01" }, { setIfEmpty: { first: "2026-02-02" } })).toEqual({});
    expect(rowUpdateCells({ first: "" }, { setIfEmpty: { first: "2026-02-02" } })).toEqual({ first: "2026-02-02" });
  });

  it("raises a number to a floor, after what `add` wrote", () => {
    expect(rowUpdateCells({ opens: 0 }, { atLeast: { opens: 1 } })).toEqual({ opens: 1 });
    expect(rowUpdateCells({ opens: 4 }, { atLeast: { opens: 1 } })).toEqual({});
    expect(rowUpdateCells({ opens: 0 }, { add: { opens: 2 }, atLeast: { opens: 1 } })).toEqual({ opens: 2 });
  });

  it("moves a status forward along its order, never back", () => {
    const advance = (now: string, to: string) =>
      rowUpdateCells({ status: now }, { advance: { columnId: "status", order, to } });
    expect(advance("sent", "opened")).toEqual({ status: "opened" });
    expect(advance("clicked", "delivered")).toEqual({});
    expect(advance("opened", "opened")).toEqual({});
    expect(advance("something else", "sent")).toEqual({ status: "sent" });
  });
});

import { describe, expect, it } from "vitest";
import type { ColumnDef } from "../../schema/tables";
import { orderParams } from "./row-order";

const columns = [
  { id: "c1", name: "Dealer", type: "text", options: {} },
  { id: "c2", name: "Miles", type: "number", options: {} },
] as ColumnDef[];

describe("windowed grid — the order's query", () => {
  it("sends the view's sorts and filters in order, skipping columns that are gone", () => {
    const params = orderParams(
      {
        sorts: [
          { columnId: "c2", direction: "desc" },
          { columnId: "gone", direction: "asc" },
        ],
        filters: [
          { columnId: "c1", op: "contains", value: "ford:lincoln" },
          { columnId: "gone", op: "empty", value: "" },
        ],
      },
      columns,
    );
    expect(params.getAll("sort")).toEqual(["c2:desc"]);
    expect(params.getAll("filter")).toEqual(["c1:contains:ford:lincoln"]);
  });

  it("is empty for manual order", () => {
    expect(orderParams({ sorts: [], filters: [] }, columns).toString()).toBe("");
  });
});

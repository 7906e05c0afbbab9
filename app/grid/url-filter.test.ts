import { describe, expect, it } from "vitest";
import type { ColumnDef } from "../../schema/tables";
import { filterFromParam, filterParam } from "./url-filter";

const columns = [
  { id: "c1", name: "Lead status", type: "status", options: { key: "leadStatus" } },
  { id: "c2", name: "Published", type: "datetime", options: { key: "published" } },
  { id: "c3", name: "Notes", type: "text", options: {} },
] as unknown as ColumnDef[];

describe("a filter in the table page's URL", () => {
  it("round-trips a dashboard link's filter into the grid's filter on that column", () => {
    const param = filterParam({ columnKey: "leadStatus", op: "isAnyOf", value: ["qualified", "site generated"] });
    expect(param).toBe("leadStatus:isAnyOf:qualified,site generated");
    expect(filterFromParam(param, columns)).toEqual({ columnId: "c1", op: "anyof", value: "qualified,site generated" });
    expect(filterFromParam(filterParam({ columnKey: "published", op: "notEmpty" }), columns)).toEqual({
      columnId: "c2",
      op: "notempty",
      value: "",
    });
  });

  it("keeps colons inside the value", () => {
    expect(filterFromParam("leadStatus:is:a:b", columns)?.value).toBe("a:b");
  });

  it("ignores a missing, malformed or unknown-column filter", () => {
    expect(filterFromParam(null, columns)).toBeNull();
    expect(filterFromParam("leadStatus", columns)).toBeNull();
    expect(filterFromParam("leadStatus:drop:x", columns)).toBeNull();
    expect(filterFromParam("gone:is:x", columns)).toBeNull();
  });
});

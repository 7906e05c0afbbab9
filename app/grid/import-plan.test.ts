import { describe, expect, it } from "vitest";
import type { ColumnDef } from "../../schema/tables";
import { autoMapping, detectType, planImport } from "./import-plan";

const columns: ColumnDef[] = [
  { id: "c1", name: "Dealer Name", type: "text", options: {} },
  { id: "c2", name: "Miles", type: "number", options: {} },
];

describe("CSV import planning", () => {
  it("matches headers to columns by name, ignoring case, spaces and underscores", () => {
    expect(autoMapping(["dealer_name", "MILES", "Phone"], columns)).toEqual({
      dealer_name: { kind: "existing", columnId: "c1" },
      MILES: { kind: "existing", columnId: "c2" },
      Phone: { kind: "new" },
    });
  });

  it("converts values by column type and reports the ones that do not fit", () => {
    const byHeader: Record<string, ColumnDef> = { Name: columns[0]!, Miles: columns[1]! };
    const plan = planImport(
      [
        { Name: "Austin Ford", Miles: "12.5", Ignored: "x" },
        { Name: "Lone Star Honda", Miles: "far" },
      ],
      (h) => byHeader[h] ?? null,
      null,
    );
    expect(plan.rows).toEqual([{ c1: "Austin Ford", c2: 12.5 }, { c1: "Lone Star Honda" }]);
    expect(plan.problems).toEqual(["Row 3, Miles: Enter a number (“far”)"]);
  });

  it("skips duplicates of the key column, in the table and within the file", () => {
    const plan = planImport(
      [{ Name: "Austin Ford" }, { Name: "austin ford " }, { Name: "Hill Country Ford" }, { Name: "Existing Motors" }],
      () => columns[0]!,
      { columnId: "c1", existingKeys: new Set(["existing motors"]) },
    );
    expect(plan.rows.map((r) => r.c1)).toEqual(["Austin Ford", "Hill Country Ford"]);
    expect(plan.duplicates).toBe(2);
  });

  it("guesses a new column's type from all of its values", () => {
    expect(detectType(["12", "1,250", "", "-3.5"])).toBe("number");
    expect(detectType(["$1,200", "$85"])).toBe("currency");
    expect(detectType(["12%", "3.5%"])).toBe("percent");
    expect(detectType(["yes", "No", "TRUE"])).toBe("checkbox");
    expect(detectType(["2024-03-01", "3/1/2024"])).toBe("date");
    expect(detectType(["2024-03-01T10:00:00Z"])).toBe("datetime");
    expect(detectType(["sales@austinford.com"])).toBe("email");
    expect(detectType(["https://austinford.com", "www.bayouford.com"])).toBe("url");
    expect(detectType(["(512) 555-0100", "+1 512 555 0199"])).toBe("phone");
    expect(detectType(["12", "twelve"])).toBe("text");
    expect(detectType(["a".repeat(201)])).toBe("longText");
    expect(detectType(["", " "])).toBe("text");
  });
});

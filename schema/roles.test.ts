import { describe, expect, it } from "vitest";
import { can, roleAtLeast } from "./roles";

describe("roles — what each role may do", () => {
  it("lets a viewer read but not write or manage", () => {
    expect([can("viewer", "read"), can("viewer", "write"), can("viewer", "manage")]).toEqual([true, false, false]);
  });
  it("lets an editor read and write but not manage", () => {
    expect([can("editor", "read"), can("editor", "write"), can("editor", "manage")]).toEqual([true, true, false]);
  });
  it("lets an owner do everything", () => {
    expect([can("owner", "read"), can("owner", "write"), can("owner", "manage")]).toEqual([true, true, true]);
  });
  it("orders roles viewer < editor < owner", () => {
    expect(roleAtLeast("editor", "viewer")).toBe(true);
    expect(roleAtLeast("viewer", "editor")).toBe(false);
    expect(roleAtLeast("owner", "owner")).toBe(true);
  });
});

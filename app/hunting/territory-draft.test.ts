import { describe, expect, it } from "vitest";
import { CreateTerritory } from "../../schema/hunting-api";
import { EMPTY_DRAFT, toCreateTerritory } from "./territory-draft";

describe("new territory form — the request it sends", () => {
  it("sends a ZIP territory with the form's default radius and priority, which the API accepts", () => {
    const body = toCreateTerritory({ ...EMPTY_DRAFT, query: " plumber ", zip: "78701 " });
    expect(body).toEqual({ query: "plumber", location: { zip: "78701" }, radiusMiles: 10, priority: 5 });
    expect(CreateTerritory.safeParse(body).success).toBe(true);
  });

  it("sends a city with its state in capitals, and only the fields of the chosen kind", () => {
    const body = toCreateTerritory({
      ...EMPTY_DRAFT,
      query: "bakery",
      kind: "city",
      city: "Reno",
      state: "nv",
      zip: "1",
    });
    expect(body.location).toEqual({ city: "Reno", state: "NV" });
    expect(CreateTerritory.safeParse(body).success).toBe(true);
  });

  it("sends an address and leaves out emptied numbers so the API's defaults apply", () => {
    const body = toCreateTerritory({
      ...EMPTY_DRAFT,
      query: "dentist",
      kind: "address",
      address: "1 Main St, Boise, ID",
      radius: "",
      priority: " ",
    });
    expect(body).toEqual({ query: "dentist", location: { address: "1 Main St, Boise, ID" } });
    expect(CreateTerritory.parse(body)).toMatchObject({ radiusMiles: 10, priority: 5 });
  });

  it("lets the API refuse a priority out of range rather than clamping it", () => {
    const body = toCreateTerritory({ ...EMPTY_DRAFT, query: "plumber", zip: "78701", priority: "11" });
    expect(body.priority).toBe(11);
    expect(CreateTerritory.safeParse(body).success).toBe(false);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BRANDS_FILE, brandsFileText, buildBrands, tradesInUs } from "./build-brands";

type More = { exclude?: string[]; matchNames?: string[]; tags?: Record<string, string> };
const item = (name: string, include: unknown[], { exclude, matchNames, tags }: More = {}) => ({
  displayName: name,
  locationSet: { include, exclude },
  matchNames,
  tags: { brand: name, name, ...tags },
});

describe("build-brands — the chain brand list from the name-suggestion-index", () => {
  it("keeps brands trading in the US, a US state or worldwide, unless the US is excluded", () => {
    expect(tradesInUs({ include: ["us"] })).toBe(true);
    expect(tradesInUs({ include: ["ca", "us"] })).toBe(true);
    expect(tradesInUs({ include: ["us-tx.geojson"] })).toBe(true);
    expect(tradesInUs({ include: ["001"], exclude: ["jp"] })).toBe(true);
    expect(tradesInUs({ include: ["001"], exclude: ["us"] })).toBe(false);
    expect(tradesInUs({ include: ["gb", "fr"] })).toBe(false);
    expect(tradesInUs({ include: ["de-by.geojson", [-97.7, 30.3, 50]] })).toBe(false);
  });

  it("writes normalised names and match names of business categories only, sorted", () => {
    const data = buildBrands({
      _meta: { version: "1.2.3" },
      nsi: {
        "brands/amenity/cafe": {
          items: [
            item("Starbucks", ["001"], { matchNames: ["Starbucks UK"], tags: { cuisine: "coffee_shop" } }),
            item("Costa", ["gb"]),
          ],
        },
        "brands/amenity/atm": { items: [item("Allpoint", ["us"])] },
        "brands/craft/plumber": { items: [item("Mr. Rooter", ["us", "ca"])] },
        "operators/amenity/post_office": { items: [item("USPS", ["us"])] },
      },
    });
    expect(data.source).toBe("name-suggestion-index 1.2.3");
    expect(data.brands.map(([key, name]) => [key, name])).toEqual([
      ["mr rooter", "Mr. Rooter"],
      ["starbucks", "Starbucks"],
      ["starbucks uk", "Starbucks"],
    ]);
    const starbucks = data.brands.find(([key]) => key === "starbucks")!;
    expect(data.trades[starbucks[2]]!.split(" ")).toEqual(expect.arrayContaining(["cafe", "coffee", "shop"]));
  });

  it("the committed brands.generated.json is what the script makes from the installed package", () => {
    // When this fails after upgrading name-suggestion-index, run `npm run build:brands` and commit.
    expect(readFileSync(BRANDS_FILE, "utf8") === brandsFileText()).toBe(true);
  });
});

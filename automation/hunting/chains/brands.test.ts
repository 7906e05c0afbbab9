import { describe, expect, it } from "vitest";
import { brandListInfo, chainByBrand } from "./brands";

describe("chainByBrand — a chain's location by its brand name", () => {
  it.each([
    ["Starbucks", "Starbucks"],
    ["Starbucks Coffee #1234", "Starbucks"],
    ["McDonald's of Austin", "McDonald's"],
    ["The Stand in Round Rock", "The Stand"],
    ["McDonalds", "McDonald's"],
    ["MCDONALD'S", "McDonald's"],
    ["Jiffy Lube 1234", "Jiffy Lube"],
    ["Jiffy Lube Multicare - South Lamar", "Jiffy Lube"],
    ["Target", "Target"],
    ["Target Store T-1234", "Target"],
    ["Subway", "Subway"],
    ["Subway Sandwiches", "Subway"],
    ["Sonic Drive-In", "Sonic"],
    ["Walgreens Pharmacy", "Walgreens"],
    ["Chase Bank", "Chase"],
    ["The Home Depot", "The Home Depot"],
    ["Home Depot", "The Home Depot"],
    ["State Farm: John Smith", "State Farm"],
    ["Allstate Insurance: Jane Doe", "Allstate"],
    ["Domino's Pizza", "Domino's"],
    ["Mr Rooter Plumbing", "Mr. Rooter"],
    ["Keller Williams Realty Austin", "Keller Williams Realty"],
    ["Great Clips", "Great Clips"],
    ["BP", "BP"],
    ["Lucky", "Lucky"],
  ])("flags %s as the brand %s", (name, brand) => {
    expect(chainByBrand(name)).toEqual({ chain: true, reason: `brand: ${brand}` });
  });

  it.each([
    // A brand of one common word starts many local businesses' names: only its own trade,
    // a store number or a place may follow it.
    "Target Plumbing LLC",
    "Subway Tile Co",
    "Joe's Subway Tile Repair",
    "Express Auto Repair",
    "Sonic Plumbing",
    "Ace Plumbing",
    "Edge Salon",
    "Bob's Plumbing",
    // Nor may the most general words of its trade: local shops are named so too.
    "Alpine Auto Repair",
    "Lucky Market",
    "The Joint Pub",
    // "At" and "the" do not make a second word of a brand's name ("At Home", "The Joint").
    "At Home Care Services",
    // A place after "of", "at" or "in" is a town: "Stand-in" is no store of The Stand.
    "Stand-in Plumbing 12",
    "Stand in Plumbing",
    // A brand shorter than four letters matches only a whole name.
    "BP Auto Body & Paint",
    "ABC Plumbing",
    "Lakeside Bakery",
    "Austin Plumbing Co",
    "Golden Dragon",
    "Precision Plumbing",
    "",
  ])("leaves %s alone", (name) => {
    expect(chainByBrand(name)).toEqual({ chain: false, reason: null });
  });

  it("holds thousands of US brand names from the name-suggestion-index", () => {
    const info = brandListInfo();
    expect(info.source).toMatch(/^name-suggestion-index \d/);
    expect(info.names).toBeGreaterThan(4_000);
  });
});

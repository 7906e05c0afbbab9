import { describe, expect, it } from "vitest";
import { DealerRecord } from "../../../schema/discovery";
import { MAKES } from "../../../schema/projects";
import { makesFromName } from "../makes";
import { dealerKeys } from "../select";
import { sampleDirectory, sampleSource } from "./sample";

describe("sampleDirectory — fictional dealers for demos", () => {
  const directory = sampleDirectory();

  it("holds several thousand valid dealers inside the US", () => {
    expect(directory.length).toBe(6000);
    for (const d of directory) {
      expect(DealerRecord.safeParse(d).success).toBe(true);
      expect(d.latitude).toBeGreaterThan(17);
      expect(d.latitude).toBeLessThan(72);
      expect(d.longitude < -64 || d.longitude > 172).toBe(true);
    }
  });

  it("represents every make, mostly as single-make franchises", () => {
    const seen = new Set(directory.flatMap((d) => d.makes));
    expect([...seen].sort()).toEqual([...MAKES].sort());
    const single = directory.filter((d) => d.makes.length === 1).length;
    expect(single / directory.length).toBeGreaterThan(0.6);
    expect(directory.some((d) => d.name.endsWith("Chrysler Dodge Jeep Ram"))).toBe(true);
    expect(directory.some((d) => d.makes.length >= 4 && makesFromName(d.name).length === 0)).toBe(true);
  });

  it("is plainly fictional: 555-01xx phones and .example websites", () => {
    for (const d of directory) {
      expect(d.phone).toMatch(/^\(\d{3}\) 555-01\d\d$/);
      expect(new URL(d.website).hostname).toMatch(/\.example$/);
      expect(d.source).toBe("sample");
    }
  });

  it("gives every dealer its own keys, so de-duplication keeps them all", () => {
    const keys = directory.flatMap(dealerKeys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is the same for the same seed, and cached", () => {
    expect(sampleDirectory(6000, 1)).toBe(directory);
    expect(sampleDirectory(500, 7)).toEqual(sampleDirectory(500, 7));
    expect(sampleDirectory(500, 8)[0]).not.toEqual(sampleDirectory(500, 7)[0]);
  });

  it("searches by radius and make", async () => {
    const found = await sampleSource().search({
      center: { lat: 29.76, lng: -95.37 },
      radiusMiles: 60,
      makes: ["Ford"],
    });
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.makes).toContain("Ford");
  });
});

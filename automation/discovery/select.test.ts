import { describe, expect, it } from "vitest";
import { DealerDirectory } from "./geo";
import { dealerKeys, newDealers, selectDealers } from "./select";
import { dealer } from "./test-data";

const CENTER = { lat: 39.8, lng: -89.65 };
/** Roughly `miles` north of the center (a degree of latitude is 69.09 miles). */
const north = (miles: number) => ({ latitude: CENTER.lat + miles / 69.09, longitude: CENTER.lng });

describe("dealerKeys — what makes two records one dealership", () => {
  it("keys the website host without www, the phone's last ten digits, and name + street", () => {
    expect(
      dealerKeys({
        name: "Larkbrook Toyota",
        address: "1200 Commerce Drive",
        phone: "+1 (217) 555-0100",
        website: "https://WWW.Larkbrook-Toyota.example/new-inventory?x=1",
      }),
    ).toEqual(["web:larkbrook-toyota.example", "tel:2175550100", "addr:larkbrook toyota|1200 commerce dr"]);
  });

  it("leaves out what a record does not have", () => {
    expect(dealerKeys({ name: "Larkbrook Toyota", address: "", phone: "ext 12", website: "" })).toEqual([]);
    expect(dealerKeys({ name: "X", address: "", phone: "", website: "larkbrook.example" })).toEqual([
      "web:larkbrook.example",
    ]);
  });

  it("tells apart sites under paths of one address (local stand-ins), but not pages of one dealer's site", () => {
    const key = (website: string) => dealerKeys({ name: "", address: "", phone: "", website })[0];
    expect(key("http://127.0.0.1:8123/maple-grove-toyota/")).toBe("web:127.0.0.1:8123/maple-grove-toyota");
    expect(key("http://127.0.0.1:8123/harbor-point-honda/contact")).toBe("web:127.0.0.1:8123/harbor-point-honda");
    expect(key("http://localhost:3000/a/")).not.toBe(key("http://localhost:3000/b/"));
    expect(key("https://larkbrook.example/new")).toBe(key("https://www.larkbrook.example/contact-us"));
  });
});

describe("selectDealers — what a project gets", () => {
  const query = { center: CENTER, radiusMiles: 50, makes: ["Toyota" as const, "Honda" as const] };

  it("keeps dealers of a wanted make within the radius, nearest first, with their distance", () => {
    const records = [
      dealer({ name: "Far Toyota", website: "", phone: "", ...north(40) }),
      dealer({ name: "Near Honda", makes: ["Honda"], website: "", phone: "", ...north(5) }),
      dealer({ name: "Too far Toyota", website: "", phone: "", ...north(60) }),
      dealer({ name: "Near Ford", makes: ["Ford"], website: "", phone: "", ...north(1) }),
      dealer({ name: "No makes", makes: [], website: "", phone: "", ...north(1) }),
    ];
    const picked = selectDealers(records, query);
    expect(picked.map((d) => d.name)).toEqual(["Near Honda", "Far Toyota"]);
    expect(picked[0]!.distanceMiles).toBeCloseTo(5, 1);
  });

  it("keeps every make of a multi-make dealer", () => {
    const group = dealer({ makes: ["Chrysler", "Dodge", "Jeep", "Ram"], ...north(3) });
    expect(selectDealers([group], { ...query, makes: ["Jeep"] })[0]!.makes).toEqual([
      "Chrysler",
      "Dodge",
      "Jeep",
      "Ram",
    ]);
  });

  it("answers the same from a directory as from a list", () => {
    const records = Array.from({ length: 300 }, (_, i) =>
      dealer({
        name: `D${i}`,
        phone: `217555${String(1000 + i)}`,
        website: "",
        makes: i % 3 ? ["Toyota"] : ["Kia"],
        ...north(i / 3),
      }),
    );
    expect(selectDealers(new DealerDirectory(records), query)).toEqual(selectDealers(records, query));
  });

  it("keeps the nearest of records that are one dealership", () => {
    const near = dealer({ name: "Larkbrook Toyota", sourceId: "near", ...north(2) });
    const far = dealer({
      name: "Larkbrook Toyota of Springfield",
      phone: "",
      address: "",
      sourceId: "far",
      ...north(9),
    });
    expect(selectDealers([far, near], query).map((d) => d.sourceId)).toEqual(["near"]);
  });
});

describe("newDealers — only dealerships the project does not have", () => {
  const existing = dealer();
  const known = new Set(dealerKeys(existing));

  it("drops a candidate sharing the website host", () => {
    const same = dealer({
      name: "Other",
      phone: "",
      address: "",
      website: "http://www.larkbrook-toyota.example/about",
    });
    expect(newDealers([same], known)).toEqual([]);
  });

  it("drops a candidate sharing the phone number", () => {
    const same = dealer({ name: "Other", website: "", address: "", phone: "1-217-555-0100" });
    expect(newDealers([same], known)).toEqual([]);
  });

  it("drops a candidate with the same name at the same street address", () => {
    const same = dealer({ name: "LARKBROOK TOYOTA", website: "", phone: "", address: "1200 Commerce Dr." });
    expect(newDealers([same], known)).toEqual([]);
  });

  it("keeps a different dealership and dedupes within the batch", () => {
    const other = dealer({
      name: "Quillmoor Honda",
      website: "https://quillmoor.example",
      phone: "2175550199",
      address: "9 Main St",
    });
    const again = { ...other, name: "Quillmoor Honda (2)" };
    expect(newDealers([other, again], known)).toEqual([other]);
    expect(known.size).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { BusinessRecord } from "../../schema/hunting";
import { businessKeys, mergeBusinesses } from "./dedupe";

const business = (fields: Partial<BusinessRecord> & { name: string }): BusinessRecord =>
  BusinessRecord.parse({ source: "outscraper", ...fields });

/** A Businesses row: a record plus what people wrote on it. */
type Row = BusinessRecord & { notes: string; leadStatus: string };
const row = (fields: Partial<BusinessRecord> & { name: string }, people: Partial<Row> = {}): Row => ({
  ...business(fields),
  notes: "",
  leadStatus: "new",
  ...people,
});

/** The table after a merge: patches applied to existing rows, new rows after them. */
function apply(existing: Row[], found: BusinessRecord[]) {
  const result = mergeBusinesses(existing, found);
  const table: BusinessRecord[] = existing.map((r) => ({ ...r }));
  for (const { index, patch } of result.updates) Object.assign(table[index]!, patch);
  return { ...result, table: [...table, ...result.added] };
}

describe("businessKeys", () => {
  it("keys a business by place id, host with phone or street, phone, and name at its street", () => {
    const keys = businessKeys(
      business({
        name: "Joe's Plumbing",
        placeId: "ChIJ1",
        website: "https://www.joes.com/x",
        phone: "+1 (512) 555-0147",
        address: "12 Oak Drive",
      }),
    );
    expect(keys).toEqual([
      "place:ChIJ1",
      "web:joes.com|tel:5125550147",
      "web:joes.com|addr:12 oak dr",
      "tel:5125550147",
      "addr:joe s plumbing|12 oak dr",
    ]);
  });

  it("never keys by a social host", () => {
    const keys = businessKeys(
      business({ name: "Joe's", website: "https://facebook.com/joes", phone: "5125550147", address: "1 Main St" }),
    );
    expect(keys.some((key) => key.includes("facebook"))).toBe(false);
  });
});

describe("mergeBusinesses — one row per business", () => {
  it("matches by place id even when everything else changed", () => {
    const existing = [row({ name: "Joe's Plumbing", placeId: "ChIJ1", phone: "512 555 0147" })];
    const { updates, added, targets } = apply(existing, [
      business({ name: "Joe's Plumbing & Heating", placeId: "ChIJ1", phone: "512 555 9999" }),
    ]);
    expect(added).toEqual([]);
    expect(targets).toEqual([{ kind: "existing", index: 0 }]);
    expect(updates).toEqual([]);
  });

  it("keeps two places with different place ids apart even when they share a phone", () => {
    const existing = [row({ name: "Clinic A", placeId: "ChIJ1", phone: "512 555 0147" })];
    const { added } = apply(existing, [business({ name: "Clinic B", placeId: "ChIJ2", phone: "512 555 0147" })]);
    expect(added.map((b) => b.name)).toEqual(["Clinic B"]);
  });

  it("matches a CSV row without a place id by phone, and gives it the place id a scrape finds", () => {
    const existing = [row({ name: "Joe's", phone: "(512) 555-0147", source: "csv" })];
    const { table, added } = apply(existing, [
      business({
        name: "Joe's Plumbing",
        placeId: "ChIJ1",
        phone: "+15125550147",
        mapsUrl: "https://maps.google.com/?cid=1",
      }),
    ]);
    expect(added).toEqual([]);
    expect(table[0]).toMatchObject({ name: "Joe's", placeId: "ChIJ1", mapsUrl: "https://maps.google.com/?cid=1" });
  });

  it("matches a record without a place id to a row that has one, in a batch where others have place ids", () => {
    const existing = [row({ name: "Joe's Plumbing", placeId: "ChIJ1", phone: "512 555 0147" })];
    const { added, targets } = apply(existing, [
      business({ name: "Ann's Bakery", placeId: "ChIJ2" }),
      business({ name: "Joe's", phone: "(512) 555-0147", source: "csv" }),
    ]);
    expect(added.map((b) => b.name)).toEqual(["Ann's Bakery"]);
    expect(targets[1]).toEqual({ kind: "existing", index: 0 });
  });

  it("keeps chain locations that share a domain apart, and joins the same location by host and street", () => {
    const existing = [
      row({
        name: "Roto-Rooter",
        website: "https://www.rotorooter.com/austin",
        phone: "512 555 0100",
        address: "1 Congress Ave",
      }),
    ];
    const { added, targets } = apply(existing, [
      business({
        name: "Roto-Rooter",
        website: "https://rotorooter.com/dallas",
        phone: "214 555 0100",
        address: "9 Elm St",
      }),
      business({
        name: "Roto Rooter Plumbing",
        website: "rotorooter.com",
        phone: "800 555 0199",
        address: "1 Congress Avenue",
      }),
    ]);
    expect(added.map((b) => b.address)).toEqual(["9 Elm St"]);
    expect(targets[1]).toEqual({ kind: "existing", index: 0 });
  });

  it("keeps businesses whose only shared thing is a Facebook host apart", () => {
    const existing = [row({ name: "Joe's", website: "https://facebook.com/joes", phone: "512 555 0147" })];
    const { added } = apply(existing, [
      business({ name: "Ann's", website: "https://facebook.com/anns", phone: "512 555 0999" }),
    ]);
    expect(added).toHaveLength(1);
  });

  it("matches by name at the same street when nothing else is known", () => {
    const existing = [row({ name: "Joe's Café", address: "12 Oak Drive", source: "overpass" })];
    const { added } = apply(existing, [business({ name: "JOE'S CAFE", address: "12 Oak Dr.", source: "csv" })]);
    expect(added).toEqual([]);
  });

  it("updates facts on a re-scrape without touching notes, lead status or a manual email", () => {
    const existing = [
      row(
        {
          name: "Joe's",
          placeId: "ChIJ1",
          rating: 4.2,
          reviews: 80,
          email: "joe@personal.example",
          emailSource: "manual",
          website: "joes.example",
        },
        { notes: "Call after 5pm", leadStatus: "pitched" },
      ),
    ];
    const { table, updates } = apply(existing, [
      business({
        name: "Joe's",
        placeId: "ChIJ1",
        rating: 4.6,
        reviews: 120,
        status: "closed",
        email: "info@joes.example",
        emailSource: "provider",
        website: "https://other.example",
      }),
    ]);
    expect(table[0]).toMatchObject({
      rating: 4.6,
      reviews: 120,
      status: "closed",
      email: "joe@personal.example",
      emailSource: "manual",
      website: "joes.example",
      notes: "Call after 5pm",
      leadStatus: "pitched",
    });
    expect(Object.keys(updates[0]!.patch).sort()).toEqual(["rating", "reviews", "status"]);
  });

  it("fills a blank email and blank phone, and keeps a rating the new scrape does not know", () => {
    const existing = [row({ name: "Joe's", placeId: "ChIJ1", rating: 4.7 })];
    const { table } = apply(existing, [
      business({
        name: "Joe's",
        placeId: "ChIJ1",
        rating: null,
        phone: "512 555 0147",
        email: "info@joes.example",
        emailSource: "review",
      }),
    ]);
    expect(table[0]).toMatchObject({
      rating: 4.7,
      phone: "512 555 0147",
      email: "info@joes.example",
      emailSource: "review",
    });
  });

  it("adds a business found twice in one scrape once, pointing both finds at it", () => {
    const { added, targets } = apply(
      [],
      [
        business({ name: "Joe's", placeId: "ChIJ1", rating: 4.1 }),
        business({ name: "Joe's", placeId: "ChIJ1", rating: 4.3 }),
      ],
    );
    expect(added).toHaveLength(1);
    expect(added[0]!.rating).toBe(4.3);
    expect(targets).toEqual([
      { kind: "added", index: 0 },
      { kind: "added", index: 0 },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { DiscoveryError } from "../../discovery/errors";
import { greatCircleMiles } from "../../discovery/geo";
import { csvBusinessSource, parseBusinessCsv } from "./csv";

const HEADER = "Name,Category,Address,City,State,ZIP,Phone,Website,Email,Rating,Reviews,Place ID,Latitude,Longitude";
const AUSTIN = { lat: 30.2672, lng: -97.7431 };
const search = { query: "plumber", center: AUSTIN, radiusMiles: 10, limit: 20, enrich: false };

describe("parseBusinessCsv — a list of local businesses the user uploads", () => {
  it("reads every column under its usual names, whatever the case and spacing", () => {
    const { records, errors } = parseBusinessCsv(
      [
        "Business Name, TYPE ,street,city,state,postal_code,phone number,site,E-mail,stars,review_count,Google Place ID,lat,lng",
        'Hazel Plumbing,Plumber,12 Main St,Austin,TX,78701,(512) 555-0100,facebook.com/hazelplumbing,Info@Hazel.example,4.7,"1,204",ChIJabc,30.27,-97.74',
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        name: "Hazel Plumbing",
        category: "Plumber",
        address: "12 Main St",
        city: "Austin",
        state: "TX",
        zip: "78701",
        latitude: 30.27,
        longitude: -97.74,
        phone: "(512) 555-0100",
        website: "https://facebook.com/hazelplumbing",
        email: "info@hazel.example",
        emailSource: "manual",
        rating: 4.7,
        reviews: 1204,
        placeId: "ChIJabc",
        mapsUrl: "",
        status: "operational",
        providerChain: null,
        source: "csv",
        reviewTexts: [],
      },
    ]);
  });

  it("reads a Google Maps scraper's export (title, categoryName, totalScore, reviewsCount, location/lat)", () => {
    const { records } = parseBusinessCsv(
      "title,categoryName,totalScore,reviewsCount,placeId,location/lat,location/lng\nWren Bakery,Bakery,4.5,100,ChIJw,30.3,-97.7",
    );
    expect(records[0]).toMatchObject({
      name: "Wren Bakery",
      category: "Bakery",
      rating: 4.5,
      reviews: 100,
      placeId: "ChIJw",
      latitude: 30.3,
      longitude: -97.7,
    });
  });

  it("places a row without coordinates at its ZIP centroid, and keeps one with no place at all", () => {
    const { records, errors } = parseBusinessCsv(`${HEADER}\nBy Zip,,,,,90210,,,,,,,,\nNowhere Cafe,Cafe,,,,,,,,,,,,`);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ latitude: 34.0901, longitude: -118.4065 });
    expect(records[1]).toMatchObject({ name: "Nowhere Cafe", latitude: null, longitude: null, emailSource: null });
  });

  it("skips unreadable rows by line, and keeps rows whose extra cells are wrong without those cells", () => {
    const { records, errors } = parseBusinessCsv(
      [
        HEADER,
        ",Plumber,,,,78701,,,,,,,,",
        "Good One,,,,,78701,,,,,,,,",
        "",
        'Bad Lat,,,,,,,,,,,,"ninety",-97',
        "Half,,,,,,,,,,,,30.2,",
        "Odd Zip,,,,,00000,,,,,,,,",
        "Odd Cells,,,,,,,,not-an-email,4.5 stars,12.5,,,",
        "Last One,,,,,,,,,5,0,,30.2,-97.7",
      ].join("\r\n"),
    );
    expect(records.map((r) => r.name)).toEqual(["Good One", "Odd Zip", "Odd Cells", "Last One"]);
    expect(records[2]).toMatchObject({ email: "", emailSource: null, rating: null, reviews: null });
    expect(records[3]).toMatchObject({ rating: 5, reviews: 0 });
    expect(errors).toEqual([
      { line: 2, message: "has no name" },
      { line: 5, message: 'latitude "ninety" is not a number between -90 and 90' },
      { line: 6, message: "has only one of latitude and longitude" },
      { line: 7, message: "ZIP code 00000 is not a US ZIP code we know; the business is kept without a place" },
      { line: 8, message: 'email "not-an-email" is not an address; the business is kept without it' },
      { line: 8, message: 'rating "4.5 stars" is not a number between 0 and 5; the business is kept without it' },
      { line: 8, message: 'reviews "12.5" is not a whole number; the business is kept without it' },
    ]);
  });

  it("keeps formula-looking and markup cells as inert text and cuts very long cells", () => {
    const { records } = parseBusinessCsv(
      [
        HEADER,
        '"=HYPERLINK(""http://evil.example"",""click"")",+cmd|calc,"<script>alert(1)</script>",,,,@SUM(A1),javascript:alert(1),,,,,,',
        `"Tab\tand\u0000nul Bakery",,,,,,,,,,,,,`,
        `"${"Long ".repeat(2_000)}Bakery",,,,,,,,,,,,,`,
      ].join("\n"),
    );
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      name: '=HYPERLINK("http://evil.example","click")',
      category: "+cmd|calc",
      address: "<script>alert(1)</script>",
      phone: "@SUM(A1)",
      website: "",
    });
    expect(records[1]!.name).toBe("Tab and nul Bakery");
    expect(records[2]!.name.length).toBe(300);
  });

  it("reports broken quotes on their line instead of reading the rest of the file as a name", () => {
    const { records, errors } = parseBusinessCsv(
      [
        HEADER,
        `Joe's 12" Pipes,Plumber,,,,,,,,,,,,`,
        '"Bad "quoted" Cafe",Cafe,,,,,,,,,,,,',
        "First Cafe,Cafe,,,,,,,,,,,,",
        '"Broken Cafe,Cafe,,,,,,,,,,,,',
        "Lost Cafe,Cafe,,,,,,,,,,,,",
      ].join("\n"),
    );
    expect(records.map((r) => r.name)).toEqual([`Joe's 12" Pipes`, "First Cafe"]);
    expect(errors).toEqual([
      { line: 3, message: 'has a quote inside a quoted cell that is not doubled (write "" for a quote)' },
      {
        line: 5,
        message: "opens a quote that is never closed, so the rest of the file was one cell; close the quote",
      },
    ]);
  });

  it("names the columns it expects when the file has no name column, or nothing at all", () => {
    const read = () => parseBusinessCsv("id,phone,city\n1,555,Austin");
    expect(read).toThrow(DiscoveryError);
    expect(read).toThrow(
      'The CSV has no "name" column: its first row should name the columns name, category, address, city, state, zip, phone, website, email, rating, reviews, place_id, latitude, longitude',
    );
    expect(() => parseBusinessCsv("\n\n")).toThrow(/The CSV is empty/);
  });

  it("reads a 20 MB upload up to its row cap and says where it stopped", () => {
    const row = `Wren Plumbing ${"x".repeat(40)},Plumber,12 Main St,Austin,TX,78701,(512) 555-0100,,,4.5,10,,30.27,-97.74`;
    const lines = Math.ceil(20_000_000 / (row.length + 1));
    const text = `${HEADER}\n${`${row}\n`.repeat(lines)}`;
    expect(text.length).toBeGreaterThanOrEqual(20_000_000);
    const started = performance.now();
    const { records, errors } = parseBusinessCsv(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(records).toHaveLength(100_000);
    expect(errors).toEqual([{ line: 100_002, message: "only the first 100,000 businesses are read" }]);
  });

  it("reads a 20 MB single cell without keeping it whole", () => {
    const { records } = parseBusinessCsv(`${HEADER}\n"${"a".repeat(20_000_000)}",,,,,,,,,,,,,`);
    expect(records[0]!.name).toHaveLength(300);
  });
});

describe("csvBusinessSource — an upload searched for a territory", () => {
  const source = csvBusinessSource(
    [
      HEADER,
      "Near Plumbing,,,,,,,,,,,,30.28,-97.75",
      "Far Plumbing,Plumber,,,,,,,,,,,32.78,-96.8",
      "Zip Plumbing,Plumber,,,,78701,,,,,,,,",
      "Placeless Plumbing,Plumber,,,,,,,,,,,,",
      ",no name,,,,,,,,,,,,",
    ].join("\n"),
  );

  it("keeps the rows inside the circle and those without a place, and fills a missing category", async () => {
    expect(source.source).toBe("csv");
    expect(source.errors).toEqual([{ line: 6, message: "has no name" }]);
    const found = await source.search(search);
    expect(found.records.map((r) => [r.name, r.category])).toEqual([
      ["Near Plumbing", "plumber"],
      ["Zip Plumbing", "Plumber"],
      ["Placeless Plumbing", "Plumber"],
    ]);
    expect(found).toMatchObject({ costUsd: null, full: false });
    const dallas = { lat: 32.78, lng: -96.8 };
    expect(greatCircleMiles(AUSTIN, dallas)).toBeGreaterThan(150);
    const wide = await source.search({ ...search, radiusMiles: 200 });
    expect(wide.records).toHaveLength(4);
  });

  it("returns every row even past the search's limit, since tiles would read the same file", async () => {
    const found = await source.search({ ...search, radiusMiles: 200, limit: 1 });
    expect(found.records).toHaveLength(4);
    expect(found.full).toBe(false);
  });
});

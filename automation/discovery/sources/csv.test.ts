import { describe, expect, it } from "vitest";
import { DiscoveryError } from "../errors";
import { csvSource, parseDealerCsv } from "./csv";

const HEADER = "Name,Makes,Address,City,State,ZIP,Phone,Website,Latitude,Longitude";

describe("parseDealerCsv — an uploaded dealer list", () => {
  it("reads rows with any header case and spacing, normalizing makes and websites", () => {
    const { records, errors } = parseDealerCsv(
      [
        " NAME , make(s) ,street address, City ,STATE,Zip Code,phone,URL,lat,LNG",
        "Larkbrook Toyota,,1200 Commerce Dr,Springfield,IL,62701,(217) 555-0100,larkbrook.example,39.8,-89.65",
        '"Quillmoor CDJR","Chevy; VW",9 Main St,Austin,TX,78701,,https://quillmoor.example/,30.27,-97.74',
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      name: "Larkbrook Toyota",
      makes: ["Toyota"],
      address: "1200 Commerce Dr",
      zip: "62701",
      website: "https://larkbrook.example/",
      latitude: 39.8,
      longitude: -89.65,
      source: "csv",
    });
    expect(records[1]!.makes).toEqual(["Chevrolet", "Volkswagen"]);
  });

  it("places a row without coordinates at its ZIP centroid", () => {
    const { records } = parseDealerCsv(`${HEADER}\nWrenhollow Honda,Honda,,,,90210,,,,`);
    expect(records[0]).toMatchObject({ latitude: 34.0901, longitude: -118.4065 });
  });

  it("reports each bad row by line and keeps the good ones", () => {
    const { records, errors } = parseDealerCsv(
      [
        HEADER,
        ",Toyota,,,,62701,,,,",
        "Good Kia,Kia,,,,62701,,,,",
        "",
        "No Place Ford,Ford,,,,,,,,",
        "Bad ZIP Ford,Ford,,,,00000,,,,",
        'Bad Lat Ford,Ford,,,,,,,"ninety",-89',
        "Half Ford,Ford,,,,,,,39.8,",
        '"Multi\nline Mazda",Mazda,,,,,,,120,-89',
        "Last Subaru,Subaru,,,,,,,39.8,-89.6",
      ].join("\r\n"),
    );
    expect(records.map((r) => r.name)).toEqual(["Good Kia", "Last Subaru"]);
    expect(errors).toEqual([
      { line: 2, message: "has no name" },
      { line: 5, message: "has no latitude/longitude and no ZIP code to place it by" },
      { line: 6, message: "ZIP code 00000 is not a US ZIP code we know, and the row has no latitude/longitude" },
      { line: 7, message: 'latitude "ninety" is not a number between -90 and 90' },
      { line: 8, message: "has only one of latitude and longitude" },
      { line: 9, message: 'latitude "120" is not a number between -90 and 90' },
    ]);
  });

  it("keeps hostile content as inert text", () => {
    const { records } = parseDealerCsv(
      [
        HEADER,
        '"=HYPERLINK(""http://evil.example"")",Toyota,"<script>alert(1)</script>",,,,,javascript:alert(1),39.8,-89.6',
        `"Tab\tand\u0000nul Toyota",Toyota,,,,,,,39.8,-89.6`,
        `"${"Long ".repeat(200)}Toyota",Toyota,,,,,,,39.8,-89.6`,
      ].join("\n"),
    );
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      name: '=HYPERLINK("http://evil.example")',
      address: "<script>alert(1)</script>",
      website: "",
    });
    expect(records[1]!.name).toBe("Tab and nul Toyota");
    expect(records[2]!.name.length).toBeLessThanOrEqual(300);
  });

  it("says which columns it expects when there is no name column", () => {
    expect(() => parseDealerCsv("dealer_id,constructor,city\n1,x,Austin")).toThrow(DiscoveryError);
    expect(() => parseDealerCsv("dealer_id,constructor,city\n1,x,Austin")).toThrow(
      'The CSV has no "name" column: its first row should name the columns name, makes, address, city, state, zip, phone, website, latitude, longitude',
    );
    expect(() => parseDealerCsv("\n\n")).toThrow(/The CSV is empty/);
  });

  it("serves the rows as a source and keeps the row errors beside them", async () => {
    const source = csvSource(`${HEADER}\nGood Kia,Kia,,,,62701,,,,\nNo Place,Ford,,,,,,,,`);
    expect(source.source).toBe("csv");
    expect(source.errors).toHaveLength(1);
    const found = await source.search({ center: { lat: 39.8, lng: -89.65 }, radiusMiles: 10, makes: ["Kia"] });
    expect(found.map((r) => r.name)).toEqual(["Good Kia"]);
  });
});

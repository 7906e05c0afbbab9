import { describe, expect, it } from "vitest";
import { makesFromName, normalizeMake, normalizeMakes } from "./makes";

describe("normalizeMake — one make as people write it", () => {
  it.each([
    ["Chevy", "Chevrolet"],
    ["  chevrolet ", "Chevrolet"],
    ["VW", "Volkswagen"],
    ["Volkswagon", "Volkswagen"],
    ["Mercedes", "Mercedes-Benz"],
    ["Mercedes Benz", "Mercedes-Benz"],
    ["mercedes-benz", "Mercedes-Benz"],
    ["MB", "Mercedes-Benz"],
    ["Land-Rover", "Land Rover"],
    ["LANDROVER", "Land Rover"],
    ["Alfa", "Alfa Romeo"],
    ["Ram Trucks", "Ram"],
    ["RAM", "Ram"],
    ["Mini Cooper", "Mini"],
    ["MINI", "Mini"],
    ["Infinity", "Infiniti"],
    ["Hyundia", "Hyundai"],
    ["gmc", "GMC"],
    ["B.M.W.", "BMW"],
  ])("reads %j as %s", (raw, make) => {
    expect(normalizeMake(raw)).toBe(make);
  });

  it("answers null for what is not one make", () => {
    expect(normalizeMake("Rolls-Royce")).toBeNull();
    expect(normalizeMake("")).toBeNull();
    expect(normalizeMake("CDJR")).toBeNull();
  });
});

describe("normalizeMakes — free-text lists", () => {
  it("splits on commas, semicolons, slashes, ampersands, bars and 'and'", () => {
    expect(normalizeMakes("Toyota, Honda; Kia / Mazda & Ford | Lincoln and Subaru")).toEqual([
      "Ford",
      "Honda",
      "Kia",
      "Lincoln",
      "Mazda",
      "Subaru",
      "Toyota",
    ]);
  });

  it("keeps MAKES order and names each make once", () => {
    expect(normalizeMakes(["vw", "Chevy", "Chevrolet", "volkswagen"])).toEqual(["Chevrolet", "Volkswagen"]);
  });

  it("expands dealer groups", () => {
    const cdjr = ["Chrysler", "Dodge", "Jeep", "Ram"];
    expect(normalizeMakes("Chrysler Dodge Jeep Ram")).toEqual(cdjr);
    expect(normalizeMakes("CDJR")).toEqual(cdjr);
    expect(normalizeMakes("cjdr")).toEqual(cdjr);
    expect(normalizeMakes("Buick GMC")).toEqual(["Buick", "GMC"]);
    expect(normalizeMakes("Chevrolet;Buick;GMC")).toEqual(["Buick", "Chevrolet", "GMC"]);
  });

  it("reads a space-separated piece word by word and drops unknown names", () => {
    expect(normalizeMakes("Toyota Honda Yugo")).toEqual(["Honda", "Toyota"]);
    expect(normalizeMakes("Land Rover and Jaguar, Saab")).toEqual(["Jaguar", "Land Rover"]);
  });

  it("answers [] for nothing", () => {
    expect(normalizeMakes(null)).toEqual([]);
    expect(normalizeMakes(undefined)).toEqual([]);
    expect(normalizeMakes("")).toEqual([]);
    expect(normalizeMakes([])).toEqual([]);
  });
});

describe("makesFromName — makes a dealer's name carries", () => {
  it("finds the make in a franchise name", () => {
    expect(makesFromName("Crescent Chevrolet")).toEqual(["Chevrolet"]);
    expect(makesFromName("Sunrise Chrysler Dodge Jeep Ram")).toEqual(["Chrysler", "Dodge", "Jeep", "Ram"]);
    expect(makesFromName("Lakeside CDJR of Austin")).toEqual(["Chrysler", "Dodge", "Jeep", "Ram"]);
    expect(makesFromName("Mercedes-Benz of Plano")).toEqual(["Mercedes-Benz"]);
    expect(makesFromName("Land Rover Jaguar Westside")).toEqual(["Jaguar", "Land Rover"]);
    expect(makesFromName("Bill's Chevy-Buick-GMC")).toEqual(["Buick", "Chevrolet", "GMC"]);
  });

  it("matches whole words only", () => {
    expect(makesFromName("Ramsey Auto")).toEqual([]);
    expect(makesFromName("Fordham Motors")).toEqual([]);
    expect(makesFromName("Kiawah Island Cars")).toEqual([]);
    expect(makesFromName("Audiology Center")).toEqual([]);
  });

  it("does not read typed-list misspellings into names", () => {
    expect(makesFromName("Infinity Auto Sales")).toEqual([]);
    expect(makesFromName("MB Used Cars")).toEqual([]);
  });
});

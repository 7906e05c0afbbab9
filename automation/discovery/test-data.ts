/** Dealer records for the discovery tests: a plain one with the fields each test changes. */
import type { DealerRecord } from "../../schema/discovery";

export function dealer(overrides: Partial<DealerRecord> = {}): DealerRecord {
  return {
    name: "Larkbrook Toyota",
    makes: ["Toyota"],
    address: "1200 Commerce Dr",
    city: "Springfield",
    state: "IL",
    zip: "62701",
    phone: "(217) 555-0100",
    website: "https://larkbrook-toyota.example/",
    latitude: 39.8,
    longitude: -89.65,
    source: "csv",
    ...overrides,
  };
}

/**
 * The benchmark table: 15 columns of mixed types and rows whose values depend only on their
 * index, so the seeder, the JSON the peer grid loads and the checks on screen all agree.
 * Imported by Node and bundled into the peer's page, so it uses nothing but the language.
 */

export type BenchColumn = {
  name: string;
  type:
    | "text"
    | "longText"
    | "number"
    | "currency"
    | "percent"
    | "singleSelect"
    | "date"
    | "email"
    | "url"
    | "checkbox";
};
export type BenchValue = string | number | boolean;

export const COLUMNS: BenchColumn[] = [
  { name: "Dealership", type: "text" },
  { name: "City", type: "text" },
  { name: "Make", type: "singleSelect" },
  { name: "Stage", type: "singleSelect" },
  { name: "Cars in stock", type: "number" },
  { name: "Revenue", type: "currency" },
  { name: "Average price", type: "currency" },
  { name: "Margin", type: "percent" },
  { name: "Opened", type: "date" },
  { name: "Email", type: "email" },
  { name: "Website", type: "url" },
  { name: "Phone", type: "text" },
  { name: "Contacted", type: "checkbox" },
  { name: "Last visit", type: "date" },
  { name: "Notes", type: "longText" },
];

const CITIES = ["Austin", "Dallas", "Houston", "San Antonio", "El Paso", "Plano", "Lubbock", "Waco", "Round Rock"];
const MAKES = ["Ford", "Toyota", "Honda", "Chevrolet", "Nissan", "Hyundai", "Kia", "Subaru", "Mazda", "BMW"];
const STAGES = ["New", "Researching", "Contacted", "Replied", "Meeting", "Won", "Lost"];
const NOTES = [
  "Asked for a call back next week",
  "Prefers email; manager is on leave",
  "Interested in the fleet offer",
  "Wrong number on the website",
  "Sent brochure, waiting for reply",
];

/** A small integer hash (Knuth's multiplicative), so neighbouring rows differ. */
const mix = (i: number, salt: number) => Math.imul(i + 1, 2654435761 + salt * 40503) >>> 0;
const pick = <T>(list: readonly T[], i: number, salt: number) => list[mix(i, salt) % list.length]!;
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const day = (i: number, salt: number) => {
  const d = new Date(Date.UTC(2015, 0, 1) + (mix(i, salt) % 3650) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** The dealership name of row `i` (0-based): what the benchmark looks for on screen. */
export const dealership = (i: number) => `Dealer ${pad(i + 1, 6)}`;

/** Row `i`'s values, in column order. */
export function rowValues(i: number): BenchValue[] {
  const slug = `dealer${pad(i + 1, 6)}`;
  const stock = 20 + (mix(i, 1) % 480);
  const price = 18_000 + (mix(i, 2) % 4_200_000) / 100;
  return [
    dealership(i),
    pick(CITIES, i, 3),
    pick(MAKES, i, 4),
    pick(STAGES, i, 5),
    stock,
    Math.round(stock * price * 12) / 100,
    price,
    (mix(i, 6) % 3000) / 10_000,
    day(i, 7),
    `sales@${slug}.example.com`,
    `https://${slug}.example.com`,
    `+1 512 ${pad(mix(i, 8) % 1000, 3)} ${pad(mix(i, 9) % 10_000, 4)}`,
    mix(i, 10) % 3 === 0,
    day(i, 11),
    pick(NOTES, i, 12),
  ];
}

/**
 * Car makes as people and data sources write them ("Chevy", "VW", "CDJR", "Mercedes Benz",
 * "Chevrolet;Buick;GMC") turned into the project's `Make` names, and makes read off a dealer's
 * name ("Sunrise Chrysler Dodge Jeep Ram"), matching whole words only.
 */
import { MAKES, type Make } from "../../schema/projects";

/** Lower case, every run of anything but letters and digits one space: "Land-Rover" → "land rover". */
const words = (raw: string): string[] =>
  raw
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);

/** The lookup key: the words run together, so "Land Rover", "land-rover" and "LandRover" meet. */
const key = (raw: string): string => words(raw).join("");

const CDJR: Make[] = ["Chrysler", "Dodge", "Jeep", "Ram"];

/** Other names for makes and for the dealer groups that sell several, beside each make's own. */
const ALIASES: Record<string, Make[]> = {
  chevy: ["Chevrolet"],
  vw: ["Volkswagen"],
  mercedes: ["Mercedes-Benz"],
  benz: ["Mercedes-Benz"],
  alfa: ["Alfa Romeo"],
  rangerover: ["Land Rover"],
  ramtrucks: ["Ram"],
  minicooper: ["Mini"],
  chryslerdodgejeepram: CDJR,
  chryslerjeepdodgeram: CDJR,
  dodgechryslerjeepram: CDJR,
  cdjr: CDJR,
  cjdr: CDJR,
  buickgmc: ["Buick", "GMC"],
  chevroletbuickgmc: ["Chevrolet", "Buick", "GMC"],
  jaguarlandrover: ["Jaguar", "Land Rover"],
};

/** Misspellings and initials that a typed list means as a make but a dealer's name may not. */
const LIST_ONLY_ALIASES: Record<string, Make[]> = {
  mb: ["Mercedes-Benz"],
  volkswagon: ["Volkswagen"],
  infinity: ["Infiniti"],
  hyundia: ["Hyundai"],
  hundai: ["Hyundai"],
  mitsubushi: ["Mitsubishi"],
  porche: ["Porsche"],
};

const NAME_TABLE = new Map<string, Make[]>([
  ...MAKES.map((make): [string, Make[]] => [key(make), [make]]),
  ...Object.entries(ALIASES),
]);
const LIST_TABLE = new Map<string, Make[]>([...NAME_TABLE, ...Object.entries(LIST_ONLY_ALIASES)]);

/** The longest make phrase, in words ("chrysler dodge jeep ram"), bounds the name scan. */
const LONGEST_PHRASE = 4;

/** Splits a free-text list: "Toyota, Honda / VW & Kia | Ford and Lincoln; Mazda". */
const LIST_SEPARATORS = /[,;/&|+]|\band\b/i;

const inMakesOrder = (found: Set<Make>): Make[] => MAKES.filter((make) => found.has(make));

/**
 * The one make `raw` names, or null. A dealer group ("CDJR", "Buick GMC") is several makes:
 * `normalizeMakes` reads those.
 * @example normalizeMake(" chevy ") // "Chevrolet"
 */
export function normalizeMake(raw: string): Make | null {
  const makes = LIST_TABLE.get(key(raw));
  return makes?.length === 1 ? makes[0]! : null;
}

/**
 * Every make a free-text list or array names, once each, in `MAKES` order; unknown names are
 * dropped. A piece that is not a make as a whole is read word by word ("Toyota Honda").
 * @example normalizeMakes("Chevy, CDJR / vw") // ["Chevrolet", "Chrysler", "Dodge", "Jeep", "Ram", "Volkswagen"]
 */
export function normalizeMakes(raw: string | readonly string[] | null | undefined): Make[] {
  if (raw == null) return [];
  const pieces = (typeof raw === "string" ? [raw] : raw).flatMap((item) => item.split(LIST_SEPARATORS));
  const found = new Set<Make>();
  for (const piece of pieces) {
    const whole = LIST_TABLE.get(key(piece));
    for (const make of whole ?? scan(words(piece), LIST_TABLE)) found.add(make);
  }
  return inMakesOrder(found);
}

/**
 * The makes a dealer's name carries as whole words: "Crescent Chevrolet" → Chevrolet, but
 * "Ramsey Auto" is not Ram and "Fordham Motors" is not Ford.
 */
export function makesFromName(name: string): Make[] {
  return inMakesOrder(new Set(scan(words(name), NAME_TABLE)));
}

/** Longest phrase first at each word, so "Land Rover" wins over nothing and "CDJR" over "Ram". */
function scan(text: string[], table: Map<string, Make[]>): Make[] {
  const found: Make[] = [];
  let i = 0;
  while (i < text.length) {
    let matched = 0;
    for (let n = Math.min(LONGEST_PHRASE, text.length - i); n >= 1 && !matched; n--) {
      const makes = table.get(text.slice(i, i + n).join(""));
      if (makes) {
        found.push(...makes);
        matched = n;
      }
    }
    i += matched || 1;
  }
  return found;
}

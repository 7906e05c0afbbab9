/**
 * Which OpenStreetMap tags a local-business category is, for the Overpass source. A category is
 * one or more alternatives (a dentist may be `amenity=dentist` or `healthcare=dentist`); each
 * alternative is tags that must all hold (a barber is a hairdresser with `hairdresser=barber`).
 * Tags follow the OSM wiki's Map Features (https://wiki.openstreetmap.org/wiki/Map_features).
 */
import { DiscoveryError } from "../../discovery/errors";

export type TagFilter = Readonly<Record<string, string>>;

const tag = (key: string, value: string): TagFilter => ({ [key]: value });

/** Common local categories an agency hunts, by the name people type. */
export const OSM_CATEGORIES: Readonly<Record<string, readonly TagFilter[]>> = {
  plumber: [tag("craft", "plumber")],
  electrician: [tag("craft", "electrician")],
  carpenter: [tag("craft", "carpenter")],
  roofer: [tag("craft", "roofer")],
  painter: [tag("craft", "painter")],
  hvac: [tag("craft", "hvac")],
  locksmith: [tag("shop", "locksmith"), tag("craft", "locksmith")],
  landscaper: [tag("craft", "gardener")],
  photographer: [tag("craft", "photographer"), tag("shop", "photo")],
  bakery: [tag("shop", "bakery")],
  butcher: [tag("shop", "butcher")],
  florist: [tag("shop", "florist")],
  hairdresser: [tag("shop", "hairdresser")],
  barber: [{ shop: "hairdresser", hairdresser: "barber" }],
  "beauty salon": [tag("shop", "beauty")],
  "nail salon": [{ shop: "beauty", beauty: "nails" }],
  "tattoo parlor": [tag("shop", "tattoo")],
  "auto repair": [tag("shop", "car_repair")],
  "car wash": [tag("amenity", "car_wash")],
  "tire shop": [tag("shop", "tyres")],
  "bicycle shop": [tag("shop", "bicycle")],
  "hardware store": [tag("shop", "hardware"), tag("shop", "doityourself")],
  "furniture store": [tag("shop", "furniture")],
  jeweler: [tag("shop", "jewelry")],
  optician: [tag("shop", "optician")],
  "pet store": [tag("shop", "pet")],
  "pet groomer": [tag("shop", "pet_grooming")],
  veterinarian: [tag("amenity", "veterinary")],
  dentist: [tag("amenity", "dentist"), tag("healthcare", "dentist")],
  doctor: [tag("amenity", "doctors"), tag("healthcare", "doctor")],
  pharmacy: [tag("amenity", "pharmacy")],
  physiotherapist: [tag("healthcare", "physiotherapist")],
  restaurant: [tag("amenity", "restaurant")],
  cafe: [tag("amenity", "cafe")],
  bar: [tag("amenity", "bar")],
  pub: [tag("amenity", "pub")],
  "fast food": [tag("amenity", "fast_food")],
  "ice cream": [tag("amenity", "ice_cream"), tag("shop", "ice_cream")],
  gym: [tag("leisure", "fitness_centre")],
  "dry cleaner": [tag("shop", "dry_cleaning")],
  laundromat: [tag("shop", "laundry")],
  "real estate agent": [tag("office", "estate_agent")],
  lawyer: [tag("office", "lawyer")],
  accountant: [tag("office", "accountant")],
  "insurance agent": [tag("office", "insurance")],
  "travel agency": [tag("shop", "travel_agency")],
  hotel: [tag("tourism", "hotel")],
  "child care": [tag("amenity", "childcare")],
  "driving school": [tag("amenity", "driving_school")],
  "clothing store": [tag("shop", "clothes")],
  bookstore: [tag("shop", "books")],
  "funeral home": [tag("shop", "funeral_directors")],
};

/** Other names people type for the same categories. */
const ALIASES: Readonly<Record<string, string>> = {
  plumbing: "plumber",
  "hvac contractor": "hvac",
  "heating and cooling": "hvac",
  "roofing contractor": "roofer",
  gardener: "landscaper",
  landscaping: "landscaper",
  "hair salon": "hairdresser",
  barbershop: "barber",
  "barber shop": "barber",
  "tattoo shop": "tattoo parlor",
  "car repair": "auto repair",
  mechanic: "auto repair",
  "tyre shop": "tire shop",
  "bike shop": "bicycle shop",
  jeweller: "jeweler",
  "jewelry store": "jeweler",
  vet: "veterinarian",
  "veterinary clinic": "veterinarian",
  "dental clinic": "dentist",
  physician: "doctor",
  drugstore: "pharmacy",
  "physical therapist": "physiotherapist",
  "coffee shop": "cafe",
  "fitness center": "gym",
  "dry cleaning": "dry cleaner",
  laundry: "laundromat",
  realtor: "real estate agent",
  attorney: "lawyer",
  "law firm": "lawyer",
  cpa: "accountant",
  daycare: "child care",
  "clothes shop": "clothing store",
  "book store": "bookstore",
  "funeral director": "funeral home",
};

/** The tags for `category`, read case- and plural-blind; a named error lists the known ones. */
export function osmTagsFor(category: string): { category: string; filters: readonly TagFilter[] } {
  const typed = category.trim().toLowerCase().replace(/\s+/g, " ");
  const candidates = [typed, typed.replace(/ies$/, "y"), typed.replace(/es$/, ""), typed.replace(/s$/, "")];
  for (const candidate of candidates) {
    const name = OSM_CATEGORIES[candidate] ? candidate : ALIASES[candidate];
    const filters = name ? OSM_CATEGORIES[name] : undefined;
    if (name && filters) return { category: name, filters };
  }
  throw new DiscoveryError(
    "unknown_category",
    `OpenStreetMap search does not know the category "${category.trim()}": use one of ${Object.keys(OSM_CATEGORIES).join(", ")}, or another source`,
  );
}

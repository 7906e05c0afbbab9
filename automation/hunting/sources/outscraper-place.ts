/**
 * One place of an Outscraper Maps search as a `BusinessRecord`: its facts, the email its
 * `domains_service` enrichment found (`email_1`, `email_2`, … or `emails_and_contacts`), its chain
 * flag (`ai_chain_info`) and its Google status. Fields Outscraper leaves out or sends as null
 * become the record's defaults.
 */
import { z } from "zod";
import { BusinessRecord } from "../../../schema/hunting";
import { cleanWebsite } from "../../discovery/http";

const text = z.string().nullish().catch(null);
const count = z.number().nullish().catch(null);
const Place = z.object({
  name: text,
  type: text,
  category: text,
  full_address: text,
  street: text,
  city: text,
  state: text,
  us_state: text,
  postal_code: text,
  phone: text,
  site: text,
  latitude: count,
  longitude: count,
  rating: count,
  reviews: count,
  place_id: text,
  location_link: text,
  business_status: text,
  ai_chain_info: z.unknown().optional(),
});

/** Enough of an address to be one: a local part, an @ and a dotted domain. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** `email_1`, `email_2`, …: the columns `domains_service` adds, best first. */
const EMAIL_COLUMN = /^email_(\d+)$/;

/** The record for `raw`, or null for a place without a name or with facts out of range. */
export function outscraperPlace(raw: unknown): BusinessRecord | null {
  const parsed = Place.safeParse(raw);
  if (!parsed.success) return null;
  const place = parsed.data;
  const name = place.name?.trim();
  if (!name) return null;
  const email = providerEmail(raw);
  const record = BusinessRecord.safeParse({
    name,
    category: place.type ?? place.category ?? "",
    address: place.street ?? place.full_address ?? "",
    city: place.city ?? "",
    state: place.us_state ?? place.state ?? "",
    zip: place.postal_code ?? "",
    latitude: place.latitude ?? null,
    longitude: place.longitude ?? null,
    phone: place.phone ?? "",
    website: cleanWebsite(place.site),
    email,
    emailSource: email ? "provider" : null,
    rating: place.rating ?? null,
    reviews: place.reviews == null ? null : Math.round(place.reviews),
    placeId: place.place_id || null,
    mapsUrl: place.location_link ?? "",
    status: /^CLOSED/i.test(place.business_status ?? "") ? "closed" : "operational",
    providerChain: chainFlag(place.ai_chain_info),
    source: "outscraper",
  });
  return record.success ? record.data : null;
}

/** The first address the enrichment found: `email_N` in order, then `emails_and_contacts`. */
export function providerEmail(raw: unknown): string {
  if (!raw || typeof raw !== "object") return "";
  const columns = Object.entries(raw as Record<string, unknown>)
    .flatMap(([key, value]) => {
      const match = EMAIL_COLUMN.exec(key);
      return match ? [{ order: Number(match[1]), value }] : [];
    })
    .sort((a, b) => a.order - b.order)
    .map((column) => column.value);
  const contacts = (raw as { emails_and_contacts?: unknown }).emails_and_contacts;
  const nested = contacts && typeof contacts === "object" ? (contacts as { emails?: unknown }).emails : undefined;
  const candidates = [...columns, ...(Array.isArray(nested) ? nested : [])].map((item) =>
    typeof item === "object" && item !== null ? (item as { value?: unknown }).value : item,
  );
  const email = candidates.find((item): item is string => typeof item === "string" && EMAIL.test(item.trim()));
  return email?.trim().toLowerCase() ?? "";
}

/**
 * Outscraper's chain judgement, in whichever shape the enrichment gives it: a boolean, an object
 * with `chain`/`is_chain`, or a word ("yes", "chain"); null when it says nothing.
 */
export function chainFlag(info: unknown): boolean | null {
  if (typeof info === "boolean") return info;
  if (typeof info === "string") {
    const word = info.trim().toLowerCase();
    if (["true", "yes", "chain"].includes(word)) return true;
    if (["false", "no", "independent"].includes(word)) return false;
    return null;
  }
  if (info && typeof info === "object") {
    const flag = (info as { chain?: unknown; is_chain?: unknown }).chain ?? (info as { is_chain?: unknown }).is_chain;
    return typeof flag === "boolean" ? flag : null;
  }
  return null;
}

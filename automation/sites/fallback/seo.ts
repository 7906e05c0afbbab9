/** The head of a fallback site: title, description, Open Graph tags and schema.org JSON-LD from the real facts. */
import type { SiteFacts } from "../../../schema/sites";
import { escapeHtml, jsonForScript, telUrl, webUrl } from "../escape";
import { addressLine, placeOf, reviewsShown } from "./copy";
import type { Family } from "./templates";

/** Search engines show about this much of a description. */
const DESCRIPTION_CHARS = 155;

/** The most specific schema.org type each family is sure of. */
const SCHEMA_TYPE: Record<Family, string> = {
  trades: "HomeAndConstructionBusiness",
  food: "FoodEstablishment",
  wellness: "HealthAndBeautyBusiness",
  general: "LocalBusiness",
};

export function titleOf(facts: SiteFacts): string {
  const about = [facts.category, placeOf(facts) && `in ${placeOf(facts)}`].filter(Boolean).join(" ");
  return about ? `${facts.name} — ${about}` : facts.name;
}

export function descriptionOf(facts: SiteFacts): string {
  const parts = [
    `${facts.name}${facts.category ? `, ${facts.category.toLowerCase()}` : ""}${placeOf(facts) ? ` in ${placeOf(facts)}` : ""}.`,
    facts.rating !== null && facts.reviewCount
      ? `Rated ${facts.rating.toFixed(1)}/5 by ${facts.reviewCount} customers.`
      : "",
    facts.phone ? `Call ${facts.phone}.` : "",
  ];
  const text = parts.filter(Boolean).join(" ");
  return text.length > DESCRIPTION_CHARS ? `${text.slice(0, DESCRIPTION_CHARS - 1)}…` : text;
}

/** schema.org LocalBusiness (or a narrower type) holding only what the facts say. */
export function jsonLdOf(facts: SiteFacts, family: Family): Record<string, unknown> {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": SCHEMA_TYPE[family],
    name: facts.name,
  };
  if (addressLine(facts)) {
    data.address = {
      "@type": "PostalAddress",
      ...(facts.address && { streetAddress: facts.address }),
      ...(facts.city && { addressLocality: facts.city }),
      ...(facts.state && { addressRegion: facts.state }),
      ...(facts.zip && { postalCode: facts.zip }),
    };
  }
  if (telUrl(facts.phone)) data.telephone = facts.phone;
  const map = webUrl(facts.mapsUrl);
  if (map) data.hasMap = map;
  if (facts.rating !== null && facts.reviewCount) {
    data.aggregateRating = { "@type": "AggregateRating", ratingValue: facts.rating, reviewCount: facts.reviewCount };
  }
  const reviews = reviewsShown(facts.reviews).filter((r) => r.author.trim());
  if (reviews.length) {
    data.review = reviews.map((r) => ({
      "@type": "Review",
      author: { "@type": "Person", name: r.author },
      reviewBody: r.text,
      ...(r.rating !== null && { reviewRating: { "@type": "Rating", ratingValue: r.rating, bestRating: 5 } }),
    }));
  }
  return data;
}

export function headTags(facts: SiteFacts, family: Family): string {
  const title = escapeHtml(titleOf(facts));
  const description = escapeHtml(descriptionOf(facts));
  return [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:description" content="${description}">`,
    `<meta property="og:site_name" content="${escapeHtml(facts.name)}">`,
    `<meta name="twitter:card" content="summary">`,
    `<script type="application/ld+json">${jsonForScript(jsonLdOf(facts, family))}</script>`,
  ].join("\n");
}

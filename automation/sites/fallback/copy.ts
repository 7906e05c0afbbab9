/** The words of a fallback site, from the facts alone: nothing is claimed that the facts do not say. */
import type { SiteFacts, SiteReview } from "../../../schema/sites";
import type { Family } from "./templates";

/** A hero quote longer than this is cut at a word: two lines of the hero at desktop width. */
const HERO_QUOTE_CHARS = 160;
/** Reviews shown on the page: a row of three cards at desktop width, twice. */
export const REVIEWS_SHOWN = 6;

const BLURB: Record<Family, { heading: string; text: string }> = {
  trades: { heading: "Our work", text: "Skilled, careful work for homes and businesses." },
  food: { heading: "Come hungry", text: "Good food made with care, close to home." },
  wellness: { heading: "Your visit", text: "Time set aside for you to unwind and feel your best." },
  general: { heading: "About us", text: "Friendly, dependable service from people who know the area." },
};

/** "Austin, TX" — whichever of city and state are known. */
export function placeOf(facts: SiteFacts): string {
  return [facts.city, facts.state].filter(Boolean).join(", ");
}

/** The street address on one line. */
export function addressLine(facts: SiteFacts): string {
  const cityLine = [placeOf(facts), facts.zip].filter(Boolean).join(" ");
  return [facts.address, cityLine].filter(Boolean).join(", ");
}

/** The review worth quoting in the hero: the best rated, then the one closest to a sentence or two. */
export function bestReview(reviews: SiteReview[]): SiteReview | null {
  const worded = reviews.filter((r) => r.text.trim().length > 0);
  const distance = (r: SiteReview) => Math.abs(r.text.trim().length - HERO_QUOTE_CHARS / 2);
  return worded.sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0) || distance(a) - distance(b))[0] ?? null;
}

/** Text cut at the last word that fits, with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

export type Hero = { eyebrow: string; quote: string | null; by: string; line: string };

export function heroOf(facts: SiteFacts, family: Family): Hero {
  const place = placeOf(facts);
  const eyebrow = [facts.category, place].filter(Boolean).join(" · ");
  const review = bestReview(facts.reviews);
  const line = place ? `${BLURB[family].text.replace(/\.$/, "")} in ${place}.` : BLURB[family].text;
  return {
    eyebrow,
    quote: review ? clip(review.text, HERO_QUOTE_CHARS) : null,
    by: review?.author.trim() || "A customer",
    line,
  };
}

export type Card = { title: string; text: string };

export function sectionOf(facts: SiteFacts, family: Family): { heading: string; cards: Card[] } {
  const place = placeOf(facts);
  const cards: Card[] = [
    { title: facts.category.trim() || "What we do", text: BLURB[family].text },
    {
      title: place ? `Local to ${facts.city || facts.state}` : "Close to you",
      text: facts.address ? `Find us at ${addressLine(facts)}.` : "Get in touch and we will tell you how to find us.",
    },
  ];
  if (facts.rating !== null) {
    const count = facts.reviewCount ? ` from ${facts.reviewCount.toLocaleString("en-US")} reviews` : "";
    cards.push({ title: `Rated ${facts.rating.toFixed(1)} out of 5`, text: `What customers say${count}.` });
  } else if (facts.phone) {
    cards.push({ title: "Talk to us", text: `Call ${facts.phone} with any question.` });
  }
  return { heading: BLURB[family].heading, cards };
}

/** The reviews worth showing: those with words, best rated first. */
export function reviewsShown(reviews: SiteReview[]): SiteReview[] {
  return reviews
    .filter((r) => r.text.trim().length > 0)
    .sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0))
    .slice(0, REVIEWS_SHOWN);
}

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The weekday an hours line is about ("Mon 8–5" → "mon"), or null for ranges and free text. */
export function dayOf(line: string): (typeof DAYS)[number] | null {
  const match = /^\s*(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?(?=[\s:])/i.exec(line);
  return match ? (match[1]!.toLowerCase() as (typeof DAYS)[number]) : null;
}

/** The body of a fallback site: header, hero, the business's section, reviews, hours, contact, claim bar. */
import type { SiteFacts, SiteReview } from "../../../schema/sites";
import { escapeHtml as e, mailtoUrl, telUrl, webUrl } from "../escape";
import type { Design } from "./choose";
import { addressLine, dayOf, heroOf, reviewsShown, sectionOf } from "./copy";

/**
 * Where the claim bar goes when the row has no claim URL (or one that is not http(s)): the
 * claim flow beside the site, `/s/<slug>/claim`, relative so it works on any sites origin.
 */
export const CLAIM_FALLBACK_HREF = "claim";

/** A Google Maps search for the address: a link people open, never an embed the page loads. */
function mapLink(facts: SiteFacts): string | null {
  const given = webUrl(facts.mapsUrl);
  if (given) return given;
  const address = addressLine(facts);
  return address
    ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(`${facts.name}, ${address}`)}`
    : null;
}

function stars(rating: number | null): string {
  if (rating === null) return "";
  const full = Math.round(rating);
  return `<span class="stars" aria-hidden="true">${"★".repeat(full)}${"☆".repeat(5 - full)}</span><span class="sr">Rated ${rating} out of 5</span>`;
}

function header(facts: SiteFacts, sections: [string, string][]): string {
  const tel = telUrl(facts.phone);
  const links = sections.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join("");
  return `<header class="top"><div class="wrap"><a class="brand" href="#top">${e(facts.name)}</a>
<nav aria-label="Sections"><ul>${links}${tel ? `<li><a href="${e(tel)}">Call</a></li>` : ""}</ul></nav></div></header>`;
}

function hero(facts: SiteFacts, design: Design): string {
  const h = heroOf(facts, design.template.family);
  const tel = telUrl(facts.phone);
  const quote = h.quote
    ? `<figure><blockquote><p>“${e(h.quote)}”</p></blockquote><figcaption>— ${e(h.by)}</figcaption></figure>`
    : `<p class="lede">${e(h.line)}</p>`;
  const actions = [
    tel && `<a class="btn" href="${e(tel)}">Call ${e(facts.phone)}</a>`,
    `<a class="btn ghost" href="#contact">How to find us</a>`,
  ].filter(Boolean);
  const badge =
    facts.rating !== null
      ? `<div class="badge"><strong>${facts.rating.toFixed(1)}</strong>${stars(facts.rating)}<p class="muted">${facts.reviewCount ? `${facts.reviewCount.toLocaleString("en-US")} reviews` : "Customer rating"}</p></div>`
      : "";
  return `<section class="hero" aria-labelledby="top"><div class="wrap"><div>
${h.eyebrow ? `<p class="eyebrow">${e(h.eyebrow)}</p>` : ""}<h1 id="top">${e(facts.name)}</h1>
${quote}<p class="actions">${actions.join(" ")}</p></div>${badge}</div></section>`;
}

function about(facts: SiteFacts, design: Design): string {
  const { heading, cards } = sectionOf(facts, design.template.family);
  const items = cards.map((c) => `<li><h3>${e(c.title)}</h3><p>${e(c.text)}</p></li>`).join("");
  return `<section class="band" id="about" aria-labelledby="about-title"><div class="wrap">
<h2 id="about-title">${e(heading)}</h2><ul class="cards">${items}</ul></div></section>`;
}

function review(r: SiteReview): string {
  return `<li><figure><blockquote><p>${e(r.text.trim())}</p></blockquote>
<figcaption>${stars(r.rating)} <span class="muted">— ${e(r.author.trim() || "A customer")}</span></figcaption></figure></li>`;
}

function reviews(list: SiteReview[]): string {
  return `<section class="band" id="reviews" aria-labelledby="reviews-title"><div class="wrap">
<h2 id="reviews-title">What customers say</h2><ul class="cards">${list.map(review).join("")}</ul></div></section>`;
}

function hours(lines: string[]): string {
  const items = lines
    .map((line) => {
      const day = dayOf(line);
      return `<li${day ? ` data-day="${day}"` : ""}>${e(line)}</li>`;
    })
    .join("");
  return `<section class="band" id="hours" aria-labelledby="hours-title"><div class="wrap">
<h2 id="hours-title">Opening hours</h2><ul class="hours">${items}</ul></div></section>`;
}

function contact(facts: SiteFacts): string {
  const tel = telUrl(facts.phone);
  const mail = mailtoUrl(facts.email);
  const web = webUrl(facts.website);
  const map = mapLink(facts);
  const address = addressLine(facts);
  const ways = [
    tel && `<p>Phone: <a href="${e(tel)}">${e(facts.phone)}</a></p>`,
    mail && `<p>Email: <a href="${e(mail)}">${e(facts.email.trim())}</a></p>`,
    web && `<p>Website: <a href="${e(web)}" rel="nofollow noopener">${e(new URL(web).hostname)}</a></p>`,
  ].filter(Boolean);
  const where = [
    address && `<address>${e(facts.name)}<br>${e(address)}</address>`,
    map && `<p><a href="${e(map)}" rel="noopener">Open the map<span class="sr"> for ${e(facts.name)}</span></a></p>`,
  ].filter(Boolean);
  const columns = [ways, where].filter((part) => part.length).map((part) => `<div>${part.join("")}</div>`);
  const nothing = `<p>Contact details for ${e(facts.name)} are on their way.</p>`;
  return `<section class="band" id="contact" aria-labelledby="contact-title"><div class="wrap">
<h2 id="contact-title">Contact</h2><div class="contact">${columns.join("") || nothing}</div></div></section>`;
}

function claimBar(facts: SiteFacts): string {
  const href = webUrl(facts.claimUrl) ?? CLAIM_FALLBACK_HREF;
  return `<aside class="claim" data-claim-bar aria-label="Claim this site"><div class="wrap">
<p>Is this your business?</p><a href="${e(href)}">Claim this site</a></div></aside>`;
}

export function bodyOf(facts: SiteFacts, design: Design): string {
  const shown = reviewsShown(facts.reviews);
  const sections: [string, string][] = [
    ["about", "About"],
    ...(shown.length ? ([["reviews", "Reviews"]] as [string, string][]) : []),
    ...(facts.hours.length ? ([["hours", "Hours"]] as [string, string][]) : []),
    ["contact", "Contact"],
  ];
  return [
    `<a class="skip" href="#main">Skip to content</a>`,
    header(facts, sections),
    `<main id="main">`,
    hero(facts, design),
    about(facts, design),
    shown.length ? reviews(shown) : "",
    facts.hours.length ? hours(facts.hours) : "",
    contact(facts),
    `</main>`,
    `<footer><div class="wrap"><p class="muted">© ${e(facts.name)}. Site made with Rowpilot.</p></div></footer>`,
    claimBar(facts),
  ]
    .filter(Boolean)
    .join("\n");
}

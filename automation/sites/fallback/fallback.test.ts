import { describe, expect, it } from "vitest";
import { BAKERY, BARE, HOSTILE, PLUMBER, SALON } from "../test-data";
import { elementsOf, executableParts } from "../test-dom";
import { fallbackSite } from ".";
import { familyOf } from "./choose";
import { dayOf } from "./copy";
import { CLAIM_FALLBACK_HREF } from "./page";
import { SITE_JS } from "./script";

const find = (html: string, name: string, attr?: [string, string]) =>
  elementsOf(html).filter((el) => el.name === name && (!attr || el.attribs[attr[0]] === attr[1]));
const jsonLd = (html: string) =>
  JSON.parse(find(html, "script", ["type", "application/ld+json"])[0]!.text) as Record<string, unknown>;

describe("fallback site — what the page says", () => {
  const { html } = fallbackSite(PLUMBER);

  it("leads with the name and a line from the best review", () => {
    expect(find(html, "h1")[0]!.text).toBe(PLUMBER.name);
    const hero = find(html, "section", ["class", "hero"])[0]!.text;
    expect(hero).toContain("Came out the same evening for a burst pipe");
    expect(hero).toContain("Dana P.");
  });

  it("holds the phone as a tel: link, the address, the hours and a link to the map", () => {
    const hrefs = find(html, "a").map((a) => a.attribs.href);
    expect(hrefs).toContain("tel:5125550142");
    expect(hrefs).toContain(PLUMBER.mapsUrl);
    expect(find(html, "address")[0]!.text).toContain("1200 E 6th St, Austin, TX 78702");
    expect(find(html, "ul", ["class", "hours"])[0]!.text).toContain("Sat 8–2");
  });

  it("shows the reviews with their authors and ratings", () => {
    const reviews = find(html, "section", ["id", "reviews"])[0]!.text;
    expect(reviews).toContain("Fair price for a water heater swap");
    expect(reviews).toContain("Rated 4 out of 5");
    expect(reviews).toContain("A customer");
  });

  it("has a claim bar linking to the claim URL", () => {
    const bar = elementsOf(html).find((el) => "data-claim-bar" in el.attribs)!;
    expect(bar.text).toContain("Is this your business?");
    expect(find(html, "a").find((a) => a.text === "Claim this site")!.attribs.href).toBe(PLUMBER.claimUrl);
  });

  it("carries SEO tags and JSON-LD with the real facts", () => {
    expect(find(html, "title")[0]!.text).toBe("Rio Grande Plumbing & Drain — Plumber in Austin, TX");
    expect(find(html, "meta", ["property", "og:title"])).toHaveLength(1);
    expect(find(html, "meta", ["name", "description"])[0]!.attribs.content).toContain("Rated 4.8/5 by 212 customers");
    expect(jsonLd(html)).toMatchObject({
      "@type": "HomeAndConstructionBusiness",
      name: PLUMBER.name,
      telephone: PLUMBER.phone,
      address: { streetAddress: "1200 E 6th St", addressLocality: "Austin", postalCode: "78702" },
      aggregateRating: { ratingValue: 4.8, reviewCount: 212 },
    });
  });

  it("makes no request to another origin: no src, no stylesheet link, no url() or @import", () => {
    const elements = elementsOf(html);
    expect(elements.filter((el) => "src" in el.attribs || el.name === "link")).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|@font-face/);
  });

  it("marks today's opening hours only through its own script", () => {
    expect(
      find(html, "script")
        .filter((s) => !s.attribs.type)
        .map((s) => s.text),
    ).toEqual([SITE_JS]);
    expect(
      find(html, "li")
        .filter((li) => li.attribs["data-day"])
        .map((li) => li.attribs["data-day"]),
    ).toEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    expect(dayOf("Tue–Sat 10–7")).toBeNull();
  });
});

describe("fallback site — templates", () => {
  it("picks the template from the category", () => {
    expect([PLUMBER, BAKERY, SALON, BARE].map((f) => fallbackSite(f, { seed: 0 }).template)).toEqual([
      "workshop/amber",
      "bistro/berry",
      "studio/sage",
      "main-street/harbor",
    ]);
    expect(familyOf("Barber shop")).toBe("wellness");
    expect(familyOf("Wine bar")).toBe("food");
  });

  it("gives the same page for the same facts and seed, another look for another seed", () => {
    expect(fallbackSite(PLUMBER, { seed: 3 })).toEqual(fallbackSite(PLUMBER, { seed: 3 }));
    expect(fallbackSite(PLUMBER).html).toBe(fallbackSite(PLUMBER).html);
    const looks = new Set([0, 1, 2, 3].map((seed) => fallbackSite(PLUMBER, { seed }).html));
    expect(looks.size).toBe(4);
  });

  it("makes a whole page from a name alone", () => {
    const { html } = fallbackSite(BARE);
    expect(find(html, "h1")[0]!.text).toBe("Harbor Notary");
    expect(find(html, "section", ["id", "reviews"])).toEqual([]);
    expect(find(html, "section", ["id", "hours"])).toEqual([]);
    expect(find(html, "a").find((a) => a.text === "Claim this site")!.attribs.href).toBe(CLAIM_FALLBACK_HREF);
  });
});

describe("fallback site — hostile facts", () => {
  const { html, js } = fallbackSite(HOSTILE);

  it("runs nothing a business's facts say: no script but ours, no handlers, no javascript: links", () => {
    const found = executableParts(html, [js]);
    expect(found).toEqual({ scripts: [], handlers: [], codeUrls: [], embeds: [] });
    expect(find(html, "script")).toHaveLength(2);
    expect(find(html, "img")).toEqual([]);
    expect(find(html, "svg")).toEqual([]);
  });

  it("shows the hostile text as text", () => {
    expect(find(html, "h1")[0]!.text).toBe(HOSTILE.name);
    expect(find(html, "title")[0]!.text).toContain(HOSTILE.name);
  });

  it("keeps JSON-LD one block that reads back to the same facts", () => {
    expect(jsonLd(html)).toMatchObject({ name: HOSTILE.name, review: [{ reviewBody: HOSTILE.reviews[0]!.text }, {}] });
    expect(html.match(/<\/script/gi)).toHaveLength(2);
  });

  it("links nowhere the facts' javascript: URLs say", () => {
    const hrefs = find(html, "a").map((a) => a.attribs.href!);
    expect(hrefs.every((href) => /^(https:|tel:|mailto:|#)/.test(href) || href === CLAIM_FALLBACK_HREF)).toBe(true);
    expect(hrefs).not.toContain(expect.stringContaining("y.com"));
  });
});

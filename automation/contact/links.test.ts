import { describe, expect, it } from "vitest";
import { exploreLinks, fallbackUrls, rankLinks, scoreLink } from "./links";
import type { LinkInfo } from "./page-model";

const home = new URL("https://dealer.example/");

function link(text: string, href: string, inNav = true): LinkInfo {
  return { text, href, inNav };
}

describe("contact links — ranking", () => {
  it("orders “Contact Us” above “Visit Us” above “Customer Care”", () => {
    const ranked = rankLinks(
      [
        link("Customer Care", "/customer-care/"),
        link("Visit Us", "/visit-us/"),
        link("Contact Us", "/contact-us/"),
        link("New Inventory", "/new-inventory/"),
      ],
      home,
    );
    expect(ranked.map((r) => r.url)).toEqual([
      "https://dealer.example/contact-us/",
      "https://dealer.example/visit-us/",
      "https://dealer.example/customer-care/",
    ]);
  });

  it("ignores e-mail, phone and other sites' links, however they are labelled", () => {
    const ranked = rankLinks(
      [
        link("Contact Us", "mailto:sales@dealer.example"),
        link("Contact Us", "tel:+15125550100"),
        link("Contact Us", "https://other-dealer.example/contact-us/"),
        link("Contact", "/contact/"),
      ],
      home,
    );
    expect(ranked.map((r) => r.url)).toEqual(["https://dealer.example/contact/"]);
  });

  it("lists a page once when links to it differ only by #fragment, with its best score", () => {
    const best = link("Contact Us", "/contact-us/#form");
    const ranked = rankLinks([link("Click here", "/contact-us/"), best, link("Contact", "/contact-us/#top")], home);
    expect(ranked).toEqual([{ url: "https://dealer.example/contact-us/", score: scoreLink(best, home) }]);
  });

  it("does not send the engine back to the page it is on", () => {
    expect(rankLinks([link("Contact Us", "#contact")], home)).toEqual([]);
  });

  it("scores a menu link above the same link in the page body", () => {
    expect(scoreLink(link("Contact Us", "/contact-us/", true), home)).toBeGreaterThan(
      scoreLink(link("Contact Us", "/contact-us/", false), home),
    );
  });
});

describe("contact links — fallback paths", () => {
  it("tries contact pages under the dealer's own folder, then at the site root", () => {
    const urls = fallbackUrls(new URL("http://127.0.0.1:4500/some-dealer/"));
    expect(urls).toContain("http://127.0.0.1:4500/some-dealer/contact-us/");
    expect(urls).toContain("http://127.0.0.1:4500/contact-us/");
    expect(urls.indexOf("http://127.0.0.1:4500/some-dealer/contact-us/")).toBeLessThan(
      urls.indexOf("http://127.0.0.1:4500/contact-us/"),
    );
  });

  it("tries each path once for a site at the root", () => {
    const urls = fallbackUrls(new URL("https://dealer.example/"));
    expect(urls[0]).toBe("https://dealer.example/contact-us/");
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe("contact links — other pages worth a look", () => {
  it("ranks the dealership's own pages and leaves inventory, service and other sites out", () => {
    const base = new URL("https://dealer.example/");
    const links = [
      { text: "New Inventory", href: "/new/", inNav: true },
      { text: "Service", href: "/service/", inNav: true },
      { text: "About Us", href: "/about/", inNav: true },
      { text: "Our Dealership", href: "/about/our-dealership/", inNav: true },
      { text: "Hours", href: "https://maps.example/dealer", inNav: false },
    ];
    expect(exploreLinks(links, base).map((l) => new URL(l.url).pathname)).toEqual([
      "/about/our-dealership/",
      "/about/",
    ]);
  });
});

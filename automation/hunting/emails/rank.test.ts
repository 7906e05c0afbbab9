import { describe, expect, it } from "vitest";
import { type EmailCandidate, type EmailKind, isRoleLocal } from "./address";
import { bareHost, bestEmail } from "./rank";

const SITE = "https://www.rosewood-bakery.com/";
const found = (address: string, kind: EmailKind = "plain"): EmailCandidate => ({
  address,
  kind,
  role: isRoleLocal(address.split("@")[0]!),
});
const best = (addresses: EmailCandidate[], site = SITE) => bestEmail(addresses, site)?.address ?? null;

describe("bestEmail — whom a cold email goes to", () => {
  it("prefers a person on the business's own domain over its role mailbox, wherever found", () => {
    expect(best([found("info@rosewood-bakery.com"), found("maria@rosewood-bakery.com")])).toBe(
      "maria@rosewood-bakery.com",
    );
  });

  it("takes the role mailbox on the own domain over a free-mail address", () => {
    expect(best([found("rosewoodbakes@gmail.com"), found("office@rosewood-bakery.com")])).toBe(
      "office@rosewood-bakery.com",
    );
  });

  it("counts a subdomain of the site, and a site on a subdomain of the mail domain, as the own domain", () => {
    expect(best([found("rosewoodbakes@gmail.com"), found("maria@mail.rosewood-bakery.com")])).toBe(
      "maria@mail.rosewood-bakery.com",
    );
    expect(
      best([found("rosewoodbakes@gmail.com"), found("info@rosewood-bakery.com")], "shop.rosewood-bakery.com"),
    ).toBe("info@rosewood-bakery.com");
  });

  it("takes a free-mail address the business publishes when it has none on its domain", () => {
    expect(best([found("studio@pixelcraft-design.com"), found("rosewoodbakes@gmail.com")])).toBe(
      "rosewoodbakes@gmail.com",
    );
  });

  it("takes another domain only from a mailto link, never from a plain mention such as a designer's credit", () => {
    expect(best([found("studio@pixelcraft-design.com")])).toBeNull();
    expect(best([found("orders@rosewoodbakeryllc.com", "mailto")])).toBe("orders@rosewoodbakeryllc.com");
  });

  it("keeps the first found within a tier", () => {
    expect(best([found("maria@rosewood-bakery.com"), found("tom@rosewood-bakery.com")])).toBe(
      "maria@rosewood-bakery.com",
    );
  });

  it("answers null for no candidates or no site", () => {
    expect(best([])).toBeNull();
    expect(best([found("maria@rosewood-bakery.com")], "")).toBeNull();
  });

  it("returns the candidate itself, so what rides along (the page) stays with it", () => {
    const withPage = { ...found("maria@rosewood-bakery.com"), page: `${SITE}contact` };
    expect(bestEmail([withPage], SITE)).toBe(withPage);
  });
});

describe("bareHost", () => {
  it.each([
    ["https://www.Rosewood-Bakery.com/contact", "rosewood-bakery.com"],
    ["rosewood-bakery.com", "rosewood-bakery.com"],
    ["http://rosewood-bakery.com.:8080", "rosewood-bakery.com"],
    ["", ""],
  ])("reads %j as %j", (input, host) => {
    expect(bareHost(input)).toBe(host);
  });
});

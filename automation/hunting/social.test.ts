import { describe, expect, it } from "vitest";
import { websiteKind } from "./social";

describe("websiteKind — a website of the business's own, a social profile, or none", () => {
  it.each([
    ["https://www.facebook.com/joesplumbing", "facebook.com"],
    ["http://m.facebook.com/pages/Joes-Plumbing/123", "m.facebook.com"],
    ["facebook.com/joesplumbing", "facebook.com"],
    ["FB.com/joes", "fb.com"],
    ["https://instagram.com/joes.bakery?igshid=1", "instagram.com"],
    ["https://linktr.ee/joes", "linktr.ee"],
    ["https://www.yelp.com/biz/joes-plumbing-austin", "yelp.com"],
    ["https://joes-plumbing.business.site/", "joes-plumbing.business.site"],
    ["https://g.page/joes-plumbing?share", "g.page"],
    ["https://maps.app.goo.gl/abc123", "maps.app.goo.gl"],
    ["https://www.google.com/maps/place/Joes+Plumbing", "google.com"],
    ["https://www.tiktok.com/@joesbakery", "tiktok.com"],
    ["https://x.com/joesbakery", "x.com"],
    ["https://twitter.com/joesbakery", "twitter.com"],
    ["https://nextdoor.com/pages/joes-plumbing-austin-tx/", "nextdoor.com"],
    ["  https://www.facebook.com/joes  ", "facebook.com"],
    ["https://facebook.com:443/joes", "facebook.com"],
  ])("counts %s as a social profile (host %s)", (url, host) => {
    expect(websiteKind(url)).toEqual({ kind: "social", host });
  });

  it.each([
    ["https://www.joesplumbing.com/contact", "joesplumbing.com"],
    ["joesplumbing.com", "joesplumbing.com"],
    ["http://JOESPLUMBING.COM:8080/", "joesplumbing.com"],
    // Look-alikes of social hosts are sites of their own.
    ["https://notfacebook.com/", "notfacebook.com"],
    ["https://facebook.com.joes-plumbing.net/", "facebook.com.joes-plumbing.net"],
    ["https://x.company.com/", "x.company.com"],
    ["https://facebook.com@joesplumbing.com/", "joesplumbing.com"],
    ["https://joes.example/", "joes.example"],
  ])("counts %s as its own website (host %s)", (url, host) => {
    expect(websiteKind(url)).toEqual({ kind: "own", host });
  });

  it.each([[""], ["   "], ["\t\n"], [null], [undefined], ["n/a"], ["none"], ["https://"], ["localhost"]])(
    "counts %j as no website",
    (url) => {
      expect(websiteKind(url)).toEqual({ kind: "none", host: null });
    },
  );
});

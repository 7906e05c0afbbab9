import { describe, expect, it } from "vitest";
import { emailsInHtml, emailsInReviews, emailsInText } from "./extract";

const PAGE = "https://rosewood-bakery.com/contact";
const addresses = (html: string) => emailsInHtml(html, PAGE).map((c) => c.address);
const kinds = (html: string) => emailsInHtml(html, PAGE).map((c) => [c.address, c.kind]);

describe("emailsInHtml — how addresses are written", () => {
  it("reads a mailto link without its subject and with its escapes undone", () => {
    const html = `<a href="mailto:Owner%40Rosewood-Bakery.com?subject=Cake%20order&amp;body=Hi">Write to us</a>`;
    expect(emailsInHtml(html, PAGE)).toEqual([
      { address: "owner@rosewood-bakery.com", kind: "mailto", role: false, page: PAGE },
    ]);
  });

  it("reads every recipient of a mailto link", () => {
    expect(addresses(`<a href='mailto:maria@rosewood-bakery.com,orders@rosewood-bakery.com'>x</a>`)).toEqual([
      "maria@rosewood-bakery.com",
      "orders@rosewood-bakery.com",
    ]);
  });

  it("reads a plain address in the text, lower-cased and without the sentence's full stop", () => {
    expect(kinds("<p>Write to Maria.Lopez@Rosewood-Bakery.com.</p>")).toEqual([
      ["maria.lopez@rosewood-bakery.com", "plain"],
    ]);
  });

  it("reads an address in structured data", () => {
    const html = `<script type="application/ld+json">{"@type":"Bakery","email":"hello@rosewood-bakery.com"}</script>`;
    expect(addresses(html)).toEqual(["hello@rosewood-bakery.com"]);
  });

  it.each([
    ["maria [at] rosewood-bakery [dot] com"],
    ["maria (at) rosewood-bakery (dot) com"],
    ["maria(at)rosewood-bakery.com"],
    ["maria {at} rosewood-bakery {dot} com"],
    ["maria [@] rosewood-bakery.com"],
    ["maria @ rosewood-bakery.com"],
    ["MARIA AT ROSEWOOD-BAKERY DOT COM"],
    ["maria.lopez at rosewood-bakery.com"],
    ["maria&#64;rosewood-bakery&#46;com"],
    ["maria&#x40;rosewood-bakery.com"],
    ["maria&commat;rosewood-bakery&period;com"],
    ["maria<span>@</span>rosewood-bakery.com"],
  ])("undoes the obfuscation in %j", (written) => {
    const expected = written.includes("lopez") ? "maria.lopez@rosewood-bakery.com" : "maria@rosewood-bakery.com";
    expect(kinds(`<p>Email: ${written}</p>`)).toEqual([[expected, "obfuscated"]]);
  });

  it("decodes Cloudflare's email protection, in the attribute and in the link", () => {
    const html = `<a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="422d352c273002302d3127352d2d266f20232927303b6c212d2f">[email&#160;protected]</a>
      <a href="/cdn-cgi/l/email-protection#422b2c242d0220232927303b6c212d2f">Email</a>`;
    expect(kinds(html)).toEqual([
      ["owner@rosewood-bakery.com", "cfemail"],
      ["info@bakery.com", "cfemail"],
    ]);
  });

  it("keeps an address once, as first found, however many times the page writes it", () => {
    const html = `<a href="mailto:owner@rosewood-bakery.com">owner@rosewood-bakery.com</a> owner [at] rosewood-bakery.com`;
    expect(kinds(html)).toEqual([["owner@rosewood-bakery.com", "mailto"]]);
  });

  it("marks role addresses and leaves people's unmarked", () => {
    const html = "info@a-bakery.com sales.chicago@a-bakery.com hello+web@a-bakery.com maria@a-bakery.com";
    expect(emailsInHtml(html, PAGE).map((c) => [c.address, c.role])).toEqual([
      ["info@a-bakery.com", true],
      ["sales.chicago@a-bakery.com", true],
      ["hello+web@a-bakery.com", true],
      ["maria@a-bakery.com", false],
    ]);
  });
});

describe("emailsInHtml — what is not an address to keep", () => {
  it.each([
    ["an image name", `<img src="/img/logo@2x.png" srcset="hero@3x.webp 3x">`],
    [
      "a script's versioned path",
      `<script src="https://cdn.jsdelivr.net/npm/jquery@3.7.1/dist/jquery.min.js"></script>`,
    ],
    ["a documentation domain", "<p>you@example.com, name@example.org, a@shop.example</p>"],
    ["a template's placeholder", "<p>info@domain.com, hello@yourdomain.com, your@email.com, john.doe@company.com</p>"],
    ["Sentry's DSN", `<script>Sentry.init({dsn:"https://3f2a9c1b@o4504.ingest.sentry.io/45"})</script>`],
    [
      "Wix's tracking address",
      `<script>{"email":"605a7baede844d278b89dc95ae0a9123@sentry-next.wixpress.com"}</script>`,
    ],
    ["a site builder's own mailbox", "<p>support@squarespace.com abuse@godaddy.com</p>"],
    ["a no-reply sender", "<p>noreply@rosewood-bakery.com, do-not-reply@rosewood-bakery.com</p>"],
    ["a local part over 64 characters", `<p>${"a".repeat(65)}@rosewood-bakery.com</p>`],
    [
      "an address over 254 characters",
      `<p>maria@${["b", "c", "d", "e", "f"].map((l) => l.repeat(60)).join(".")}.com</p>`,
    ],
    ["a numeric top-level domain", "<p>admin@192.168.0.1</p>"],
    ["a one-letter top-level domain", "<p>maria@rosewood.c</p>"],
    ["prose with a bare 'at'", "<p>Visit us at rosewood-bakery.com, or meet Maria at rosewood-bakery.com</p>"],
    ["a time written with 'at' and 'dot'", "<p>we open at nine dot thirty</p>"],
  ])("drops %s", (_what, html) => {
    expect(addresses(html)).toEqual([]);
  });
});

describe("emailsInText and emailsInReviews — review texts and owner answers", () => {
  it("reads plain and obfuscated addresses in a review", () => {
    expect(emailsInText("Great cakes! Order at maria [at] rosewood-bakery [dot] com or maria.lopez@gmail.com")).toEqual(
      [
        { address: "maria.lopez@gmail.com", kind: "plain", role: false },
        { address: "maria@rosewood-bakery.com", kind: "obfuscated", role: false },
      ],
    );
  });

  it("de-duplicates across reviews and owner answers", () => {
    const texts = [
      "Loved it. Owner replied: write to orders@rosewood-bakery.com",
      "Response from the owner: orders@rosewood-bakery.com, anytime!",
      "No email here, just a 5-star review",
    ];
    expect(emailsInReviews(texts)).toEqual([{ address: "orders@rosewood-bakery.com", kind: "plain", role: true }]);
  });
});

import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { htmlFromText, type TrackingLinks, trackEmail, trackHtml, trackText } from "./rewrite";
import { trackingKey, verifyToken } from "./tokens";

const ORIGIN = "https://app.rowpilot.test";
const links: TrackingLinks = {
  origin: `${ORIGIN}/`,
  key: await trackingKey("a-test-secret-that-is-long-enough-for-hmac"),
  workspaceId: "ws1",
  messageId: "msg1",
};

/** The URLs a reader of the HTML would reach by clicking, in order. */
function hrefs(html: string): string[] {
  const found: string[] = [];
  new Parser({ onopentag: (name, attribs) => name === "a" && attribs.href && found.push(attribs.href) }).end(html);
  return found;
}

function images(html: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  new Parser({ onopentag: (name, attribs) => name === "img" && found.push(attribs) }).end(html);
  return found;
}

/** Where a tracked link takes the reader: the URL in its verified token. */
async function destination(tracked: string): Promise<string> {
  expect(tracked.startsWith(`${ORIGIN}/t/c/`)).toBe(true);
  const check = await verifyToken(links.key, tracked.slice(`${ORIGIN}/t/c/`.length), "c");
  if (!check.ok) throw new Error(`tracked link did not verify: ${check.reason}`);
  expect(check.payload).toMatchObject({ workspaceId: "ws1", messageId: "msg1" });
  return check.payload.url!;
}

const TRICKY_URLS = [
  "https://example.com/pricing?plan=pro&utm_source=email#faq",
  "https://例え.jp/パス/ü?q=ß&r=日本#frag",
  "http://example.com/a%20b/(c)",
  "https://example.com/search?q=a+b&x=%2F",
];

describe("tracked links — HTML", () => {
  it("sends each link to exactly its original URL: query strings, fragments, unicode", async () => {
    const html = `<html><body>${TRICKY_URLS.map((url) => `<p><a href="${url.replaceAll("&", "&amp;")}">x</a></p>`).join("")}</body></html>`;
    const tracked = await trackHtml(html, links);
    const out = hrefs(tracked);
    expect(out).toHaveLength(TRICKY_URLS.length);
    expect(await Promise.all(out.map(destination))).toEqual(TRICKY_URLS);
  });

  it("tracks unquoted, single-quoted and upper-case hrefs and keeps the other attributes", async () => {
    const html = `<body><A class="btn" HREF=https://a.example/1 target=_blank>1</A><a href='https://a.example/2' title="t">2</a></body>`;
    const tracked = await trackHtml(html, links);
    expect(await Promise.all(hrefs(tracked).map(destination))).toEqual(["https://a.example/1", "https://a.example/2"]);
    expect(tracked).toContain('<A class="btn" href="');
    expect(tracked).toContain(" target=_blank>1</A>");
    expect(tracked).toContain(' title="t">2</a>');
  });

  it("leaves mailto, tel, anchors, the unsubscribe link and already-tracked links as they are", async () => {
    const kept = [
      "mailto:dana@example.com?subject=Hi",
      "tel:+15550100",
      "#top",
      `${ORIGIN}/u/abc.def`,
      `${ORIGIN}/t/c/x.y`,
    ];
    const html = `<body>${kept.map((href) => `<a href="${href}">k</a>`).join("")}</body>`;
    expect(hrefs(await trackHtml(html, links))).toEqual(kept);
  });

  it("adds the open pixel exactly once, before </body>", async () => {
    const html = "<html><body><p>Hi</p><!-- </body> --></body><body><p>Stray second body</p></body></html>";
    const tracked = await trackHtml(html, links);
    const pixels = images(tracked);
    expect(pixels).toHaveLength(1);
    expect(pixels[0]).toMatchObject({ width: "1", height: "1", alt: "" });
    expect(pixels[0]!.src).toMatch(new RegExp(`^${ORIGIN}/t/o/[\\w-]+\\.[\\w-]+\\.gif$`));
    expect(tracked).toContain(`alt=""></body><body>`);
    const token = pixels[0]!.src!.slice(`${ORIGIN}/t/o/`.length, -".gif".length);
    expect(await verifyToken(links.key, token, "o")).toMatchObject({ ok: true, payload: { messageId: "msg1" } });
  });

  it("adds the pixel at the end of a fragment without a body", async () => {
    const tracked = await trackHtml("<p>Hi</p>", links);
    expect(tracked.startsWith("<p>Hi</p><img ")).toBe(true);
    expect(images(tracked)).toHaveLength(1);
  });

  it("does not touch links in text outside <a>", async () => {
    const html = '<body><p>Visit https://a.example/ today</p><img src="https://a.example/logo.png"></body>';
    const tracked = await trackHtml(html, links);
    expect(tracked).toContain('<p>Visit https://a.example/ today</p><img src="https://a.example/logo.png">');
  });
});

describe("tracked links — plain text", () => {
  it("replaces each URL and round-trips it exactly, leaving sentence punctuation outside", async () => {
    const text = `Prices: ${TRICKY_URLS[0]}. Japanese: ${TRICKY_URLS[1]}, and (see ${TRICKY_URLS[2]})`;
    const tracked = await trackText(text, links);
    const found = [...tracked.matchAll(/https:\/\/app\.rowpilot\.test\/t\/c\/[\w-]+\.[\w-]+/g)].map((m) => m[0]);
    expect(await Promise.all(found.map(destination))).toEqual(TRICKY_URLS.slice(0, 3));
    expect(tracked).toMatch(/^Prices: \S+\. Japanese: \S+, and \(see \S+\)$/);
  });

  it("keeps mailto addresses and the unsubscribe link", async () => {
    const text = `Write to mailto:dana@example.com or leave: ${ORIGIN}/u/abc.def`;
    expect(await trackText(text, links)).toBe(text);
  });
});

describe("HTML from plain text", () => {
  it("escapes, makes paragraphs and line breaks, and links URLs", () => {
    const html = htmlFromText("Hi <Crescent> & co,\nline two\n\nSee https://a.example/?a=1&b=2 now");
    expect(html).toContain("<p>Hi &lt;Crescent&gt; &amp; co,<br>\nline two</p>");
    expect(html).toContain(
      '<p>See <a href="https://a.example/?a=1&amp;b=2">https://a.example/?a=1&amp;b=2</a> now</p>',
    );
    expect(hrefs(html)).toEqual(["https://a.example/?a=1&b=2"]);
  });

  it("gives an email without HTML a tracked HTML version with one pixel", async () => {
    const { text, html } = await trackEmail({ text: "Hello\n\nhttps://a.example/x#y", html: null }, links);
    expect(text).toMatch(/^Hello\n\nhttps:\/\/app\.rowpilot\.test\/t\/c\//);
    expect(await Promise.all(hrefs(html).map(destination))).toEqual(["https://a.example/x#y"]);
    expect(images(html)).toHaveLength(1);
  });
});

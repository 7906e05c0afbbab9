/**
 * A claimed site shows no "Claim this site" bar: the element carrying `data-claim-bar` (and
 * everything inside it) is cut out of the page's HTML when it is served. The rest of the page is
 * left byte for byte as published, so the CSP hashes of its inline scripts and styles still match.
 */
import { Parser } from "htmlparser2";

/** Elements that have no end tag: their start tag is the whole element. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/**
 * `html` without its claim bar elements (the page as it was when it has none).
 * @example withoutClaimBar('<p>Hi</p><aside data-claim-bar>Claim</aside>') // "<p>Hi</p>"
 */
export function withoutClaimBar(html: string): string {
  const cuts: [number, number][] = [];
  let start = -1;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (start >= 0) {
          if (!VOID.has(name)) depth++;
          return;
        }
        if (!("data-claim-bar" in attributes)) return;
        start = parser.startIndex;
        if (VOID.has(name)) {
          cuts.push([start, parser.endIndex + 1]);
          start = -1;
        } else depth = 1;
      },
      onclosetag(name) {
        if (start < 0 || VOID.has(name)) return;
        depth--;
        if (depth === 0) {
          cuts.push([start, parser.endIndex + 1]);
          start = -1;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  // An element left open to the end of the page (no end tag) goes with the rest of the page.
  if (start >= 0) cuts.push([start, html.length]);
  let out = html;
  for (const [from, to] of cuts.reverse()) out = out.slice(0, from) + out.slice(to);
  return out;
}

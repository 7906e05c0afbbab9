/**
 * Cleans the HTML a model wrote before it is stored: what is left is markup, classes and
 * stylesheets, with no way to run code, post data elsewhere, embed other pages or leave the page
 * by itself. The site's own script is added after this, by us, and admitted by the CSP's hash.
 * `style` attributes go too: the site CSP (hashes, no 'unsafe-hashes') would refuse them anyway,
 * so a page that keeps them would look different served than previewed.
 *
 * Built on `sanitize-html` (htmlparser2, no DOM): it runs the same in Node and in workerd, where
 * DOMPurify would need a DOM, and it is kept up against mutation XSS (its CHANGELOG lists fixes
 * for `<style>` in SVG/MathML, `<xmp>`, `<textarea>`, iframe fallbacks).
 */
import sanitizeHtml from "sanitize-html";

const GLOBAL_ATTRIBUTES = ["class", "id", "role", "lang", "dir", "title", "hidden", "tabindex", "aria-*", "data-*"];

/**
 * Markup a one-page site needs. Left out on purpose: forms and their fields (no posting
 * anywhere), iframe/object/embed, base, link (stylesheets and prefetches from other hosts), svg
 * and math (foreign content parses differently in a browser than in htmlparser2), noscript,
 * template and the other raw-text oddities.
 */
const TAGS = [
  ...["html", "head", "body", "title", "meta", "style", "script"],
  ...["header", "footer", "main", "nav", "section", "article", "aside", "div", "span", "address", "hgroup"],
  ...["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "a", "strong", "em", "b", "i", "u", "s", "small", "mark"],
  ...["blockquote", "q", "cite", "figure", "figcaption", "abbr", "time", "code", "pre", "sub", "sup", "del", "ins"],
  ...["ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "button"],
  ...["table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col"],
  ...["img", "picture", "source"],
];

/** Elements whose content goes with them when they are removed (not kept as text). */
const DROP_WITH_CONTENT = [
  ...["script", "style", "textarea", "option", "select", "xmp", "noscript", "template", "noembed", "noframes"],
  ...["iframe", "object", "embed", "svg", "math"],
];

/** A JSON-LD block survives only as well-formed JSON holding no `<` (so nothing can end or bend it). */
function isStructuredData(attribs: Record<string, string>, text: string): boolean {
  if ((attribs.type ?? "").trim().toLowerCase() !== "application/ld+json" || text.includes("<")) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: TAGS,
  // `<style>` blocks are kept (the CSP admits them by hash); `<script>` only as JSON-LD, below.
  allowVulnerableTags: true,
  nonTextTags: DROP_WITH_CONTENT,
  allowedAttributes: {
    "*": GLOBAL_ATTRIBUTES,
    html: ["lang", "dir"],
    // No `http-equiv`: no refresh, no CSP or cookies set from the page.
    meta: ["name", "content", "property", "charset"],
    script: ["type"],
    a: ["href", "target", "rel", "hreflang"],
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
    source: ["srcset", "sizes", "media", "type", "width", "height"],
    time: ["datetime"],
    blockquote: ["cite"],
    q: ["cite"],
    button: ["type", "aria-*"],
    details: ["open"],
    ol: ["start", "reversed", "type"],
    li: ["value"],
    th: ["colspan", "rowspan", "scope", "headers"],
    td: ["colspan", "rowspan", "headers"],
    col: ["span"],
    colgroup: ["span"],
  },
  allowedSchemes: ["https", "http", "mailto", "tel"],
  // Pictures may be inline data (an SVG logo as data: is inert in <img>); links may not.
  allowedSchemesByTag: { img: ["https", "http", "data"], source: ["https", "http", "data"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite", "srcset"],
  allowProtocolRelative: false,
  exclusiveFilter: (frame) =>
    (frame.tag === "script" && !isStructuredData(frame.attribs, frame.text)) ||
    // A meta left with only `content` (its http-equiv removed) means nothing: drop it whole.
    (frame.tag === "meta" && !["name", "property", "charset"].some((key) => key in frame.attribs)),
  transformTags: {
    // A button outside a form can still submit nothing, but say so plainly.
    button: (tagName, attribs) => ({ tagName, attribs: { ...attribs, type: "button" } }),
    a: (tagName, attribs) =>
      attribs.target === "_blank"
        ? { tagName, attribs: { ...attribs, rel: "noopener noreferrer" } }
        : { tagName, attribs },
  },
};

/**
 * The HTML a model wrote, safe to store and serve under the site CSP.
 * @example sanitizeSiteHtml('<a href="javascript:alert(1)" onclick="x()">Hi</a>') // '<!doctype html>\n<a>Hi</a>'
 */
export function sanitizeSiteHtml(html: string): string {
  return `<!doctype html>\n${sanitizeHtml(html, OPTIONS).trim()}`;
}

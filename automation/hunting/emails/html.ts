/**
 * Just enough HTML reading for finding addresses and links, without a DOM (the Worker has none):
 * character references decoded, tags and style blocks dropped, Cloudflare's email protection
 * undone, and anchors read with their text.
 */

/** The named references that matter for addresses and link text; numeric ones are decoded generally. */
const NAMED_REFERENCES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  commat: "@",
  period: ".",
  lpar: "(",
  rpar: ")",
  lsqb: "[",
  rsqb: "]",
  lbrack: "[",
  rbrack: "]",
};

/** Highest Unicode code point; a larger numeric reference is an error the browser shows as U+FFFD. */
const MAX_CODE_POINT = 0x10ffff;

/**
 * Text with its character references decoded.
 * @example decodeEntities("info&#64;bobs&period;com") // "info@bobs.com"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= MAX_CODE_POINT ? String.fromCodePoint(code) : "\uFFFD";
    }
    return NAMED_REFERENCES[ref.toLowerCase()] ?? whole;
  });
}

/** What a reader sees: style and script bodies, comments and tags removed, references decoded. */
export function visibleText(html: string): string {
  const withoutCode = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(style|script|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, " ");
  return decodeEntities(withoutCode.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ");
}

/**
 * Cloudflare's email protection: the first byte of the hex string is a key XORed with each later
 * byte. https://developers.cloudflare.com/waf/tools/scrape-shield/email-address-obfuscation/
 * @example decodeCfEmail("422b2c242d0220232927303b6c212d2f") // "info@bakery.com"
 */
export function decodeCfEmail(hex: string): string | null {
  if (!/^([0-9a-f]{2}){2,}$/i.test(hex)) return null;
  const bytes = hex.match(/../g)!.map((pair) => Number.parseInt(pair, 16));
  const key = bytes[0]!;
  return String.fromCharCode(...bytes.slice(1).map((byte) => byte ^ key));
}

/** The protected addresses of a page: `data-cfemail` attributes and `/cdn-cgi/l/email-protection#…` links. */
export function cfEmailsIn(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/data-cfemail\s*=\s*["']?([0-9a-f]+)/gi)) found.push(match[1]!);
  for (const match of html.matchAll(/\/cdn-cgi\/l\/email-protection#([0-9a-f]+)/gi)) found.push(match[1]!);
  return found.map(decodeCfEmail).filter((address): address is string => address !== null);
}

/** Each `mailto:` address of a page, without its `?subject=…` and with its escapes undone. */
export function mailtoAddresses(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const href = decodeEntities((match[1] ?? match[2] ?? match[3] ?? "").trim());
    if (!/^mailto:/i.test(href)) continue;
    const recipients = href.slice("mailto:".length).split("?")[0]!;
    found.push(...safeDecodeUri(recipients).split(/[,;]/));
  }
  return found;
}

export type Anchor = { url: string; text: string };

/** The page's links as absolute URLs with their visible text; unreadable hrefs are skipped. */
export function anchorsIn(html: string, pageUrl: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const match of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[1]!);
    if (!href) continue;
    try {
      const url = new URL(decodeEntities((href[1] ?? href[2] ?? href[3] ?? "").trim()), pageUrl);
      anchors.push({ url: url.href, text: visibleText(match[2]!).trim() });
    } catch {}
  }
  return anchors;
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

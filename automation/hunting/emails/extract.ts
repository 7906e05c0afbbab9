/**
 * Addresses in a page or a text: `mailto:` links, plain addresses, light obfuscations
 * (`name [at] domain [dot] com`, `(at)`, character references such as `&#64;`) and Cloudflare's
 * email protection. Each is normalised and filtered by `candidateFor`, then de-duplicated keeping
 * the first way it was found (mailto, cfemail, plain, obfuscated).
 */
import { candidateFor, type EmailCandidate, type EmailKind } from "./address";
import { cfEmailsIn, decodeEntities, mailtoAddresses, visibleText } from "./html";

/** An address found on a web page, with the page. */
export type PageEmail = EmailCandidate & { page: string };

const PLAIN = /(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const WRAPPED_AT = String.raw`\s*[[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+@\s+`;
const BARE_AT = String.raw`\s+at\s+`;
const SPELLED_DOT = String.raw`\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+`;
const OBFUSCATED = new RegExp(
  `(?<![a-z0-9._%+-])([a-z0-9][a-z0-9._%+-]*)(${WRAPPED_AT}|${BARE_AT})(${LABEL}(?:(?:${SPELLED_DOT}|\\.)${LABEL})+)`,
  "gi",
);
const SPELLED_DOTS = new RegExp(SPELLED_DOT, "gi");

/**
 * A bare " at " is prose far more often than an address ("visit us at bakery.com"), so it counts
 * only in a clear address shape: a local part that is not a common word and holds a separator or
 * a digit unless the dot is spelled out too, and a top-level domain people actually use.
 */
const PROSE_WORDS = new Set(
  "us me you him her them it we one someone people anyone open opens closed meet see find visit call text email mail write reach contact look located online here there home work everyone".split(
    " ",
  ),
);
const COMMON_TLD = /^(com|net|org|biz|info|co|io|us|edu|gov|[a-z]{2})$/;

/**
 * The addresses in an HTML page, each with the page it was found on.
 * @example emailsInHtml('<a href="mailto:Owner@Bakery.com?subject=Cake">Write</a>', "https://bakery.com/")
 * // [{ address: "owner@bakery.com", kind: "mailto", role: false, page: "https://bakery.com/" }]
 */
export function emailsInHtml(html: string, pageUrl: string): PageEmail[] {
  const found = new Found();
  found.add(mailtoAddresses(html), "mailto");
  found.add(cfEmailsIn(html), "cfemail");
  found.add(plainIn(html), "plain");
  found.add(plainIn(decodeEntities(html)), "obfuscated");
  found.add(obfuscatedIn(visibleText(html)), "obfuscated");
  return found.list().map((candidate) => ({ ...candidate, page: pageUrl }));
}

/** The addresses in plain text (a review, an owner's answer, a description). */
export function emailsInText(text: string): EmailCandidate[] {
  const found = new Found();
  found.add(plainIn(text), "plain");
  found.add(obfuscatedIn(text.replace(/\s+/g, " ")), "obfuscated");
  return found.list();
}

/** The addresses in a business's review texts and owner answers, de-duplicated across them. */
export function emailsInReviews(texts: readonly string[]): EmailCandidate[] {
  const found = new Found();
  for (const candidate of texts.flatMap(emailsInText)) found.keep(candidate);
  return found.list();
}

const plainIn = (text: string): string[] => Array.from(text.matchAll(PLAIN), (match) => match[0]);

function obfuscatedIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(OBFUSCATED)) {
    const [, local, at, spelledDomain] = match as unknown as [string, string, string, string];
    const domain = spelledDomain.replace(SPELLED_DOTS, ".");
    if (/^\s+at\s+$/i.test(at) && !clearBareShape(local, domain, domain !== spelledDomain)) continue;
    found.push(`${local}@${domain}`);
  }
  return found;
}

function clearBareShape(local: string, domain: string, dotSpelled: boolean): boolean {
  const word = local.toLowerCase();
  if (PROSE_WORDS.has(word)) return false;
  if (!dotSpelled && !/[._%+\d-]/.test(word)) return false;
  return COMMON_TLD.test(domain.toLowerCase().split(".").at(-1) ?? "");
}

/** Candidates in the order first found, one per address. */
class Found {
  private readonly byAddress = new Map<string, EmailCandidate>();

  add(raws: string[], kind: EmailKind): void {
    for (const raw of raws) {
      const candidate = candidateFor(raw, kind);
      if (candidate) this.keep(candidate);
    }
  }

  keep(candidate: EmailCandidate): void {
    if (!this.byAddress.has(candidate.address)) this.byAddress.set(candidate.address, candidate);
  }

  list(): EmailCandidate[] {
    return [...this.byAddress.values()];
  }
}

/**
 * Turns a message's links into tracked ones and adds the open pixel. Every http(s) link becomes
 * `<origin>/t/c/<token>`, the token carrying the link exactly as written; `mailto:`, `tel:`, the
 * unsubscribe link and links already tracked stay as they are. HTML is read with htmlparser2 and
 * edited in place at the positions it reports, so the rest of the markup is untouched.
 */

import { Parser } from "htmlparser2";
import { escapeHtml } from "../html";
import { signToken } from "./tokens";

/** Who the links belong to and where the tracker answers. */
export type TrackingLinks = {
  /** The app's origin as recipients reach it, e.g. `https://app.rowpilot.com`. */
  origin: string;
  key: CryptoKey;
  workspaceId: string;
  messageId: string;
};

/** An http(s) URL in plain text runs to the next space, angle bracket or quote. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the URL ("see https://a.example/."). */
const TRAILING_PUNCTUATION = /[.,;:!?'"\]}*]$/;

type Edit = { start: number; end: number; replacement: Promise<string> };

/** `source` with each edit's span replaced, the edits in order and not overlapping. */
async function apply(source: string, edits: Edit[]): Promise<string> {
  const replacements = await Promise.all(edits.map((edit) => edit.replacement));
  let out = "";
  let at = 0;
  edits.forEach((edit, i) => {
    out += source.slice(at, edit.start) + replacements[i];
    at = edit.end;
  });
  return out + source.slice(at);
}

/** The URL without the punctuation that follows it in prose; a `)` stays when it closes one in the URL. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(url)) url = url.slice(0, -1);
    else if (url.endsWith(")") && url.split("(").length < url.split(")").length) url = url.slice(0, -1);
    else return url;
  }
}

function isValidUrl(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** Whether a link should become a tracked one: http(s), and not our own unsubscribe or tracker. */
function shouldTrack(url: string, origin: string): boolean {
  if (!/^https?:\/\//i.test(url) || !isValidUrl(url)) return false;
  return !url.startsWith(`${origin}/u/`) && !url.startsWith(`${origin}/t/`);
}

/** Each http(s) URL in plain text, where it starts and ends. */
export function urlsInText(text: string): { start: number; end: number; url: string }[] {
  return [...text.matchAll(URL_IN_TEXT)].map((match) => {
    const url = trimUrl(match[0]);
    return { start: match.index, end: match.index + url.length, url };
  });
}

async function clickUrl(url: string, links: TrackingLinks, origin: string): Promise<string> {
  const token = await signToken(links.key, {
    purpose: "c",
    workspaceId: links.workspaceId,
    messageId: links.messageId,
    url,
  });
  return `${origin}/t/c/${token}`;
}

/** The app origin without a trailing slash or path. */
const originOf = (links: TrackingLinks) => new URL(links.origin).origin;

/**
 * A plain-text body with every http(s) URL replaced by its tracked link.
 * @example await trackText("See https://a.example/x.", links) // "See https://app…/t/c/eyJ….abc."
 */
export async function trackText(text: string, links: TrackingLinks): Promise<string> {
  const origin = originOf(links);
  const edits = urlsInText(text)
    .filter(({ url }) => shouldTrack(url, origin))
    .map(({ start, end, url }) => ({ start, end, replacement: clickUrl(url, links, origin) }));
  return apply(text, edits);
}

/** The open pixel for one message: 1×1, no alt text, so it is neither seen nor read out. */
export async function openPixel(links: TrackingLinks): Promise<string> {
  const token = await signToken(links.key, {
    purpose: "o",
    workspaceId: links.workspaceId,
    messageId: links.messageId,
  });
  return `<img src="${originOf(links)}/t/o/${token}.gif" width="1" height="1" alt="">`;
}

/**
 * Where content added at the end of an HTML email goes: before the first `</body>` the markup
 * really has (not one in a comment or a string), or at the very end when it has none.
 */
export function bodyEndIndex(html: string): number {
  let at: number | null = null;
  const parser: Parser = new Parser({
    onclosetag(name, isImplied) {
      if (name === "body" && !isImplied && at === null) at = parser.startIndex;
    },
  });
  parser.end(html);
  return at ?? html.length;
}

/**
 * HTML with every `<a href>` to an http(s) URL tracked and the open pixel added once, before
 * `</body>` (or at the end when the markup has no body end tag).
 */
export async function trackHtml(html: string, links: TrackingLinks): Promise<string> {
  const origin = originOf(links);
  const edits: Edit[] = [];
  let tag = "";
  let hrefSeen = false;
  const parser: Parser = new Parser({
    onopentagname(name) {
      tag = name;
      hrefSeen = false;
    },
    onattribute(name, value) {
      // A browser follows the first href of a tag and ignores the rest.
      if (tag !== "a" || name !== "href" || hrefSeen) return;
      hrefSeen = true;
      const url = value.trim();
      if (!shouldTrack(url, origin)) return;
      // The parser's indices span the whole attribute as written: name, quotes and all.
      const replacement = clickUrl(url, links, origin).then((tracked) => `href="${tracked}"`);
      edits.push({ start: parser.startIndex, end: parser.endIndex, replacement });
    },
  });
  parser.end(html);
  const at = bodyEndIndex(html);
  edits.push({ start: at, end: at, replacement: openPixel(links) });
  edits.sort((a, b) => a.start - b.start);
  return apply(html, edits);
}

/** One line of text as HTML, its URLs as links to themselves. */
function lineToHtml(line: string): string {
  let out = "";
  let at = 0;
  for (const { start, end, url } of urlsInText(line)) {
    out += `${escapeHtml(line.slice(at, start))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    at = end;
  }
  return out + escapeHtml(line.slice(at));
}

/**
 * The HTML version of a plain-text message: escaped, a paragraph per blank-line-separated block,
 * line breaks kept, URLs as links (untracked; `trackHtml` tracks them).
 * @example htmlFromText("Hi <you>\n\nhttps://a.example") // "…<p>Hi &lt;you&gt;</p>\n<p><a href=…"
 */
export function htmlFromText(text: string): string {
  const paragraphs = text
    .replaceAll("\r\n", "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${block.split("\n").map(lineToHtml).join("<br>\n")}</p>`);
  return `<!doctype html>\n<html><body>\n${paragraphs.join("\n")}\n</body></html>`;
}

/**
 * Both versions of an email, tracked: the HTML made from the text when there is none.
 * @example const { text, html } = await trackEmail({ text: body, html: null }, links);
 */
export async function trackEmail(
  body: { text: string; html: string | null },
  links: TrackingLinks,
): Promise<{ text: string; html: string }> {
  const [text, html] = await Promise.all([
    trackText(body.text, links),
    trackHtml(body.html ?? htmlFromText(body.text), links),
  ]);
  return { text, html };
}

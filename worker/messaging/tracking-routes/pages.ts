/**
 * The small pages recipients see: an unsubscribe confirmation, its result, and a link that does
 * not work. Self-contained HTML with its style inline; the policy lets nothing load or run, the
 * only form post to the page itself, and no other site frame it (the button must not be
 * clickjacked).
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { escapeHtml } from "../../../automation/messaging/html";

const POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `
  :root { color-scheme: light dark; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f6f7f9; color: #1f2328;
    font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 28rem; margin: 1.5rem; padding: 2rem; background: #fff; border: 1px solid #e3e6ea; border-radius: 12px; }
  h1 { margin: 0 0 .75rem; font-size: 1.375rem; line-height: 1.3; }
  p { margin: 0 0 1rem; color: #4b5563; }
  button { font: inherit; font-weight: 600; padding: .625rem 1.25rem; border: 0; border-radius: 8px; background: #2563eb; color: #fff; cursor: pointer; }
  button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    body { background: #111418; color: #e6e8eb; } main { background: #1a1e24; border-color: #2c323a; } p { color: #a8b0ba; }
  }`;

export type PageContent = {
  title: string;
  /** Paragraphs of plain text (escaped here). */
  lines: string[];
  /** A button that posts to this same address. */
  button?: { label: string };
};

/** A finished-looking page with `status`, never cached (it depends on the link's state). */
export function recipientPage(status: ContentfulStatusCode, content: PageContent): Response {
  const paragraphs = content.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("");
  // The hidden field makes the button's post the same as a mail client's RFC 8058 one-click post.
  const form = content.button
    ? `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(content.button.label)}</button></form>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(content.title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(content.title)}</h1>${paragraphs}${form}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": POLICY,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store, private",
      // The address holds the token: nothing this page leads to should learn it.
      "Referrer-Policy": "no-referrer",
    },
  });
}

/** The answer to a tracking or unsubscribe link we did not sign, or signed for something else. */
export function badLinkPage(what: "link" | "unsubscribe link"): Response {
  return recipientPage(400, {
    title: "This link does not work",
    lines: [
      `This ${what} is incomplete or has been changed, so it cannot be followed.`,
      what === "link"
        ? "Try copying the whole link from the email again."
        : "Try the link in the email again, or reply to the email and ask to be removed.",
    ],
  });
}

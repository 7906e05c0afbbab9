/** How the Messages page words a message: status labels and colors, recipients, links in an email. */
import type { MessageStatus } from "../../schema/messaging-tables";

export const MESSAGE_STATUS_LABEL: Record<MessageStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  queued: "Queued",
  sent: "Sent",
  delivered: "Delivered",
  opened: "Opened",
  clicked: "Clicked",
  replied: "Replied",
  bounced: "Bounced",
  complained: "Complained",
  unsubscribed: "Unsubscribed",
  failed: "Failed",
  suppressed: "Suppressed",
};

const SKY = "bg-sky-500/15 text-sky-700 dark:text-sky-300";
const VIOLET = "bg-violet-500/15 text-violet-700 dark:text-violet-300";
const AMBER = "bg-amber-500/15 text-amber-700 dark:text-amber-300";

export const MESSAGE_STATUS_TONE: Record<MessageStatus, string> = {
  draft: "bg-surface-2 text-muted",
  scheduled: SKY,
  queued: SKY,
  sent: "bg-accent-soft text-accent",
  delivered: "bg-accent-soft text-accent",
  opened: "bg-success-soft text-success",
  clicked: "bg-success-soft text-success",
  replied: VIOLET,
  bounced: "bg-danger-soft text-danger",
  complained: "bg-danger-soft text-danger",
  unsubscribed: AMBER,
  failed: "bg-danger-soft text-danger",
  suppressed: AMBER,
};

/** A message still on its way out: the list is read again until none is. */
export const isPending = (status: string) => status === "queued";

/** A bare address in a message's text, up to the next space, quote or closing bracket. */
const BARE_URL = /https?:\/\/[^\s<>"')\]]+/g;

/**
 * The links an email contains, each once, in order: its HTML's anchors (the tracked ones as they
 * were sent), then any bare address in its text not among them.
 * @example linksOf('<a href="https://a.example/">A</a>', "See https://b.example/x.") // ["https://a.example/", "https://b.example/x"]
 */
export function linksOf(html: string, text = ""): string[] {
  const hrefs = Array.from(
    html.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi),
    (m) => m[1] ?? m[2] ?? "",
  );
  const bare = Array.from(text.matchAll(BARE_URL), ([url]) => url.replace(/[.,;:!?]+$/, ""));
  return [...new Set([...hrefs.map(decodeEntities), ...bare].filter(Boolean))];
}

/** The entities `escapeHtml` (`automation/messaging/html.ts`) writes into an attribute, undone. */
function decodeEntities(text: string): string {
  return text.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/**
 * Matches a recipient to a search: every word of the search in the name or the detail line.
 * @example matchesSearch({ name: "Rosa's Taquería", detail: "Austin" }, "rosa aus") // true
 */
export function matchesSearch(recipient: { name: string; detail: string }, search: string): boolean {
  const haystack = `${recipient.name} ${recipient.detail}`.toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

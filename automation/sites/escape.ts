/**
 * Escaping for the three places a business's facts land in a page: element text and attribute
 * values, a `<script type="application/ld+json">` block, and link targets.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe inside an element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON safe inside a `<script>` element: `<` `>` `&` and the two JavaScript line separators are
 * written as `\uXXXX`, so no `</script>` or `<!--` can appear in the block and end it early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** `http:`/`https:` URLs with a host, as written; anything else (`javascript:`, `data:`, junk) → null. */
export function webUrl(raw: string): string | null {
  const text = raw.trim();
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

/** A `tel:` link for a phone number as people write it, or null when it holds too few digits. */
export function telUrl(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  // The shortest dialable numbers worth a link are local 7-digit ones.
  return digits.replace(/\D/g, "").length >= 7 ? `tel:${digits}` : null;
}

/** A `mailto:` link for a plain address, or null for anything that is not one. */
export function mailtoUrl(email: string): string | null {
  const text = email.trim();
  return /^[^\s@<>"'(),;:\\]+@[^\s@<>"'(),;:\\]+\.[a-z]{2,}$/i.test(text) ? `mailto:${text}` : null;
}

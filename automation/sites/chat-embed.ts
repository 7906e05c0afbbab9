/**
 * The chat widget on a published site: the script tag put before the page's `</body>` when it is
 * served, and the two sources its Content-Security-Policy must allow (the script's exact URL, the
 * visitor socket's exact path on the app's origin) and nothing wider.
 */

/** A CSP source that is the chat widget's script: exactly `/chat/widget.js` on one origin. */
export const CHAT_SCRIPT_SOURCE = /^(https?):\/\/[a-z0-9.-]+(:\d+)?\/chat\/widget\.js$/i;
/** A CSP source that is one workspace's chat socket: exactly `/chat/socket/<slug>` on one origin. */
export const CHAT_SOCKET_SOURCE = /^(wss?):\/\/[a-z0-9.-]+(:\d+)?\/chat\/socket\/[a-z0-9-]+$/i;

export type ChatSources = { script: string; socket: string };

/**
 * A source on this machine or a reserved test name (RFC 2606 `.test`), never on the internet: the
 * app runs on plain http there, so its widget does too. Anything else must use TLS.
 */
export function isLocalSource(source: string): boolean {
  try {
    const host = new URL(source).hostname;
    return host === "localhost" || host === "127.0.0.1" || host.endsWith(".test");
  } catch {
    return false;
  }
}

const escapeAttr = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The page with the widget of workspace `slug` served from `appOrigin`, and the sources its CSP allows.
 * @example withChatWidget(html, "https://app.rowpilot.com", "acme")
 */
export function withChatWidget(html: string, appOrigin: string, slug: string): { html: string; chat: ChatSources } {
  const origin = new URL(appOrigin);
  const script = `${origin.origin}/chat/widget.js`;
  const socket = `${origin.protocol === "https:" ? "wss:" : "ws:"}//${origin.host}/chat/socket/${encodeURIComponent(slug)}`;
  const tag = `<script src="${escapeAttr(script)}" data-workspace="${escapeAttr(slug)}" async></script>`;
  const at = html.toLowerCase().lastIndexOf("</body>");
  const page = at === -1 ? `${html}${tag}` : `${html.slice(0, at)}${tag}${html.slice(at)}`;
  return { html: page, chat: { script, socket } };
}

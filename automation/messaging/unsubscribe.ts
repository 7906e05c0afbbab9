/**
 * Unsubscribing, as every marketing email carries it: the RFC 8058 one-click headers, and a
 * visible footer with the link and the sender's postal address (CAN-SPAM §7704(a)(5) asks for
 * both). The link's GET shows a confirmation page and only its POST unsubscribes, because link
 * scanners fetch GETs; that is the Worker's part.
 */
import { escapeHtml } from "./html";
import { signToken } from "./tracking";

/** Hosts served from this machine, where the app runs over plain http. */
const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

export class UnsubscribeSetupError extends Error {
  override name = "UnsubscribeSetupError";
}

/**
 * The origin unsubscribe links use. RFC 8058 §3.1 requires an https URI; a locally served app
 * (`local`, or a localhost address) may use http so the demo works offline.
 * @example unsubscribeOrigin("http://localhost:5173", { local: true }) // "http://localhost:5173"
 */
export function unsubscribeOrigin(appUrl: string, { local }: { local: boolean }): string {
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    throw new UnsubscribeSetupError(
      `The app URL "${appUrl}" is not a URL; set APP_URL to e.g. https://app.example.com.`,
    );
  }
  const isLocalHost = LOCAL_HOSTS.includes(url.hostname) || url.hostname.endsWith(".localhost");
  if (url.protocol === "https:" || (url.protocol === "http:" && (local || isLocalHost))) return url.origin;
  throw new UnsubscribeSetupError(
    `Unsubscribe links must be https (RFC 8058); "${appUrl}" is not. Serve the app over https or run it locally.`,
  );
}

/**
 * The signed unsubscribe link of one message.
 * @example await unsubscribeUrl(origin, key, { workspaceId, messageId }) // "https://…/u/eyJ….abc"
 */
export async function unsubscribeUrl(
  origin: string,
  key: CryptoKey,
  message: { workspaceId: string; messageId: string },
): Promise<string> {
  return `${origin}/u/${await signToken(key, { purpose: "u", ...message })}`;
}

/**
 * `List-Unsubscribe` (the https link first, then the mailto when there is one) and
 * `List-Unsubscribe-Post`, exactly as RFC 8058 §3.1 and RFC 2369 §3.2 write them.
 * @example listUnsubscribeHeaders("https://a.example/u/t", "unsubscribe@a.example")
 */
export function listUnsubscribeHeaders(url: string, mailto: string | null = null): Record<string, string> {
  const targets = [`<${url}>`];
  if (mailto) targets.push(`<mailto:${mailto}?subject=unsubscribe>`);
  return {
    "List-Unsubscribe": targets.join(", "),
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** Quiet, small and grey: present and readable without competing with the message. */
const FOOTER_STYLE = "margin-top:24px;font-size:12px;line-height:1.5;color:#6b7280";

/**
 * The footer under every marketing email: who sent it, where they are, how to stop.
 * @example unsubscribeFooter({ url, senderName: "Dana Whitfield", postalAddress: "1 Main St\nAustin, TX 78701" })
 */
export function unsubscribeFooter({
  url,
  senderName,
  postalAddress,
}: {
  url: string;
  senderName: string;
  postalAddress: string;
}): { text: string; html: string } {
  const lines = postalAddress
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (!lines.length) {
    throw new UnsubscribeSetupError(
      "The sender has no postal address; add one in the workspace's sender settings (the law asks for it in marketing emails).",
    );
  }
  const sender = [senderName.trim(), ...lines].filter(Boolean);
  const text = `\n\n--\n${sender.join("\n")}\nDon't want these emails? Unsubscribe: ${url}\n`;
  const html =
    `<div style="${FOOTER_STYLE}"><p>${sender.map(escapeHtml).join("<br>")}</p>` +
    `<p>Don't want these emails? <a href="${escapeHtml(url)}">Unsubscribe</a></p></div>`;
  return { text, html };
}

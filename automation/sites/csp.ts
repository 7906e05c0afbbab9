/**
 * The response headers of a generated site: a Content-Security-Policy that admits exactly the
 * page's own inline `<script>` and `<style>` blocks (by SHA-256 hash) and nothing from elsewhere
 * unless a workspace allowlisted the host; plus the headers every site page carries.
 */
import { Parser } from "htmlparser2";
import type { ChatSources } from "./chat-embed";

/** Hosts a workspace allows, each an `https://` origin with a concrete host name. */
export type SiteAllowlist = { scripts?: string[]; styles?: string[]; fonts?: string[]; images?: string[] };

export class SiteAllowlistError extends Error {
  override name = "SiteAllowlistError";
}

/** The text of every inline `<script>` and `<style>`, exactly as a browser hashes it. */
export function inlineBlocks(html: string): { scripts: string[]; styles: string[] } {
  const found = { scripts: [] as string[], styles: [] as string[] };
  let open: { tag: "script" | "style"; text: string; external: boolean } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === "script" || name === "style") open = { tag: name, text: "", external: "src" in attribs };
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (!open || name !== open.tag) return;
        if (!open.external) (open.tag === "script" ? found.scripts : found.styles).push(open.text);
        open = null;
      },
    },
    // Raw text as written: a browser hashes `&amp;` in a script as five characters, not one.
    { decodeEntities: false },
  );
  parser.end(html);
  return found;
}

async function sha256Source(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

function origins(hosts: string[] | undefined): string[] {
  return (hosts ?? []).map((host) => {
    let url: URL;
    try {
      url = new URL(host);
    } catch {
      throw new SiteAllowlistError(`"${host}" is not a URL: allow hosts as https://fonts.example.com`);
    }
    if (url.protocol !== "https:" || url.hostname.includes("*") || host.includes("*")) {
      throw new SiteAllowlistError(`"${host}" cannot be allowed: only https:// hosts without wildcards`);
    }
    return url.origin;
  });
}

const unique = (sources: string[]) => [...new Set(sources)];

/**
 * Headers for one site page: its CSP (hashes of its inline blocks), nosniff and a referrer policy.
 * @example await siteHeaders({ html, allow: { fonts: ["https://fonts.gstatic.com"] } })
 */
export async function siteHeaders({
  html,
  allow = {},
  sandbox = true,
  chat,
}: {
  html: string;
  allow?: SiteAllowlist;
  /** The workspace's chat widget (`chat-embed.ts`): exactly its script and its socket are allowed, nothing wider. */
  chat?: ChatSources;
  /**
   * Run the page in an opaque origin (CSP `sandbox`): a generated page's script, served beside the
   * app when no sites domain is set, can then read nothing of the app's origin (no cookies, no
   * same-origin windows or fetches). Our own claim form, which must post, is served without it.
   */
  sandbox?: boolean;
}): Promise<Record<string, string>> {
  const blocks = inlineBlocks(html);
  const scriptHashes = await Promise.all(unique(blocks.scripts).map(sha256Source));
  const styleHashes = await Promise.all(unique(blocks.styles).map(sha256Source));
  const list = (sources: string[]) => (sources.length ? sources.join(" ") : "'none'");
  const directives = [
    "default-src 'none'",
    `script-src ${list([...scriptHashes, ...origins(allow.scripts), ...(chat ? [chat.script] : [])])}`,
    `style-src ${list([...styleHashes, ...origins(allow.styles)])}`,
    // Pictures from the site itself or written inline (data: images cannot run script).
    `img-src ${["'self'", "data:", ...origins(allow.images)].join(" ")}`,
    `font-src ${list(["'self'", ...origins(allow.fonts)])}`,
    `connect-src ${chat ? chat.socket : "'none'"}`,
    // The claim bar is a link: nothing on a site posts anywhere.
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    // Scripts run and links may open new tabs (a map) outside the sandbox; never allow-same-origin.
    ...(sandbox ? ["sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox"] : []),
  ];
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": directives.join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}

export { cspProblems } from "./csp-problems";

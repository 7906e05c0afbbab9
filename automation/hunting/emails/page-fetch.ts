/**
 * Fetching one page of a business's site for email finding: every URL (each redirect hop too)
 * passed to the URL guard first, redirects followed only within the same site, one timeout for
 * the page and its hops, HTML only, and the body cut at a size cap so a huge or endless page
 * cannot fill the Worker's memory.
 */
import type { UrlGuard } from "../../contact/guard";
import { bareHost } from "./rank";

/** Canonical redirects (http → https, bare → www, a trailing slash) take one to three hops. */
const MAX_REDIRECTS = 5;

export type PageFetchOptions = {
  fetch: typeof fetch;
  guard: UrlGuard;
  timeoutMs: number;
  maxBytes: number;
};

export type PageResult = { ok: true; url: string; html: string } | { ok: false; url: string; reason: string };

/** The page's HTML (cut at `maxBytes`) and the URL it was read from, or why it was not read. */
export async function fetchHtml(url: string, options: PageFetchOptions): Promise<PageResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const site = bareHost(url);
  let current = url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      await options.guard.check(current);
      const response = await options.fetch(current, {
        redirect: "manual",
        signal,
        headers: { accept: "text/html,application/xhtml+xml" },
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, current).href;
        if (bareHost(next) !== site) return { ok: false, url, reason: `redirects to another site (${next})` };
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, url, reason: `answered HTTP ${response.status}` };
      }
      const type = response.headers.get("content-type") ?? "";
      if (!/html/i.test(type)) {
        await response.body?.cancel();
        return { ok: false, url, reason: `is not HTML (${type || "no content type"})` };
      }
      return { ok: true, url: current, html: await readCapped(response, options.maxBytes) };
    }
    return { ok: false, url, reason: `redirects more than ${MAX_REDIRECTS} times` };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "TimeoutError" || name === "AbortError") {
      return { ok: false, url, reason: `did not load within ${options.timeoutMs / 1000} s` };
    }
    return { ok: false, url, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The body as text, reading no more than `maxBytes` and cancelling the rest. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let read = 0;
  while (read < maxBytes) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    const room = maxBytes - read;
    const chunk = value.byteLength > room ? value.subarray(0, room) : value;
    read += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
  }
  await reader.cancel();
  return text + decoder.decode();
}

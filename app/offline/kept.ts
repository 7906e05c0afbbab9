/**
 * What the browser keeps of pages' data, to open them with no network: a page keeps the data it
 * was last shown with (`useKeep`), and its `clientLoader` answers with that copy when the server
 * cannot be reached (`serverOrKept`), whether the page was opened by its address or by a link in
 * the app. The copies are in Cache Storage (public/sw.js keeps that cache across builds); signing
 * out clears them with everything else the site stored (Clear-Site-Data, app/routes/sign-out.tsx).
 */
import { useEffect } from "react";
import { data, isRouteErrorResponse } from "react-router";
import { markReachable, markUnreachable } from "./online";

/** The cache of kept copies; public/sw.js names it too. */
const KEPT_CACHE = "rowpilot-kept";

/** What is kept, each under its key. */
export const KEPT = {
  /** A workspace with its member (the workspace layout's data). */
  workspace: (slug: string) => `workspace/${slug}`,
  /** A workspace's list of tables (its home's data). */
  tables: (slug: string) => `tables/${slug}`,
  /** A table's page data; its contents are in IndexedDB (sync/provider/). */
  table: (tableId: string) => `table/${tableId}`,
  /** The slug of the workspace last opened, where `/` goes with no server. */
  lastWorkspace: "last-workspace",
};

/** Each copy is filed under an address of its own, one the app never serves. */
const address = (key: string) => new URL(`/__kept/${key}`, location.origin).href;

export async function keep(key: string, value: unknown): Promise<void> {
  await (await caches.open(KEPT_CACHE)).put(address(key), Response.json(value));
}

export async function keptCopy<T>(key: string): Promise<T | null> {
  const found = await (await caches.open(KEPT_CACHE)).match(address(key));
  return found ? ((await found.json()) as T) : null;
}

/** Keeps `value` under `key` each time it changes: what the page shows is what opens offline. */
export function useKeep(key: string, value: unknown) {
  useEffect(() => {
    if (typeof caches === "undefined") return;
    keep(key, value).catch((error) => console.warn("rowpilot: a copy for offline use was not kept", error));
  }, [key, value]);
}

/**
 * True when the server could not be asked (no network, or no answer: `fetch` rejects with a
 * TypeError), not when it answered with an error or a redirect, which stand.
 */
export function unreachable(error: unknown): boolean {
  if (error instanceof Response || isRouteErrorResponse(error)) return false;
  return error instanceof TypeError || !navigator.onLine;
}

/**
 * The server's data, or when the server cannot be reached, the copy kept under `key`; with no
 * copy either, an error saying `missing` (the page was never opened on this device).
 */
export async function serverOrKept<T>(key: string, serverLoader: () => Promise<T>, missing: string): Promise<T> {
  try {
    const answer = await serverLoader();
    markReachable();
    return answer;
  } catch (error) {
    if (!unreachable(error)) throw error;
    markUnreachable();
    const copy = await keptCopy<T>(key).catch(() => null);
    if (copy === null) throw notKept(missing);
    return copy;
  }
}

/** What a page with no copy on this device throws, for its error boundary (`isNotKept`). */
export function notKept(message: string) {
  return data({ notKept: true, message }, { status: 503, statusText: "Not available offline" });
}

export function isNotKept(error: unknown): error is { data: { message: string } } {
  return isRouteErrorResponse(error) && (error.data as { notKept?: unknown } | undefined)?.notKept === true;
}

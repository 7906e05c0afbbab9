/**
 * A site as `GET /api/sites/:id` gives it, read again every 2 s while it is queued or generating
 * (the agents write which stage is running into its row), until it leaves those states.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { isBusySite, type SiteDetail } from "../../schema/sites-api";
import { apiJson } from "../lib/api-client";
import { siteApi } from "./api";

/** How often a site being made is read again: a stage takes seconds, so 2 s shows each one. */
export const POLL_MS = 2_000;
/** Four agents with retries finish well within this; past it the panel stops asking and says so. */
export const POLL_LIMIT_MS = 10 * 60_000;

export type LiveSite = {
  site: SiteDetail | null;
  error: string | null;
  /** Still queued or generating when polling gave up. */
  stale: boolean;
  refresh: () => Promise<SiteDetail | null>;
};

/**
 * `busy` says whether to poll before the first answer (a card knows its status already);
 * `onSettled` runs once the site leaves queued/generating, to refresh the list around it.
 */
export function useLiveSite(slug: string, id: string | null, busy: boolean, onSettled?: () => void): LiveSite {
  const [site, setSite] = useState<SiteDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const settled = useRef(onSettled);
  settled.current = onSettled;

  const refresh = useCallback(async () => {
    if (!id) return null;
    try {
      const next = await apiJson<SiteDetail>(siteApi(slug, id));
      setSite(next);
      setError(null);
      return next;
    } catch (e) {
      setError((e as Error).message);
      return null;
    }
  }, [slug, id]);

  const polling = busy || (site !== null && site.id === id && isBusySite(site.status));
  useEffect(() => {
    if (!polling || !id) return;
    setStale(false);
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const next = await refresh();
      if (stopped) return;
      if (next && !isBusySite(next.status)) {
        settled.current?.();
        return;
      }
      if (Date.now() - started > POLL_LIMIT_MS) {
        setStale(true);
        return;
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [polling, id, refresh]);

  return { site: site?.id === id ? site : null, error, stale, refresh };
}

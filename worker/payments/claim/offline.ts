/**
 * The page a claimed site shows while it is taken offline (its subscription past due beyond the
 * grace period): a calm notice, no detail about the owner's billing, served with 503 and
 * `Retry-After` so search engines keep the site's place instead of forgetting it.
 */
import { sitesPage } from "./page";

/** Search engines come back after this; a past-due plan is usually settled within a day. */
export const OFFLINE_RETRY_AFTER_SECONDS = 24 * 60 * 60;

export function offlinePage(): Promise<Response> {
  return sitesPage(
    "Taking a short break",
    "<h1>This site is taking a short break</h1><p>It will be back soon. Please check again later.</p>",
    { status: 503, headers: { "Retry-After": String(OFFLINE_RETRY_AFTER_SECONDS) } },
  );
}

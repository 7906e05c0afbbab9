/**
 * Claim form floods: every claim (the page's form and `POST /api/claims`) is counted per client
 * address and per site with the Workers Rate Limiting bindings declared in wrangler.jsonc
 * (`ratelimits`), which miniflare runs locally. The numbers live there; these mirror them for the
 * messages and the tests.
 */

/** A person retries a typo a few times a minute; ten covers that and stops a script. */
export const CLAIMS_PER_ADDRESS_PER_MINUTE = 10;
/** A site is claimed by one owner: thirty attempts a minute from anywhere is already a flood. */
export const CLAIMS_PER_SITE_PER_MINUTE = 30;

export const TOO_MANY_CLAIMS =
  "Too many claims were sent from here in the last minute. Please wait a minute and try again.";
export const TOO_MANY_SITE_CLAIMS =
  "This site is getting too many claims right now. Please wait a minute and try again.";

/** The refusal for this attempt, or null when it may go ahead; each call counts one attempt. */
export async function claimLimited(env: Env, ip: string, siteSlug: string): Promise<string | null> {
  const [byAddress, bySite] = await Promise.all([
    env.CLAIM_IP_LIMITER.limit({ key: `ip:${ip}` }),
    env.CLAIM_SITE_LIMITER.limit({ key: `site:${siteSlug}` }),
  ]);
  if (!byAddress.success) return TOO_MANY_CLAIMS;
  if (!bySite.success) return TOO_MANY_SITE_CLAIMS;
  return null;
}

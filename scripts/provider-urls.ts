/**
 * Provider base URLs given to the local Worker from the environment of `npm start`, `npm run dev`
 * and the test servers, so a stand-in on 127.0.0.1 can take a provider's place
 * (`OUTSCRAPER_URL=http://127.0.0.1:9999 npm start`), and `SITES_DOMAIN` likewise. wrangler reads no Worker vars from the
 * environment once `.dev.vars` exists, so the scripts pass them on themselves.
 */
import { experimental_readRawConfig } from "wrangler";

/** Ends the name of every provider base URL var in wrangler.jsonc. */
const URL_SUFFIX = "_URL";
/** The app's own origin, also a `_URL` var but set per run by the scripts, never by a stand-in. */
const NOT_A_PROVIDER = new Set(["APP_URL"]);

/** Worker vars besides the provider URLs that the scripts pass on from their environment, with their check. */
const OTHER_PASSED_VARS: Record<string, { example: string; valid: (value: string) => boolean }> = {
  // The wildcard domain published sites are served on: `SITES_DOMAIN=localhost npm start` serves
  // a site at http://<slug>.localhost:8787/ (browsers resolve *.localhost to this machine).
  SITES_DOMAIN: {
    example: "sites.example.com",
    valid: (value) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(value),
  },
};

/** Every var the scripts pass on from their environment: the provider URLs and `SITES_DOMAIN`. */
export function passedVarNames(config = "wrangler.jsonc"): string[] {
  return [...providerUrlNames(config), ...Object.keys(OTHER_PASSED_VARS)];
}

/**
 * The provider base URL vars declared in wrangler.jsonc (`OUTSCRAPER_URL`, `ANTHROPIC_BASE_URL`…):
 * a new provider's var is picked up by adding its line there.
 */
export function providerUrlNames(config = "wrangler.jsonc"): string[] {
  const vars = experimental_readRawConfig({ config }).rawConfig.vars ?? {};
  return Object.keys(vars).filter((name) => name.endsWith(URL_SUFFIX) && !NOT_A_PROVIDER.has(name));
}

/**
 * The passed vars set (not empty) in `env` among `names`, each checked: a provider URL must be an
 * http(s) URL, `SITES_DOMAIN` a domain name.
 * @example providerStandIns({ OUTSCRAPER_URL: "http://127.0.0.1:9999" }, ["OUTSCRAPER_URL"])
 */
export function providerStandIns(
  env: Record<string, string | undefined>,
  names: string[] = passedVarNames(),
): Record<string, string> {
  const standIns: Record<string, string> = {};
  for (const name of names) {
    const value = env[name]?.trim();
    if (!value) continue;
    const other = OTHER_PASSED_VARS[name];
    if (other && !other.valid(value))
      throw new Error(`${name} must be a domain name such as ${other.example}, got "${value}"`);
    if (!other && !isHttpUrl(value))
      throw new Error(`${name} must be an http(s) URL such as http://127.0.0.1:9999, got "${value}"`);
    standIns[name] = value;
  }
  return standIns;
}

/** The line the start scripts print about providers. */
export function describeStandIns(standIns: Record<string, string>): string {
  const entries = Object.entries(standIns).filter(([name]) => !OTHER_PASSED_VARS[name]);
  const others = Object.entries(standIns).filter(([name]) => OTHER_PASSED_VARS[name]);
  const providers = entries.length
    ? `Providers: ${entries.map(([name, url]) => `${name} → ${url} (stand-in)`).join(", ")}`
    : "Providers: their public APIs (a stand-in: OUTSCRAPER_URL=http://127.0.0.1:9999 npm start)";
  return [providers, ...others.map(([name, value]) => `${name}=${value}`)].join("; ");
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

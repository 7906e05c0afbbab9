/**
 * Provider base URLs given to the local Worker from the environment of `npm start`, `npm run dev`
 * and the test servers, so a stand-in on 127.0.0.1 can take a provider's place
 * (`OUTSCRAPER_URL=http://127.0.0.1:9999 npm start`). wrangler reads no Worker vars from the
 * environment once `.dev.vars` exists, so the scripts pass them on themselves.
 */
import { experimental_readRawConfig } from "wrangler";

/** Ends the name of every provider base URL var in wrangler.jsonc. */
const URL_SUFFIX = "_URL";
/** The app's own origin, also a `_URL` var but set per run by the scripts, never by a stand-in. */
const NOT_A_PROVIDER = new Set(["APP_URL"]);

/**
 * The provider base URL vars declared in wrangler.jsonc (`OUTSCRAPER_URL`, `ANTHROPIC_BASE_URL`…):
 * a new provider's var is picked up by adding its line there.
 */
export function providerUrlNames(config = "wrangler.jsonc"): string[] {
  const vars = experimental_readRawConfig({ config }).rawConfig.vars ?? {};
  return Object.keys(vars).filter((name) => name.endsWith(URL_SUFFIX) && !NOT_A_PROVIDER.has(name));
}

/**
 * The provider URLs set (not empty) in `env` among `names`, each checked to be an http(s) URL.
 * @example providerStandIns({ OUTSCRAPER_URL: "http://127.0.0.1:9999" }, ["OUTSCRAPER_URL"])
 */
export function providerStandIns(
  env: Record<string, string | undefined>,
  names: string[] = providerUrlNames(),
): Record<string, string> {
  const standIns: Record<string, string> = {};
  for (const name of names) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (!isHttpUrl(value))
      throw new Error(`${name} must be an http(s) URL such as http://127.0.0.1:9999, got "${value}"`);
    standIns[name] = value;
  }
  return standIns;
}

/** The line the start scripts print about providers. */
export function describeStandIns(standIns: Record<string, string>): string {
  const entries = Object.entries(standIns);
  if (!entries.length)
    return "Providers: their public APIs (a stand-in: OUTSCRAPER_URL=http://127.0.0.1:9999 npm start)";
  return `Providers: ${entries.map(([name, url]) => `${name} → ${url} (stand-in)`).join(", ")}`;
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

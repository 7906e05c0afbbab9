/**
 * Where the engine may browse. In production only public addresses, checked after DNS, so a
 * dealer URL (or a page's redirect, frame or script) cannot point the browser at loopback,
 * private ranges or a cloud metadata host. Local and test configurations may reach loopback,
 * where the development sites and fixtures run.
 */
import ipaddr from "ipaddr.js";

export class UnsafeUrlError extends Error {
  override name = "UnsafeUrlError";
}

export interface UrlGuard {
  /** Resolves when the URL may be opened; rejects with `UnsafeUrlError` otherwise. */
  check(url: string): Promise<void>;
  /** Whether every request the page makes must be checked too (true in production). */
  readonly checksRequests: boolean;
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3") as [ipaddr.IPv6, number];
/** A DNS answer slower than this is treated as no answer. */
const DNS_TIMEOUT_MS = 5_000;

/** Host names that are private whatever they resolve to. */
const PRIVATE_NAMES = /^(localhost|metadata|metadata\.google\.internal)$|\.(localhost|local|internal|lan|home\.arpa)$/i;

function parseHttp(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeUrlError(`"${url}" is not a URL.`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new UnsafeUrlError(`Only http and https sites can be opened, not ${parsed.protocol}`);
  }
  return parsed;
}

/** Whether an IP address is public (ipaddr.js names every special-purpose range; only `unicast` is public). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (ip.range() !== "unicast") return false;
  // IPv6: only the global unicast block 2000::/3 (not the deprecated IPv4-compatible ::a.b.c.d).
  return ip.kind() === "ipv4" || (ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}

/** Anything over http(s): for the command line, development and tests. */
export function localGuard(): UrlGuard {
  return {
    checksRequests: false,
    async check(url) {
      parseHttp(url);
    },
  };
}

/**
 * Public addresses only; `resolve` returns a host's addresses (DNS over HTTPS in the Worker).
 * Answers are cached for the guard's life, one attempt.
 */
export function publicGuard(resolve: (host: string) => Promise<string[]>): UrlGuard {
  const verdicts = new Map<string, Promise<void>>();
  const checkHost = async (host: string) => {
    // "localhost." is "localhost": the trailing dot of a fully qualified name changes nothing.
    const bare = host.replace(/^\[|\]$/g, "").replace(/\.$/, "");
    if (PRIVATE_NAMES.test(bare)) throw new UnsafeUrlError(`${host} is a private host name.`);
    const addresses = ipaddr.isValid(bare) ? [bare] : await resolve(bare);
    if (addresses.length === 0) throw new UnsafeUrlError(`${host} does not resolve.`);
    const inside = addresses.find((a) => !isPublicAddress(a));
    if (inside) throw new UnsafeUrlError(`${host} resolves to ${inside}, which is not a public address.`);
  };
  return {
    checksRequests: true,
    check(url) {
      const { hostname } = parseHttp(url);
      let verdict = verdicts.get(hostname);
      if (!verdict) {
        verdict = checkHost(hostname);
        verdicts.set(hostname, verdict);
      }
      return verdict;
    },
  };
}

/** DNS over HTTPS (Cloudflare's JSON API): A and AAAA answers of a host. */
export async function resolveOverHttps(host: string, fetcher: typeof fetch = fetch): Promise<string[]> {
  const answers = await Promise.all(
    ["A", "AAAA"].map(async (type) => {
      const res = await fetcher(`https://cloudflare-dns.com/dns-query?name=${encodeURIComponent(host)}&type=${type}`, {
        headers: { accept: "application/dns-json" },
        signal: AbortSignal.timeout(DNS_TIMEOUT_MS),
      });
      if (!res.ok) throw new UnsafeUrlError(`Could not resolve ${host} (DNS answered ${res.status}).`);
      const body = (await res.json()) as { Answer?: { type: number; data: string }[] };
      return (body.Answer ?? []).filter((a) => a.type === 1 || a.type === 28).map((a) => a.data);
    }),
  );
  return answers.flat();
}

/**
 * The guard for a deployment: anything over http(s) in the `local` and `test` configurations,
 * where the development sites live on loopback; public addresses only everywhere else.
 */
export function guardFor(environment: string): UrlGuard {
  return environment === "local" || environment === "test" ? localGuard() : publicGuard((h) => resolveOverHttps(h));
}

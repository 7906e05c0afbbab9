/**
 * DNS over HTTPS with the JSON API (`application/dns-json`, as Cloudflare's and Google's
 * resolvers answer it): TXT records of a name, each one's quoted strings joined.
 * https://developers.cloudflare.com/1.1.1.1/encryption/dns-over-https/make-api-requests/dns-json/
 */

/** Cloudflare's public resolver; `DOH_URL` points elsewhere (a stand-in in tests). */
export const DEFAULT_DOH_URL = "https://cloudflare-dns.com/dns-query";
/** A resolver answers in tens of milliseconds; 5 s means it is down, not slow. */
export const DOH_TIMEOUT_MS = 5_000;

/** RCODE 3 (RFC 1035 §4.1.1): the name does not exist, which for us means no record. */
const NXDOMAIN = 3;
const TXT = 16;
const CNAME = 5;

export class DohError extends Error {
  override name = "DohError";
}

type DohAnswer = { Status: number; Answer?: { name: string; type: number; data: string }[] };

/** `"v=spf1 include:a" " ~all"` → `v=spf1 include:a ~all` (RFC 7208 §3.3: the strings are joined). */
export function joinTxt(data: string): string {
  const parts = data.match(/"((?:[^"\\]|\\.)*)"/g);
  if (!parts) return data;
  return parts.map((p) => p.slice(1, -1).replace(/\\(.)/g, "$1")).join("");
}

export type Resolver = {
  /** The TXT records of `name` (empty when it has none), and any CNAME it points through. */
  txt(name: string): Promise<{ records: string[]; cname: string | null }>;
};

/** A resolver over DoH at `baseUrl` (DEFAULT_DOH_URL when empty). */
export function dohResolver(baseUrl: string | undefined, fetcher: typeof fetch = fetch): Resolver {
  const base = baseUrl?.trim() || DEFAULT_DOH_URL;
  return {
    async txt(name) {
      const url = `${base}?name=${encodeURIComponent(name)}&type=TXT`;
      let res: Response;
      try {
        res = await fetcher(url, {
          headers: { accept: "application/dns-json" },
          signal: AbortSignal.timeout(DOH_TIMEOUT_MS),
        });
      } catch (error) {
        const why =
          error instanceof Error && error.name === "TimeoutError"
            ? `no answer in ${DOH_TIMEOUT_MS / 1000} s`
            : String(error);
        throw new DohError(`The DNS resolver at ${base} could not be reached (${why}); try again in a minute`);
      }
      if (!res.ok)
        throw new DohError(`The DNS resolver at ${base} answered ${res.status} for ${name}; try again later`);
      let body: DohAnswer;
      try {
        body = (await res.json()) as DohAnswer;
      } catch {
        throw new DohError(`The DNS resolver at ${base} did not answer DNS JSON for ${name}`);
      }
      if (body.Status === NXDOMAIN) return { records: [], cname: null };
      if (body.Status !== 0)
        throw new DohError(`The DNS lookup of ${name} failed (DNS status ${body.Status}); try again later`);
      const answers = body.Answer ?? [];
      return {
        records: answers.filter((a) => a.type === TXT).map((a) => joinTxt(a.data)),
        cname: answers.find((a) => a.type === CNAME)?.data.replace(/\.$/, "") ?? null,
      };
    },
  };
}

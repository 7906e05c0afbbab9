import { describe, expect, it } from "vitest";
import { isPublicAddress, localGuard, publicGuard, resolveOverHttps, UnsafeUrlError } from "./guard";

/** A DNS stand-in: the addresses of the few names the tests use, none for any other. */
function fakeDns(records: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    return records[host] ?? [];
  };
  return { resolve, asked };
}

const DNS = {
  "dealer.example": ["93.184.216.34"],
  "intranet.dealer.example": ["10.1.2.3"],
  "split.dealer.example": ["93.184.216.34", "192.168.0.7"],
};

describe("URL guard — local runs", () => {
  it("opens a development site on loopback", async () => {
    await expect(localGuard().check("http://127.0.0.1:4500/some-dealer/")).resolves.toBeUndefined();
  });

  it("refuses a protocol other than http and https", async () => {
    await expect(localGuard().check("ftp://dealer.example/")).rejects.toThrow(UnsafeUrlError);
  });

  it("refuses text that is not a URL, saying so", async () => {
    await expect(localGuard().check("not a url")).rejects.toThrow(/not a URL/);
  });
});

describe("URL guard — production", () => {
  it.each([
    "http://127.0.0.1/",
    "http://10.0.0.5/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://localhost:8080/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "https://intranet.dealer.example/",
    "https://split.dealer.example/",
    "https://unknown.example/",
  ])("refuses %s", async (url) => {
    await expect(publicGuard(fakeDns(DNS).resolve).check(url)).rejects.toThrow(UnsafeUrlError);
  });

  it("opens a site that resolves to a public address", async () => {
    await expect(
      publicGuard(fakeDns(DNS).resolve).check("https://dealer.example/contact-us/"),
    ).resolves.toBeUndefined();
  });

  it("names the private address a host resolves to", async () => {
    await expect(publicGuard(fakeDns(DNS).resolve).check("https://intranet.dealer.example/")).rejects.toThrow(
      /10\.1\.2\.3/,
    );
  });

  it("asks DNS once per host, and never for a host name that is private by itself", async () => {
    const dns = fakeDns(DNS);
    const guard = publicGuard(dns.resolve);
    await guard.check("https://dealer.example/");
    await guard.check("https://dealer.example/contact-us/");
    await expect(guard.check("http://metadata.google.internal/")).rejects.toThrow(UnsafeUrlError);
    expect(dns.asked).toEqual(["dealer.example"]);
  });

  it("checks every request a page makes, where the local guard does not", () => {
    expect(publicGuard(fakeDns(DNS).resolve).checksRequests).toBe(true);
    expect(localGuard().checksRequests).toBe(false);
  });
});

describe("URL guard — public addresses", () => {
  it("sees loopback behind an IPv4-mapped IPv6 address", () => {
    expect(isPublicAddress("::ffff:127.0.0.1")).toBe(false);
  });

  it("accepts public IPv4 and IPv6 addresses, and rejects what is not an address", () => {
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:2800:220:1:248:1893:25c8:1946")).toBe(true);
    expect(isPublicAddress("dealer.example")).toBe(false);
  });
});

describe("URL guard — DNS over HTTPS", () => {
  const answers: Record<string, unknown> = {
    A: {
      Status: 0,
      Answer: [
        { name: "dealer.example", type: 5, TTL: 300, data: "cdn.dealer.example." },
        { name: "cdn.dealer.example", type: 1, TTL: 300, data: "93.184.216.34" },
      ],
    },
    AAAA: {
      Status: 0,
      Answer: [{ name: "cdn.dealer.example", type: 28, TTL: 300, data: "2606:2800:220:1:248:1893:25c8:1946" }],
    },
  };

  it("returns the A and AAAA addresses of a host, without the CNAME hops", async () => {
    const asked: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      const url = new URL(String(input));
      asked.push(url.href);
      return Response.json(answers[url.searchParams.get("type") ?? ""]);
    };
    await expect(resolveOverHttps("dealer.example", fakeFetch)).resolves.toEqual([
      "93.184.216.34",
      "2606:2800:220:1:248:1893:25c8:1946",
    ]);
    expect(asked.every((u) => u.startsWith("https://cloudflare-dns.com/dns-query?name=dealer.example&type="))).toBe(
      true,
    );
  });

  it("returns no addresses for a name without records", async () => {
    const fakeFetch: typeof fetch = async () => Response.json({ Status: 3 });
    await expect(resolveOverHttps("nowhere.example", fakeFetch)).resolves.toEqual([]);
  });

  it("refuses to vouch for a host when the DNS service fails", async () => {
    const fakeFetch: typeof fetch = async () => new Response("busy", { status: 503 });
    await expect(resolveOverHttps("dealer.example", fakeFetch)).rejects.toThrow(/DNS answered 503/);
  });
});

describe("URL guard — names and addresses that only look public", () => {
  const guard = publicGuard(async () => ["93.184.216.34"]);

  it.each(["http://localhost./", "http://shop.localhost./", "http://metadata.google.internal./"])(
    "refuses %s (a trailing dot changes nothing)",
    async (url) => {
      await expect(guard.check(url)).rejects.toThrow(/private host name/);
    },
  );

  it("refuses an IPv4-compatible IPv6 address and allows a global IPv6 one", () => {
    expect(isPublicAddress("::127.0.0.1")).toBe(false);
    expect(isPublicAddress("2606:4700:4700::1111")).toBe(true);
  });
});

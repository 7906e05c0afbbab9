import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { localGuard, UnsafeUrlError, type UrlGuard } from "../../contact/guard";
import { findEmailOnWebsite } from "./website";

/** One page of the fake site: HTML by default, or a raw answer, or no answer at all. */
type Page = string | { status: number; headers: Record<string, string>; body?: string } | "hang" | "huge";

const SITE = "rosewood-bakery.com";
const HOME = `https://${SITE}/`;
/** What the 5 MB page sends after its first line; the cut must fall inside it. */
const HUGE_BYTES = 5 * 1024 * 1024;
const HUGE_CHUNK = "<p>Fresh bread every morning, cakes to order and coffee all day long.</p>\n".repeat(1_000);

type FakeSite = {
  origin: string;
  paths: string[];
  /** Whether the 5 MB page was sent whole; null until its sending ended either way. */
  hugeSent: () => boolean | null;
  close(): Promise<void>;
};
let site: FakeSite | undefined;
afterEach(() => site?.close());

/** A business's site on 127.0.0.1; `pages` maps a path to what it answers, anything else is 404. */
async function fakeSite(pages: Record<string, Page>): Promise<FakeSite> {
  const paths: string[] = [];
  let hugeSent: boolean | null = null;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    paths.push(path);
    const page = pages[path];
    if (page === "hang") return;
    if (page === "huge") {
      void sendHuge(res).then((whole) => {
        hugeSent = whole;
      });
      return;
    }
    if (page === undefined) return void res.writeHead(404, { "content-type": "text/html" }).end("Not found");
    if (typeof page === "string")
      return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    res.writeHead(page.status, page.headers).end(page.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    paths,
    hugeSent: () => hugeSent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Streams a page that names its owner only after 5 MB; resolves whether all of it was sent. */
async function sendHuge(res: ServerResponse): Promise<boolean> {
  res.writeHead(200, { "content-type": "text/html" });
  res.write(`<p>Orders: <a href="mailto:orders@${SITE}">orders</a></p>`);
  for (let sent = 0; sent < HUGE_BYTES; sent += HUGE_CHUNK.length) {
    if (res.destroyed) return false;
    if (!res.write(HUGE_CHUNK)) {
      const drained = await new Promise<boolean>((resolve) => {
        const onDrain = () => {
          res.off("close", onClose);
          resolve(true);
        };
        const onClose = () => {
          res.off("drain", onDrain);
          resolve(false);
        };
        res.once("drain", onDrain);
        res.once("close", onClose);
      });
      if (!drained) return false;
    }
  }
  res.end(`<p>Owner: maria@${SITE}</p>`);
  return true;
}

/**
 * `fetch` as the Worker would call it for the business's real host names, answered by the fake
 * site on 127.0.0.1; any other host is recorded and refused, never reached.
 */
function throughFakeSite(fake: FakeSite) {
  const requested: string[] = [];
  const fetcher: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requested.push(url.href);
    if (url.hostname !== SITE && url.hostname !== `www.${SITE}`) throw new TypeError(`fetch failed: ${url.host}`);
    const headers = new Headers(init?.headers);
    headers.set("x-forwarded-host", url.host);
    return fetch(`${fake.origin}${url.pathname}${url.search}`, { ...init, headers });
  };
  return { fetcher, requested };
}

const cfemail = (address: string, key = 0x5a) =>
  key.toString(16).padStart(2, "0") +
  [...address].map((c) => (c.charCodeAt(0) ^ key).toString(16).padStart(2, "0")).join("");

const nav = (links: Record<string, string>) =>
  `<nav>${Object.entries(links)
    .map(([href, text]) => `<a href="${href}">${text}</a>`)
    .join(" ")}</nav>`;

describe("findEmailOnWebsite — reading a business's own site", () => {
  it("finds the owner's protected address on the contact page the home page links to", async () => {
    site = await fakeSite({
      "/": nav({ "/menu": "Our menu", "/contact-us": "Contact", "#top": "Top" }),
      "/contact-us": `<p>Write to <a href="/cdn-cgi/l/email-protection" data-cfemail="${cfemail(`maria@${SITE}`)}">[email protected]</a></p>`,
      "/menu": `<p>menu@${SITE}</p>`,
    });
    const { fetcher } = throughFakeSite(site);
    const result = await findEmailOnWebsite({ website: SITE, fetch: fetcher, guard: localGuard(), timeoutMs: 2_000 });
    expect(result).toEqual({ email: `maria@${SITE}`, page: `https://${SITE}/contact-us` });
    expect(site.paths).toEqual(["/", "/contact-us"]);
  });

  it("follows the site's own redirect to www and reads the pages there", async () => {
    site = await fakeSite({
      "/": nav({ "/about": "About us" }),
      "/about": `<p>info [at] ${SITE.replace(".com", "")} [dot] com</p>`,
    });
    const { fetcher } = throughFakeSite(site);
    const redirectingBareHost: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (url.hostname === SITE)
        return new Response(null, { status: 301, headers: { location: `https://www.${SITE}${url.pathname}` } });
      return fetcher(input, init);
    };
    const result = await findEmailOnWebsite({
      website: `http://${SITE}`,
      fetch: redirectingBareHost,
      guard: localGuard(),
    });
    expect(result).toEqual({ email: `info@${SITE}`, page: `https://www.${SITE}/about` });
  });

  it("abandons a page that never answers at the timeout and still reads the next one", async () => {
    site = await fakeSite({
      "/": nav({ "/contact": "Contact", "/about": "About" }),
      "/contact": "hang",
      "/about": `<a href="mailto:maria@${SITE}">Maria, owner</a>`,
    });
    const { fetcher } = throughFakeSite(site);
    const started = performance.now();
    const result = await findEmailOnWebsite({ website: HOME, fetch: fetcher, guard: localGuard(), timeoutMs: 300 });
    expect(result).toEqual({ email: `maria@${SITE}`, page: `https://${SITE}/about` });
    expect(site.paths).toEqual(["/", "/contact", "/about"]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("does not follow a redirect to another host", async () => {
    site = await fakeSite({
      "/": nav({ "/contact": "Contact" }),
      "/contact": { status: 302, headers: { location: "https://forms.elsewhere-hosting.com/rosewood" } },
    });
    const { fetcher, requested } = throughFakeSite(site);
    const result = await findEmailOnWebsite({ website: HOME, fetch: fetcher, guard: localGuard(), timeoutMs: 2_000 });
    expect(result).toEqual({ email: null, tried: [HOME, `https://${SITE}/contact`] });
    expect(requested.some((url) => url.includes("elsewhere-hosting"))).toBe(false);
  });

  it("cuts a 5 MB page at the size cap, keeping what came before the cut", async () => {
    site = await fakeSite({ "/": "huge" });
    const { fetcher } = throughFakeSite(site);
    const result = await findEmailOnWebsite({ website: HOME, fetch: fetcher, guard: localGuard(), timeoutMs: 10_000 });
    expect(result).toEqual({ email: `orders@${SITE}`, page: HOME });
    await expect.poll(() => site!.hugeSent(), { timeout: 2_000 }).not.toBeNull();
    expect(site.hugeSent()).toBe(false);
  });

  it("passes every URL to the guard first and skips a page it refuses", async () => {
    site = await fakeSite({
      "/": nav({ "/contact": "Contact", "/about-us": "About" }),
      "/contact": `<p>maria@${SITE}</p>`,
      "/about-us": `<p>hello@${SITE}</p>`,
    });
    const { fetcher } = throughFakeSite(site);
    const checked: string[] = [];
    const guard: UrlGuard = {
      checksRequests: true,
      async check(url) {
        checked.push(url);
        if (url.endsWith("/contact")) throw new UnsafeUrlError(`${url} resolves to 10.0.0.5`);
      },
    };
    const result = await findEmailOnWebsite({ website: HOME, fetch: fetcher, guard, timeoutMs: 2_000 });
    expect(result).toEqual({ email: `hello@${SITE}`, page: `https://${SITE}/about-us` });
    expect(checked).toEqual([HOME, `https://${SITE}/contact`, `https://${SITE}/about-us`]);
    expect(site.paths).not.toContain("/contact");
  });

  it("reads HTML only", async () => {
    site = await fakeSite({
      "/": nav({ "/contact.pdf": "Contact sheet" }),
      "/contact.pdf": { status: 200, headers: { "content-type": "application/pdf" }, body: `maria@${SITE}` },
    });
    const { fetcher } = throughFakeSite(site);
    const result = await findEmailOnWebsite({ website: HOME, fetch: fetcher, guard: localGuard(), timeoutMs: 2_000 });
    expect(result).toEqual({ email: null, tried: [HOME, `https://${SITE}/contact.pdf`] });
  });

  it("stops reading once the home page names a person on the business's domain", async () => {
    site = await fakeSite({
      "/": `${nav({ "/contact": "Contact" })}<footer>Maria Lopez, owner: maria@${SITE}</footer>`,
      "/contact": `<p>info@${SITE}</p>`,
    });
    const { fetcher } = throughFakeSite(site);
    const result = await findEmailOnWebsite({ website: HOME, fetch: fetcher, guard: localGuard(), timeoutMs: 2_000 });
    expect(result).toEqual({ email: `maria@${SITE}`, page: HOME });
    expect(site.paths).toEqual(["/"]);
  });

  it("reads at most three pages after the home page and says which it tried", async () => {
    site = await fakeSite({
      "/": nav({
        "/contact": "Contact",
        "/about": "About",
        "/team": "Our team",
        "/staff": "Staff",
        "/find-us": "Contact",
      }),
    });
    const { fetcher } = throughFakeSite(site);
    const result = await findEmailOnWebsite({ website: HOME, fetch: fetcher, guard: localGuard(), timeoutMs: 2_000 });
    expect(result).toEqual({
      email: null,
      tried: [HOME, `https://${SITE}/contact`, `https://${SITE}/find-us`, `https://${SITE}/about`],
    });
  });

  it("answers with nothing tried for a website that is not a web address", async () => {
    const result = await findEmailOnWebsite({ website: "mailto:maria@rosewood-bakery.com", guard: localGuard() });
    expect(result).toEqual({ email: null, tried: [] });
  });
});

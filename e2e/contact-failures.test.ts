import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPUS_PROFILE, rowpilot } from "./contact-sites";

/** Dealer sites that fail in the ways real ones do: a page that never answers, a form that says nothing, a server error. */
const FORM = (script: string) => `<!doctype html><title>Contact</title><h1>Contact us</h1>
<form id="f"><label>First name <input name="first" required></label><label>Last name <input name="last" required></label>
<label>Email <input name="email" type="email" required></label><label>Message <textarea name="msg"></textarea></label>
<button>Send</button></form><script>${script}</script>`;
const PAGES: Record<string, string> = {
  "/quiet/": `<a href="/quiet/contact">Contact us</a>`,
  "/quiet/contact": FORM(`document.getElementById('f').addEventListener('submit', (e) => e.preventDefault());`),
  "/broken/": `<a href="/broken/contact">Contact us</a>`,
  "/broken/contact": FORM(`document.getElementById('f').addEventListener('submit', (e) => {
    e.preventDefault(); fetch('/broken/api', { method: 'POST', body: new FormData(e.target) }); });`),
};

let server: Server;
let origin: string;
const dir = mkdtempSync(join(tmpdir(), "rowpilot-failures-"));
const profilePath = join(dir, "profile.json");
writeFileSync(profilePath, JSON.stringify(CORPUS_PROFILE));

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/hangs/") return; // never answers
    if (req.url === "/broken/api") {
      res.statusCode = 500;
      res.end("Internal Server Error");
      return;
    }
    const page = PAGES[req.url ?? ""];
    res.statusCode = page ? 200 : 404;
    res.setHeader("content-type", "text/html");
    res.end(page ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A port nothing listens on (one the system just gave out and took back). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("rowpilot contact — sites that fail", () => {
  it("names each failure with a reason and a next step, and keeps the others going", async () => {
    const urls = [
      `${origin}/hangs/`,
      `${origin}/quiet/`,
      `${origin}/broken/`,
      `http://127.0.0.1:${await closedPort()}/`,
    ];
    const run = await rowpilot([
      "contact",
      ...urls.flatMap((u) => ["--url", u]),
      "--profile",
      profilePath,
      "--json",
      "--concurrency",
      "4",
      "--budget",
      "8",
      "--screenshots",
      dir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const results = Object.fromEntries(
      run.stdout
        .trim()
        .split("\n")
        .map(
          (l) =>
            JSON.parse(l) as {
              url: string;
              category: string;
              reason: string;
              suggestedFix: string;
              submitted: boolean;
            },
        )
        .map((r) => [new URL(r.url).pathname === "/" ? "refused" : new URL(r.url).pathname.slice(1, -1), r]),
    );
    expect(results.hangs).toMatchObject({ category: "timeout", submitted: false });
    expect(results.hangs!.reason).toMatch(/did not answer within [0-9] s/);
    expect(results.quiet).toMatchObject({ category: "submit_unconfirmed", submitted: true });
    expect(results.quiet!.suggestedFix).toMatch(/before retrying/);
    expect(results.broken).toMatchObject({ category: "error", submitted: true });
    expect(results.broken!.reason).toMatch(/HTTP 500/);
    expect(results.refused).toMatchObject({ category: "error", submitted: false });
    expect(results.refused!.reason).toMatch(/ERR_CONNECTION_REFUSED/);
  }, 90_000);
});

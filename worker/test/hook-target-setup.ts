/**
 * A webhook target for the tests inside workerd (they cannot open servers themselves): started
 * on a free port on 127.0.0.1 by vitest's globalSetup. `POST /t/<id>?fail=N&status=S&delay=MS`
 * records the call, answers S (500) to the first N calls to <id> and 200 after that, each after
 * MS milliseconds; `GET /calls/<id>` lists what <id> received, with the time of each call.
 * `GET /site/` and `GET /site/contact/` are a small business's website whose contact page holds
 * its email address, and `GET /app-site/` one whose address only its script writes (for email
 * finding on the edge and in a browser).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  interface ProvidedContext {
    hookTarget: { port: number };
  }
}

export type TargetCall = { at: number; body: unknown; status: number };

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => resolve(data));
  });
}

/** A plumber's site: the home page links to the contact page, which has the address. */
const SITE_EMAIL = "larkbrook.plumbing@gmail.com";
const SITE: Record<string, string> = {
  "/site/": '<html><body><h1>Larkbrook Plumbing</h1><a href="/site/contact/">Contact us</a></body></html>',
  "/site/contact/": `<html><body><p>Write to <a href="mailto:${SITE_EMAIL}">${SITE_EMAIL}</a></p></body></html>`,
  // A site built by its script: the HTML as served holds no address, the rendered page does.
  "/app-site/": `<html><body><div id="app"></div><script>
    const at = ["hello", "quillmoor.bakery", "gmail.com"];
    document.getElementById("app").innerHTML = '<a href="mailto:' + at[0] + "." + at[1] + "@" + at[2] + '">Email us</a>';
  </script></body></html>`,
};

export default async function setup(project: TestProject) {
  const calls = new Map<string, TargetCall[]>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, kind, id] = url.pathname.split("/");
    if (req.method === "GET" && SITE[url.pathname]) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(SITE[url.pathname]);
    }
    if (req.method === "GET" && kind === "calls" && id) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(calls.get(id) ?? []));
    }
    if (req.method !== "POST" || kind !== "t" || !id) {
      res.writeHead(404);
      return res.end();
    }
    const text = await bodyOf(req);
    const list = calls.get(id) ?? [];
    calls.set(id, list);
    const failing = list.length < Number(url.searchParams.get("fail") ?? 0);
    const status = failing ? Number(url.searchParams.get("status") ?? 500) : 200;
    list.push({ at: Date.now(), body: text ? JSON.parse(text) : null, status });
    await new Promise((r) => setTimeout(r, Number(url.searchParams.get("delay") ?? 0)));
    res.writeHead(status, { "content-type": "text/plain" });
    res.end(failing ? "not now" : "ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  project.provide("hookTarget", { port: (server.address() as AddressInfo).port });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

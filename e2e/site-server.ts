/** Serves generated sites on 127.0.0.1 the way the Worker will: each page with its own site headers. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { siteHeaders } from "../automation/sites/csp";

export type SiteServer = { url: string; stop(): Promise<void> };

/** `pages` maps a path to its HTML; any other path is a 404. */
export async function serveSites(pages: Record<string, string>): Promise<SiteServer> {
  const server = createServer(async (req, res) => {
    const html = pages[req.url ?? ""];
    if (html === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, await siteHeaders({ html })).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

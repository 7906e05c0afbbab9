/**
 * A fake provider for the source tests: a real HTTP server on 127.0.0.1 that records each request
 * and answers with what the test says, or never answers (to test timeouts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type SeenRequest = { method: string; path: string; url: URL; headers: IncomingMessage["headers"]; body: string };

export type Reply = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | "hang";

export type FakeServer = { url: string; requests: SeenRequest[]; close(): Promise<void> };

/** Starts a server answering each request with `reply(request)`; close it in `afterEach`. */
export async function fakeServer(reply: (request: SeenRequest) => Reply): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const seen = {
        method: req.method ?? "",
        path: url.pathname,
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(seen);
      const answer = reply(seen);
      if (answer === "hang") return;
      const body = answer.text ?? JSON.stringify(answer.json ?? {});
      res.writeHead(answer.status ?? 200, {
        "content-type": answer.text ? "text/plain" : "application/json",
        ...answer.headers,
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

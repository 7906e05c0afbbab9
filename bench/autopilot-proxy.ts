/**
 * A provider's fixed latency for the autopilot bench: an HTTP proxy on 127.0.0.1 in front of a
 * stand-in that holds every request for `latencyMs` before passing it on, and records when each
 * call began and ended, so the bench can tell time spent waiting for providers from its own.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type TimedProxy = {
  url: string;
  /** Each call's [start, end] in `performance.now()` ms, the proxy's latency and the stand-in's work included. */
  calls: [number, number][];
  close(): Promise<void>;
};

/** Headers that describe the hop, not the message: fetch sets its own. */
const HOP_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "content-encoding"]);

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

export async function timedProxy(target: string, latencyMs: number): Promise<TimedProxy> {
  const calls: [number, number][] = [];
  const server = createServer(async (req, res) => {
    const started = performance.now();
    try {
      const sent = await body(req);
      await new Promise((r) => setTimeout(r, latencyMs));
      const headers = Object.entries(req.headers).filter(([name]) => !HOP_HEADERS.has(name));
      const answer = await fetch(`${target}${req.url ?? "/"}`, {
        method: req.method,
        headers: headers.map(([name, value]) => [name, String(value)]),
        body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(sent),
      });
      const returned = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => !HOP_HEADERS.has(name))));
      res.end(returned);
    } catch (error) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy: ${(error as Error).message}`);
    } finally {
      calls.push([started, performance.now()]);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How long at least one of `calls` was in flight within [from, to] (overlapping calls count once). */
export function busyMs(calls: [number, number][], from: number, to: number): number {
  const spans = calls
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * A webhook endpoint for tests: a node:http server on 127.0.0.1 that keeps what it receives,
 * answers `status` (200), and `waitFor` resolves when an event of a type has arrived.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: Record<string, string>; body: string; event: Record<string, unknown> };

/** How long `waitFor` waits for a delivery the fake sends after its answer. */
const WAIT_MS = 3_000;

export async function startWebhookReceiver(status = 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ headers, body, event: JSON.parse(body) });
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    async waitFor(eventType: string): Promise<Received> {
      const until = Date.now() + WAIT_MS;
      while (Date.now() < until) {
        const found = received.find((r) => r.event.event_type === eventType);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(
        `no ${eventType} delivery within ${WAIT_MS} ms (got ${received.map((r) => r.event.event_type).join(", ") || "none"})`,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The fake Recurrente (`automation/payments/recurrente/test/fake-recurrente.ts`) for the tests
 * inside workerd, which cannot open servers themselves: started on a free port on 127.0.0.1 by
 * vitest's globalSetup, with a control server beside it that does for a test what it cannot do
 * from workerd. Deliveries made here are signed but NOT sent (the Worker under test has no port):
 * the test posts them to the Worker itself (`postDelivery` in fake-recurrente.ts).
 *   GET  /requests            what the fake's API received
 *   GET  /deliveries          deliveries of events its API calls caused (cancel, refund), as attempted
 *   POST /fail                [{ status, error?, retryAfter? }…] the next API answers
 *   POST /pay                 { checkoutId, card?, to? } → signed deliveries
 *   POST /deliver             { event, to?, id?, timestamp? } → signed deliveries
 *   POST /subscription-status { id, status, to? } → signed deliveries
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { startFakeRecurrente } from "../../automation/payments/recurrente/test/fake-recurrente";

function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch (error) {
        reject(error);
      }
    });
  });
}

function answer(res: ServerResponse, status: number, json: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(json));
}

export default async function setup(project: TestProject) {
  const fake = await startFakeRecurrente();
  const control = createServer(async (req, res) => {
    const route = `${req.method} ${req.url}`;
    try {
      if (route === "GET /requests") return answer(res, 200, fake.requests);
      if (route === "GET /deliveries") return answer(res, 200, fake.deliveries);
      const body = req.method === "POST" ? await bodyOf(req) : {};
      const to = typeof body.to === "string" ? body.to : undefined;
      switch (route) {
        case "POST /fail":
          fake.failNext(...((Array.isArray(body) ? body : []) as Parameters<typeof fake.failNext>));
          return answer(res, 200, { ok: true });
        case "POST /pay":
          return answer(
            res,
            200,
            await fake.pay(String(body.checkoutId), body.card as string | undefined, { to, send: false }),
          );
        case "POST /deliver":
          return answer(
            res,
            200,
            await fake.deliver(body.event as Record<string, unknown>, {
              to,
              id: typeof body.id === "string" ? body.id : undefined,
              timestamp: typeof body.timestamp === "string" ? new Date(body.timestamp) : undefined,
              send: false,
            }),
          );
        case "POST /subscription-status":
          return answer(
            res,
            200,
            await fake.setSubscriptionStatus(String(body.id), body.status as "active", { to, send: false }),
          );
        default:
          return answer(res, 404, { error: `no route ${route}` });
      }
    } catch (error) {
      return answer(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  project.provide("fakeRecurrente", {
    control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    url: fake.url,
    keys: fake.keys,
    webhookSecret: fake.webhookSecret,
  });
  return async () => {
    await fake.close();
    await new Promise<void>((resolve) => control.close(() => resolve()));
  };
}

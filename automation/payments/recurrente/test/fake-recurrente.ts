/**
 * A stand-in for Recurrente (https://app.recurrente.com/api), written from its API reference: a
 * node:http server on 127.0.0.1 with the `/api` routes Rowpilot calls (fake-api.ts), a hosted
 * checkout page (fake-checkout-page.ts) and Svix-signed webhook deliveries (fake-svix.ts) to
 * every registered endpoint. Every `/api` request needs both keys; `failNext` makes the next
 * answers failures. Used by the tests, by the workerd harness (worker/test/fake-recurrente*.ts)
 * and by `npm run stand-in:recurrente`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiContext, answerApi } from "./fake-api";
import { checkoutPage, missingPage, paidPage } from "./fake-checkout-page";
import { changeSubscription, type Event, payCheckout, SUCCESS_CARD } from "./fake-pay";
import { emptyStore, type FakeStore, newSigningSecret, type SubscriptionStatus } from "./fake-state";
import { type FakeDelivery, sendDelivery, signDelivery, type Target } from "./fake-svix";

export { DECLINED_CARD, SUCCESS_CARD } from "./fake-pay";
export type { FakeDelivery } from "./fake-svix";

export type FakeRecurrenteRequest = { method: string; path: string; headers: Record<string, string>; body: string };
export type FakeRecurrenteFailure = { status: number; error?: string; retryAfter?: string };
/** Where a delivery goes: every registered endpoint, or just `to`; `send: false` only signs. */
export type DeliverOptions = { to?: string; id?: string; timestamp?: Date; send?: boolean };

export type FakeRecurrente = {
  url: string;
  keys: { publicKey: string; secretKey: string };
  /** The secret deliveries to an unregistered `to` are signed with (endpoints get their own). */
  webhookSecret: string;
  requests: FakeRecurrenteRequest[];
  /** Deliveries of the events API calls caused (subscription.cancel, refund.create), once sent. */
  deliveries: FakeDelivery[];
  store: FakeStore;
  failNext(...failures: FakeRecurrenteFailure[]): void;
  pay(checkoutId: string, card?: string, options?: Pick<DeliverOptions, "to" | "send">): Promise<FakeDelivery[]>;
  deliver(event: Record<string, unknown>, options?: DeliverOptions): Promise<FakeDelivery[]>;
  setSubscriptionStatus(
    id: string,
    status: SubscriptionStatus,
    options?: Pick<DeliverOptions, "to" | "send">,
  ): Promise<FakeDelivery[]>;
  close(): Promise<void>;
};

export const STAND_IN_KEYS = { publicKey: "pk_test_standin", secretKey: "sk_test_standin" };

/** Request bodies larger than this are refused; Rowpilot's biggest (a checkout) is ~2 KB. */
const MAX_BODY_BYTES = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString()));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(json));
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

/**
 * Starts the fake on a free port (or `port`).
 * @example const fake = await startFakeRecurrente(); recurrenteClient({ ...fake.keys, baseUrl: fake.url });
 */
export async function startFakeRecurrente(
  options: { publicKey?: string; secretKey?: string; webhookSecret?: string; port?: number; accountName?: string } = {},
): Promise<FakeRecurrente> {
  const keys = {
    publicKey: options.publicKey ?? STAND_IN_KEYS.publicKey,
    secretKey: options.secretKey ?? STAND_IN_KEYS.secretKey,
  };
  const webhookSecret = options.webhookSecret ?? newSigningSecret();
  const store = emptyStore();
  const requests: FakeRecurrenteRequest[] = [];
  const deliveries: FakeDelivery[] = [];
  const failures: FakeRecurrenteFailure[] = [];
  const pending = new Set<Promise<unknown>>();

  function targets(to?: string): Target[] {
    const endpoints = [...store.endpoints.values()];
    if (!to) return endpoints.map((e) => ({ url: e.url, secret: e.secret }));
    return [{ url: to, secret: endpoints.find((e) => e.url === to)?.secret ?? webhookSecret }];
  }

  async function deliver(event: Record<string, unknown>, opts: DeliverOptions = {}): Promise<FakeDelivery[]> {
    const signed = targets(opts.to).map((target) => signDelivery(target, event, opts));
    return opts.send === false ? signed : Promise.all(signed.map(sendDelivery));
  }

  async function deliverAll(events: Event[], opts: DeliverOptions = {}): Promise<FakeDelivery[]> {
    const out: FakeDelivery[] = [];
    // In order, as Recurrente sends payment_intent.succeeded before subscription.create.
    for (const event of events) out.push(...(await deliver(event, opts)));
    return out;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `fake Recurrente failed: ${String(error)}` });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ctx: ApiContext = {
    store,
    origin,
    accountName: options.accountName ?? "Cuenta de prueba",
    emit(event) {
      // After the answer has gone, so a receiver that calls back is not waiting on its own request.
      const job = new Promise((r) => setImmediate(r))
        .then(() => deliver(event))
        .then((sent) => deliveries.push(...sent));
      pending.add(job);
      void job.finally(() => pending.delete(job));
    },
  };

  async function pay(checkoutId: string, card = SUCCESS_CARD, opts: DeliverOptions = {}) {
    const checkout = store.checkouts.get(checkoutId);
    if (!checkout) throw new Error(`The fake has no checkout ${checkoutId}`);
    return deliverAll(payCheckout(store, checkout, card).events, opts);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", origin);
    const body = await readBody(req);
    const path = url.pathname.replace(/\/+$/, "");
    if (path === "/api" || path.startsWith("/api/")) {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
      );
      requests.push({ method: req.method ?? "", path: `${url.pathname}${url.search}`, headers, body });
      const failure = failures.shift();
      if (failure) {
        const retry: Record<string, string> = failure.retryAfter ? { "retry-after": failure.retryAfter } : {};
        return sendJson(res, failure.status, { error: failure.error ?? "failing as asked" }, retry);
      }
      if (headers["x-public-key"] !== keys.publicKey || headers["x-secret-key"] !== keys.secretKey)
        return sendJson(res, 401, { error: "No autorizado: X-PUBLIC-KEY o X-SECRET-KEY no son válidas" });
      let json: unknown = {};
      if (body.trim()) {
        try {
          json = JSON.parse(body);
        } catch {
          return sendJson(res, 400, { error: "El cuerpo no es JSON válido" });
        }
      }
      const answer = answerApi(ctx, req.method ?? "GET", path.slice("/api".length), url.searchParams, json);
      return sendJson(res, answer.status, answer.json);
    }
    const session = /^\/checkout-session\/([^/]+)(\/pay)?$/.exec(path);
    const checkout = session ? store.checkouts.get(decodeURIComponent(session[1] ?? "")) : undefined;
    if (!session) return sendJson(res, 404, { error: `No existe ${req.method} ${url.pathname}` });
    if (!checkout) return sendHtml(res, 404, missingPage(session[1] ?? ""));
    if (req.method === "GET" && !session[2]) return sendHtml(res, 200, checkoutPage(checkout));
    if (req.method !== "POST" || !session[2]) return sendJson(res, 405, { error: "Método no permitido" });
    const card = new URLSearchParams(body).get("card") ?? "";
    let outcome: ReturnType<typeof payCheckout>;
    try {
      outcome = payCheckout(store, checkout, card);
    } catch {
      return sendHtml(res, 409, checkoutPage(checkout));
    }
    await deliverAll(outcome.events);
    if (!outcome.paid) return sendHtml(res, 200, checkoutPage(checkout, outcome.reason));
    if (!checkout.success_url) return sendHtml(res, 200, paidPage());
    res.writeHead(303, { location: checkout.success_url });
    res.end();
  }

  return {
    url: `${origin}/api`,
    keys,
    webhookSecret,
    requests,
    deliveries,
    store,
    failNext: (...next) => failures.push(...next),
    pay,
    deliver,
    async setSubscriptionStatus(id, status, opts = {}) {
      return deliverAll(changeSubscription(store, id, status), opts);
    },
    async close() {
      await Promise.allSettled([...pending]);
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/**
 * The Recurrente client: every call of `Recurrente` (types.ts) as one JSON request with the
 * account's keys, under a timeout, its answer read by `read.ts`. Failures become one
 * `PaymentsError` whose message names Recurrente and says what to try; Recurrente puts its reason
 * under an `error` key, which is kept. No call retries by itself: a caller that can (the claim
 * page, a webhook Recurrente will redeliver, the nightly reconcile) decides with `retryable`.
 * API reference: https://documenter.getpostman.com/view/10340859/2sA2rFQf5R
 */
import { callProvider, excerpt, joinUrl, ProviderUnreachable } from "../../http";
import { isObject, readCheckout, readProduct, readRefund, readSubscription, readWebhookEndpoint, str } from "./read";
import { type NewCheckout, type NewProduct, PaymentsError, type Recurrente, type RecurrenteOptions } from "./types";

export const RECURRENTE_URL = "https://app.recurrente.com/api";
/** Recurrente answers in well under a second; 15 s leaves room for a slow checkout create. */
export const RECURRENTE_TIMEOUT_MS = 15_000;
const PROVIDER = "Recurrente";

type Method = "GET" | "POST" | "DELETE";

function failure(status: number, body: string, retryAfterMs: number | null, what: string): PaymentsError {
  let reason = "";
  try {
    const json: unknown = JSON.parse(body);
    reason =
      str(json, "error") ?? str(json, "message") ?? (isObject(json) ? excerpt(JSON.stringify(json.errors ?? "")) : "");
  } catch {
    reason = excerpt(body);
  }
  const said = reason ? `: ${reason}` : "";
  if (status === 401 || status === 403)
    return new PaymentsError(
      "auth",
      `Recurrente refused the keys (${status})${said}. Check the payments public and secret keys in Settings.`,
      status,
    );
  if (status === 404) return new PaymentsError("not_found", `Recurrente has no such ${what} (404)${said}`, status);
  if (status === 429)
    return new PaymentsError(
      "rate_limited",
      `Recurrente is limiting requests (429)${said}; try again shortly`,
      status,
      retryAfterMs,
    );
  if (status >= 500)
    return new PaymentsError(
      "server",
      `Recurrente had an error (${status})${said}; try again later`,
      status,
      retryAfterMs,
    );
  return new PaymentsError("invalid", `Recurrente refused the ${what} (${status})${said}`, status);
}

/**
 * A client for one Recurrente account.
 * @example const recurrente = recurrenteClient({ publicKey, secretKey, baseUrl: env.RECURRENTE_URL });
 */
export function recurrenteClient(options: RecurrenteOptions): Recurrente {
  const base = options.baseUrl || RECURRENTE_URL;

  async function call(method: Method, path: string, what: string, body?: unknown): Promise<unknown> {
    let answer: Awaited<ReturnType<typeof callProvider>>;
    try {
      answer = await callProvider({
        provider: PROVIDER,
        url: joinUrl(base, path),
        init: {
          method,
          headers: {
            "X-PUBLIC-KEY": options.publicKey,
            "X-SECRET-KEY": options.secretKey,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? RECURRENTE_TIMEOUT_MS,
      });
    } catch (error) {
      if (error instanceof ProviderUnreachable) throw new PaymentsError("network", error.message);
      throw error;
    }
    if (!answer.ok) throw failure(answer.status, answer.body, answer.retryAfterMs, what);
    if (!answer.body.trim()) return {};
    try {
      return JSON.parse(answer.body);
    } catch {
      throw new PaymentsError(
        "server",
        `Recurrente answered with something that is not JSON: ${excerpt(answer.body)}`,
        answer.status,
      );
    }
  }

  function read<T>(value: T | null, what: string): T {
    if (value === null) throw new PaymentsError("server", `Recurrente's answer did not describe a ${what}`);
    return value;
  }

  const id = (value: string) => encodeURIComponent(value);

  return {
    async test() {
      return str(await call("GET", "/test", "key check"), "message") ?? "";
    },
    async createCheckout(checkout: NewCheckout) {
      const body = {
        items: checkout.items.map((item) => ({
          name: item.name,
          ...(item.description ? { description: item.description } : {}),
          amount_in_cents: item.amountCents,
          currency: item.currency,
          charge_type: item.chargeType,
          quantity: item.quantity ?? 1,
          ...(item.chargeType === "recurring"
            ? {
                billing_interval: item.billingInterval ?? "month",
                billing_interval_count: item.billingIntervalCount ?? 1,
              }
            : {}),
        })),
        success_url: checkout.successUrl,
        cancel_url: checkout.cancelUrl,
        metadata: checkout.metadata,
        ...(checkout.expiresAt ? { expires_at: checkout.expiresAt } : {}),
      };
      return read(readCheckout(await call("POST", "/checkouts", "checkout", body)), "checkout");
    },
    async getCheckout(checkoutId) {
      return read(readCheckout(await call("GET", `/checkouts/${id(checkoutId)}`, "checkout")), "checkout");
    },
    async createProduct(product: NewProduct) {
      const body = {
        product: {
          name: product.name,
          ...(product.description ? { description: product.description } : {}),
          ...(product.successUrl ? { success_url: product.successUrl } : {}),
          ...(product.cancelUrl ? { cancel_url: product.cancelUrl } : {}),
          ...(product.metadata ? { metadata: product.metadata } : {}),
          prices_attributes: product.prices.map((price) => ({
            amount_in_cents: price.amountCents,
            currency: price.currency,
            charge_type: price.chargeType,
            ...(price.chargeType === "recurring"
              ? {
                  billing_interval: price.billingInterval ?? "month",
                  billing_interval_count: price.billingIntervalCount ?? 1,
                }
              : {}),
          })),
        },
      };
      return read(readProduct(await call("POST", "/products", "product", body)), "product");
    },
    async getProduct(productId) {
      return read(readProduct(await call("GET", `/products/${id(productId)}`, "product")), "product");
    },
    async listSubscriptions(page) {
      const json = await call("GET", `/subscriptions?page=${Math.max(1, Math.floor(page))}`, "subscription list");
      if (!Array.isArray(json)) throw new PaymentsError("server", "Recurrente's subscription list was not a list");
      return json.map(readSubscription).filter((s) => s !== null);
    },
    async getSubscription(subscriptionId) {
      return read(
        readSubscription(await call("GET", `/subscriptions/${id(subscriptionId)}`, "subscription")),
        "subscription",
      );
    },
    async cancelSubscription(subscriptionId) {
      await call("DELETE", `/subscriptions/${id(subscriptionId)}`, "subscription");
    },
    async createRefund(paymentId) {
      return read(readRefund(await call("POST", "/refunds", "refund", { payment_intent_id: paymentId })), "refund");
    },
    async getRefund(refundId) {
      return read(readRefund(await call("GET", `/refunds/${id(refundId)}`, "refund")), "refund");
    },
    async createWebhookEndpoint(endpoint) {
      const body = { url: endpoint.url, ...(endpoint.description ? { description: endpoint.description } : {}) };
      return read(
        readWebhookEndpoint(await call("POST", "/webhook_endpoints", "webhook endpoint", body)),
        "webhook endpoint",
      );
    },
    async listWebhookEndpoints() {
      const json = await call("GET", "/webhook_endpoints", "webhook endpoint list");
      const list = Array.isArray(json) ? json : isObject(json) && Array.isArray(json.data) ? json.data : null;
      if (!list) throw new PaymentsError("server", "Recurrente's webhook endpoint list was not a list");
      return list.map(readWebhookEndpoint).filter((e) => e !== null);
    },
    async deleteWebhookEndpoint(endpointId) {
      await call("DELETE", `/webhook_endpoints/${id(endpointId)}`, "webhook endpoint");
    },
  };
}

/**
 * The fake's `/api` routes, answered as the API reference shows: checkouts, products,
 * subscriptions, refunds and webhook endpoints. Auth and forced failures are checked before
 * (fake-recurrente.ts); here a request is already the account's.
 */
import { refundCreated, SUBSCRIPTION_EVENT_TYPES, subscriptionEvent } from "./fake-events";
import {
  checkoutJson,
  endpointJson,
  type FakeCheckout,
  type FakeItem,
  type FakeStore,
  newId,
  newSigningSecret,
  refundJson,
  subscriptionJson,
} from "./fake-state";
import { readExpiresAt, readItems, readMetadata, readPrice, readUrl } from "./fake-validate";

/** Recurrente's list pages hold 10 (the reference's "Get all subscriptions"). */
export const PAGE_SIZE = 10;

export type ApiAnswer = { status: number; json: unknown };
export type ApiContext = {
  store: FakeStore;
  /** The fake's origin, for hosted checkout links. */
  origin: string;
  /** The account's name, for `GET /test`. */
  accountName: string;
  /** Delivers an event to every registered endpoint after the answer has gone (as Recurrente does). */
  emit(event: Record<string, unknown>): void;
};

const ok = (json: unknown, status = 200): ApiAnswer => ({ status, json });
const error = (status: number, message: string): ApiAnswer => ({ status, json: { error: message } });
const invalid = (problems: string[]): ApiAnswer => error(422, problems.join("; "));
const notFound = (what: string, id: string): ApiAnswer => error(404, `No se encontró ${what} ${id}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The product Recurrente makes for a checkout's inline items, or for `POST /products`. */
function productJson(
  id: string,
  name: string,
  prices: Omit<FakeItem, "name" | "description" | "quantity">[],
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    status: "active",
    name,
    description: typeof extra.description === "string" ? extra.description : null,
    success_url: typeof extra.success_url === "string" ? extra.success_url : "",
    cancel_url: typeof extra.cancel_url === "string" ? extra.cancel_url : "",
    phone_requirement: "none",
    address_requirement: "none",
    billing_info_requirement: "none",
    prices: prices.map((price) => ({
      id: newId("price"),
      amount_in_cents: price.amount_in_cents,
      currency: price.currency,
      billing_interval_count: price.billing_interval_count,
      billing_interval: price.billing_interval,
      charge_type: price.charge_type,
      periods_before_automatic_cancellation: null,
      free_trial_interval_count: 0,
      free_trial_interval: null,
    })),
    storefront_link: `https://app.recurrente.com/s/fake/${id}`,
    metadata: isObject(extra.metadata) ? extra.metadata : {},
  };
}

function createCheckout(ctx: ApiContext, body: Record<string, unknown>): ApiAnswer {
  const items = readItems(body.items);
  const problems = [...items.problems];
  const successUrl = readUrl(body.success_url, "success_url", problems);
  const cancelUrl = readUrl(body.cancel_url, "cancel_url", problems);
  const metadata = readMetadata(body.metadata, problems);
  const expiresAt = readExpiresAt(body.expires_at, problems);
  if (problems.length) return invalid(problems);
  const product = productJson(newId("prod"), items.value[0]?.name ?? "", items.value);
  ctx.store.products.set(product.id, product);
  const checkout: FakeCheckout = {
    id: newId("ch", 16),
    status: "unpaid",
    items: items.value,
    success_url: successUrl,
    cancel_url: cancelUrl,
    metadata,
    expires_at: expiresAt,
    created_at: new Date().toISOString(),
    productId: product.id,
    paymentId: null,
    subscriptionId: null,
  };
  ctx.store.checkouts.set(checkout.id, checkout);
  return ok({ id: checkout.id, checkout_url: `${ctx.origin}/checkout-session/${checkout.id}` }, 201);
}

function createProduct(ctx: ApiContext, body: Record<string, unknown>): ApiAnswer {
  const product = isObject(body.product) ? body.product : null;
  if (!product) return invalid(["product is required"]);
  const problems: string[] = [];
  if (typeof product.name !== "string" || !product.name.trim()) problems.push("product.name is required");
  const raw = product.prices_attributes;
  if (!Array.isArray(raw) || raw.length === 0) problems.push("product.prices_attributes must be a non-empty list");
  const prices = (Array.isArray(raw) ? raw : []).map((p, i) => readPrice(p, `prices_attributes[${i}]`, problems));
  if (problems.length) return invalid(problems);
  const json = productJson(newId("prod"), String(product.name), prices, product);
  ctx.store.products.set(json.id, json);
  return ok(json, 201);
}

function cancelSubscription(ctx: ApiContext, id: string): ApiAnswer {
  const subscription = ctx.store.subscriptions.get(id);
  if (!subscription) return notFound("la suscripción", id);
  if (subscription.status !== "cancelled") {
    subscription.status = "cancelled";
    subscription.updated_at = new Date().toISOString();
    ctx.emit(subscriptionEvent(ctx.store, subscription, SUBSCRIPTION_EVENT_TYPES.cancelled));
  }
  return ok({ message: "Suscripción cancelada" });
}

function createRefund(ctx: ApiContext, body: Record<string, unknown>): ApiAnswer {
  const paymentId = body.payment_intent_id;
  if (typeof paymentId !== "string" || !paymentId) return invalid(["payment_intent_id is required"]);
  const payment = ctx.store.payments.get(paymentId);
  if (!payment) return notFound("el pago", paymentId);
  if (payment.refundId) return error(422, `El pago ${paymentId} ya fue reembolsado`);
  const refund = {
    id: newId("re"),
    paymentId,
    customer: payment.customer,
    amountCents: payment.amountCents,
    currency: payment.currency,
    created_at: new Date().toISOString(),
  };
  payment.refundId = refund.id;
  ctx.store.refunds.set(refund.id, refund);
  ctx.emit(refundCreated(refund));
  return ok(refundJson(refund));
}

function createEndpoint(ctx: ApiContext, body: Record<string, unknown>): ApiAnswer {
  const problems: string[] = [];
  const url = readUrl(body.url, "url", problems);
  if (!url && !problems.length) problems.push("url is required");
  if (problems.length) return invalid(problems);
  const endpoint = {
    id: newId("ep", 27),
    url,
    description: typeof body.description === "string" ? body.description : null,
    metadata: body.metadata ?? {},
    secret: newSigningSecret(),
    createdAt: new Date().toISOString(),
  };
  ctx.store.endpoints.set(endpoint.id, endpoint);
  return ok({ ...endpointJson(endpoint), signingSecret: endpoint.secret });
}

/** Answers one authorized `/api` request; `path` is what follows `/api`, without a trailing slash. */
export function answerApi(
  ctx: ApiContext,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
): ApiAnswer {
  const json = isObject(body) ? body : {};
  const [, collection = "", id, ...rest] = path.split("/");
  if (rest.length) return error(404, `No existe la ruta ${method} /api${path}`);
  const { store } = ctx;
  const route = `${method} ${collection}${id === undefined ? "" : "/:id"}`;
  switch (route) {
    case "GET test":
      return ok({ message: `Hello ${ctx.accountName} 🌎` });
    case "POST checkouts":
      return createCheckout(ctx, json);
    case "GET checkouts/:id": {
      const checkout = store.checkouts.get(id ?? "");
      return checkout ? ok(checkoutJson(store, checkout)) : notFound("el checkout", id ?? "");
    }
    case "POST products":
      return createProduct(ctx, json);
    case "GET products/:id":
      return store.products.get(id ?? "") ? ok(store.products.get(id ?? "")) : notFound("el producto", id ?? "");
    case "GET subscriptions": {
      const page = Math.max(1, Number.parseInt(query.get("page") ?? "1", 10) || 1);
      const newestFirst = [...store.subscriptions.values()].reverse();
      return ok(newestFirst.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(subscriptionJson));
    }
    case "GET subscriptions/:id": {
      const subscription = store.subscriptions.get(id ?? "");
      return subscription ? ok(subscriptionJson(subscription)) : notFound("la suscripción", id ?? "");
    }
    case "DELETE subscriptions/:id":
      return cancelSubscription(ctx, id ?? "");
    case "POST refunds":
      return createRefund(ctx, json);
    case "GET refunds/:id": {
      const refund = store.refunds.get(id ?? "");
      return refund ? ok(refundJson(refund)) : notFound("el reembolso", id ?? "");
    }
    case "POST webhook_endpoints":
      return createEndpoint(ctx, json);
    case "GET webhook_endpoints":
      return ok([...store.endpoints.values()].map(endpointJson));
    case "DELETE webhook_endpoints/:id": {
      const endpoint = store.endpoints.get(id ?? "");
      if (!endpoint) return notFound("el webhook endpoint", id ?? "");
      store.endpoints.delete(endpoint.id);
      return ok(endpointJson(endpoint));
    }
    default:
      return error(404, `No existe la ruta ${method} /api${path}`);
  }
}

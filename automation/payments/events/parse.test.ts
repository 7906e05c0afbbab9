import { describe, expect, it } from "vitest";
import { parseRecurrenteEvent } from "./parse";

/** The API reference's examples, as documented (trimmed of fields the reader never looks at). */
const SUBSCRIPTION_PAYMENTABLE = {
  id: "su_id123",
  tax_id: null,
  tax_name: null,
  type: "Subscription",
  address: null,
  phone_number: "5555-5555",
};
const CUSTOMER = { email: "hello@example.com", full_name: "Max Rodriguez", id: "us_id123" };

const paymentSucceeded = {
  id: "pa_id123",
  event_type: "payment_intent.succeeded",
  api_version: "2024-04-24",
  checkout: {
    id: "ch_id123",
    status: "paid",
    payment: { id: "pa_laybj3zw", paymentable: { type: "OneTimePayment", id: "on_arognqni" } },
    payment_method: { id: "pay_m_7v5ie3pw", type: "card", card: { last4: "0000", network: "visa" } },
    transfer_setups: [],
    metadata: { workspace_id: "ws_1", claim_id: "cl_1" },
  },
  created_at: "2024-02-16T03:01:13.260Z",
  failure_reason: null,
  amount_in_cents: 10000,
  currency: "GTQ",
  fee: 450,
  customer: CUSTOMER,
  payment: { id: "pa_id123", paymentable: SUBSCRIPTION_PAYMENTABLE },
  product: { id: "prod_id123" },
  invoice: { id: "inv_123", tax_invoice_url: "https://app.recurrente.com/invoices/inv_123" },
};

const paymentFailed = {
  id: "pa_id123",
  event_type: "payment_intent.failed",
  api_version: "2024-03-13",
  checkout: { id: "ch_id123" },
  created_at: "2024-02-16T03:01:13.260Z",
  failure_reason: "Tu banco ha rechazado la transacción. Llama a tu banco y pide que autoricen esta transacción.",
  amount_in_cents: "10000",
  currency: "GTQ",
  customer: CUSTOMER,
  payment: { id: "pa_id123", paymentable: SUBSCRIPTION_PAYMENTABLE },
  product: { id: "prod_id123" },
  invoice: { id: "inv_123", tax_invoice_url: null },
};

const subscriptionEvent = (event_type: string) => ({
  api_version: "2024-04-24",
  created_at: "2025-10-13T13:59:27.931Z",
  customer_email: "example@example.com",
  customer_id: "us_1234",
  customer_name: "Pedro Pérez",
  event_type,
  id: "su_123",
  payment: {
    id: "pa_123",
    paymentable: { address: null, id: "su_123", phone_number: "+50255555555", type: "Subscription" },
  },
  product: { id: "prod_123", name: "Plan de Prueba", prices: [{ amount_in_cents: 999, currency: "GTQ" }] },
});

const bankTransfer = (event_type: string, status: string) => ({
  id: "ba_123",
  event_type,
  api_version: "2024-04-24",
  created_at: "2024-03-04T18:08:40.210Z",
  customer_id: "us_t8nlvpwq",
  customer: { id: "us_t8nlvpwq" },
  amount_in_cents: 10000,
  currency: "GTQ",
  product: { id: "prod_123" },
  checkout: {
    id: "ch_5wlclm4jqpg3fe09",
    status,
    payment: { id: "pa_123", paymentable: { type: "OneTimePayment", id: "on_123", phone_number: "5555-5555" } },
    metadata: {},
  },
  payment: { id: "pa_123", paymentable: { type: "OneTimePayment", id: "on_123", phone_number: "5555-5555" } },
  tax_invoice_url: null,
});

describe("parseRecurrenteEvent — payments", () => {
  it("reads a card payment that succeeded, with its checkout, subscription, customer and invoice", () => {
    expect(parseRecurrenteEvent(paymentSucceeded)).toEqual({
      kind: "payment",
      type: "payment_intent.succeeded",
      outcome: "succeeded",
      paymentId: "pa_id123",
      checkoutId: "ch_id123",
      subscriptionId: "su_id123",
      amountCents: 10000,
      currency: "GTQ",
      customer: { id: "us_id123", email: "hello@example.com", name: "Max Rodriguez", phone: "5555-5555" },
      failureReason: null,
      invoiceUrl: "https://app.recurrente.com/invoices/inv_123",
      productId: "prod_id123",
      metadata: { workspace_id: "ws_1", claim_id: "cl_1" },
      at: "2024-02-16T03:01:13.260Z",
    });
  });

  it("reads a declined card with its reason, the amount given as a string", () => {
    expect(parseRecurrenteEvent(paymentFailed)).toMatchObject({
      kind: "payment",
      outcome: "failed",
      amountCents: 10000,
      checkoutId: "ch_id123",
      failureReason: expect.stringContaining("Tu banco ha rechazado"),
      invoiceUrl: null,
    });
  });

  it("reads bank transfers as pending, succeeded or failed payments", () => {
    const outcomes = [
      ["bank_transfer_intent.pending", "payment_in_progress"],
      ["bank_transfer_intent.succeeded", "paid"],
      ["bank_transfer_intent.failed", "unpaid"],
    ].map(([type, status]) => parseRecurrenteEvent(bankTransfer(type!, status!)));
    expect(outcomes.map((e) => e.kind === "payment" && e.outcome)).toEqual(["pending", "succeeded", "failed"]);
    expect(outcomes[1]).toMatchObject({
      paymentId: "ba_123",
      checkoutId: "ch_5wlclm4jqpg3fe09",
      subscriptionId: null,
      customer: { id: "us_t8nlvpwq", email: null, phone: "5555-5555" },
    });
  });

  it("reads a payment without an amount as an unknown event, never as a payment of 0", () => {
    const { amount_in_cents: _, ...noAmount } = paymentSucceeded;
    expect(parseRecurrenteEvent(noAmount)).toEqual({
      kind: "unknown",
      type: "payment_intent.succeeded",
      objectId: "pa_id123",
      at: "2024-02-16T03:01:13.260Z",
    });
  });
});

describe("parseRecurrenteEvent — subscriptions, setups and refunds", () => {
  it("reads each subscription event as the status it reports", () => {
    const types = ["subscription.create", "subscription.past_due", "subscription.paused", "subscription.cancel"];
    const events = types.map((t) => parseRecurrenteEvent(subscriptionEvent(t)));
    expect(events.map((e) => e.kind === "subscription" && e.status)).toEqual([
      "active",
      "past_due",
      "paused",
      "cancelled",
    ]);
    expect(events[0]).toEqual({
      kind: "subscription",
      type: "subscription.create",
      status: "active",
      subscriptionId: "su_123",
      paymentId: "pa_123",
      productId: "prod_123",
      customer: { id: "us_1234", email: "example@example.com", name: "Pedro Pérez", phone: "+50255555555" },
      at: "2025-10-13T13:59:27.931Z",
    });
  });

  it("reads setup intents under the documented key `suscription`, times turned to UTC", () => {
    const setup = (event_type: string, status: string) => ({
      api_version: "2024-03-13",
      created_at: "2024-04-10T10:31:45.806-06:00",
      event_type,
      status,
      suscription: { id: "su_vh8v33ac" },
    });
    expect(parseRecurrenteEvent(setup("setup_intent.succeeded", "succeeded"))).toEqual({
      kind: "setup",
      type: "setup_intent.succeeded",
      succeeded: true,
      subscriptionId: "su_vh8v33ac",
      at: "2024-04-10T16:31:45.806Z",
    });
    expect(parseRecurrenteEvent(setup("setup_intent.cancelled", "cancelled"))).toMatchObject({ succeeded: false });
  });

  it("reads a refund as its refund object is documented", () => {
    const event = {
      id: "re_3jfrywsf",
      event_type: "refund.create",
      status: "succeeded",
      customer: { id: "us_ik1qykpd", email: "juan@gmail.com", full_name: "Juan Perez" },
      account_refunded_amount_in_cents: 2187,
      customer_refunded_amount_in_cents: "2500",
      currency: "GTQ",
      payment_intent_id: "pa_e6kc6vx2",
      created_at: "2024-06-23T12:26:51.962-06:00",
    };
    expect(parseRecurrenteEvent(event)).toEqual({
      kind: "refund",
      type: "refund.create",
      refundId: "re_3jfrywsf",
      paymentId: "pa_e6kc6vx2",
      amountCents: 2500,
      currency: "GTQ",
      customer: { id: "us_ik1qykpd", email: "juan@gmail.com", name: "Juan Perez", phone: null },
      at: "2024-06-23T18:26:51.962Z",
    });
  });

  it("keeps an event type it does not act on, and anything unreadable, as unknown", () => {
    expect(
      parseRecurrenteEvent({ id: "in_1", event_type: "invoice.created", created_at: "2024-01-01T00:00:00Z" }),
    ).toEqual({ kind: "unknown", type: "invoice.created", objectId: "in_1", at: "2024-01-01T00:00:00.000Z" });
    expect(parseRecurrenteEvent("not an object")).toEqual({
      kind: "unknown",
      type: "unknown",
      objectId: null,
      at: null,
    });
    expect(parseRecurrenteEvent(subscriptionEvent("subscription.create")).kind).toBe("subscription");
    expect(parseRecurrenteEvent({ ...subscriptionEvent("subscription.create"), id: "pa_wrong" }).kind).toBe("unknown");
  });
});

/** How a payment's status and kind read in the recent payments list: a label and a chip colour each. */
import type { PaymentKind, PaymentStatus } from "../../schema/payments-tables";

export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = {
  pending: "Pending",
  succeeded: "Succeeded",
  failed: "Failed",
  refunded: "Refunded",
};

export const PAYMENT_STATUS_TONE: Record<PaymentStatus, "neutral" | "accent" | "success" | "danger"> = {
  pending: "neutral",
  succeeded: "success",
  failed: "danger",
  refunded: "accent",
};

export const PAYMENT_KIND_LABEL: Record<PaymentKind, string> = {
  setup: "Setup fee",
  renewal: "Renewal",
  refund: "Refund",
};

/**
 * The newest payments, as `GET /api/payments` gives them: who paid, what for, how much, its status
 * as a chip, and a flag when the amount or currency did not match the plan.
 */
import { TriangleAlert } from "lucide-react";
import type { PaymentItem } from "../../schema/payments-api";
import { Badge, DateTime } from "../components/ui";
import { formatMoney } from "./format";
import { PAYMENT_KIND_LABEL, PAYMENT_STATUS_LABEL, PAYMENT_STATUS_TONE } from "./payment-status";

export function RecentPayments({ payments }: { payments: PaymentItem[] }) {
  if (payments.length === 0)
    return (
      <p className="py-4 text-center text-[13px] text-muted">
        No payments yet: they show here as Recurrente confirms them.
      </p>
    );
  return (
    <ul aria-label="Recent payments" className="-my-2 divide-y divide-line">
      {payments.map((p) => (
        <li key={p.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2.5 text-[13px]">
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{p.customerEmail ?? "Unknown customer"}</p>
            <p className="text-xs text-muted">
              {PAYMENT_KIND_LABEL[p.kind]} ·{" "}
              {p.paidAt ? (
                <>
                  <DateTime iso={p.paidAt} /> ·{" "}
                </>
              ) : null}
              <span className="font-mono">{p.recurrenteId}</span>
            </p>
            {p.failureReason ? <p className="text-xs text-danger">{p.failureReason}</p> : null}
            {p.flag ? (
              <p className="flex items-start gap-1 text-xs text-amber-700 dark:text-amber-300">
                <TriangleAlert className="mt-px h-3.5 w-3.5 shrink-0" aria-hidden /> Flagged: {p.flag}
              </p>
            ) : null}
          </div>
          <div className="flex items-center gap-2">
            <span className="font-medium tabular-nums">{formatMoney(p.amountCents, p.currency)}</span>
            <Badge tone={PAYMENT_STATUS_TONE[p.status]}>{PAYMENT_STATUS_LABEL[p.status]}</Badge>
          </div>
        </li>
      ))}
    </ul>
  );
}

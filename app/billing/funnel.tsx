/** Pitched → claimed → paid as bars against the pitched count, with each step's conversion from the one before. */
import type { BillingReport } from "../../schema/payments-api";
import { percent } from "../lib/percent";
import { conversion } from "./format";

export function Funnel({ funnel }: { funnel: BillingReport["funnel"] }) {
  const steps = [
    { label: "Pitched", count: funnel.pitched, hint: "pitch messages sent", from: null },
    {
      label: "Claimed",
      count: funnel.claimed,
      hint: "checkouts opened",
      from: { label: "pitched", count: funnel.pitched },
    },
    { label: "Paid", count: funnel.paid, hint: "claims paid", from: { label: "claimed", count: funnel.claimed } },
  ];
  const widest = Math.max(1, ...steps.map((s) => s.count));
  return (
    <ol aria-label="Pitched to paid" className="flex flex-col gap-3">
      {steps.map((s) => {
        const rate = s.from && conversion(s.from.count, s.count);
        return (
          <li key={s.label} className="grid grid-cols-[5.5rem_1fr] items-center gap-3 text-[13px]">
            <span className="font-medium">{s.label}</span>
            <div className="flex min-w-0 flex-col gap-1">
              <div className="h-2.5 overflow-hidden rounded-full bg-surface-2">
                <div className="h-full rounded-full bg-accent" style={{ width: `${(100 * s.count) / widest}%` }} />
              </div>
              <p className="flex flex-wrap justify-between gap-x-3 text-xs text-muted">
                <span>
                  <span className="font-medium tabular-nums text-fg">{s.count.toLocaleString("en-US")}</span> {s.hint}
                </span>
                {s.from === null ? null : (
                  <span className="tabular-nums">
                    {rate === null ? "—" : percent(rate)} of {s.from.label}
                  </span>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

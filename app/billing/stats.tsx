/** The revenue report's figures as stat cards, money in the report's currency. */
import type { BillingReport } from "../../schema/payments-api";
import { Stat } from "../components/ui";
import { percent } from "../lib/percent";
import { formatMoney } from "./format";

export function BillingStats({ report }: { report: BillingReport }) {
  const money = (cents: number) => formatMoney(cents, report.currency);
  const { churn } = report;
  return (
    <dl aria-label="Revenue" className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7">
      <Stat label="MRR" value={money(report.mrrCents)} hint="active and past-due plans" />
      <Stat label="Active customers" value={report.activeCustomers.toLocaleString("en-US")} />
      <Stat
        label="Past due"
        value={report.pastDueCustomers.toLocaleString("en-US")}
        hint={report.pastDueCustomers ? "a renewal failed" : undefined}
      />
      <Stat
        label="Churn (30 days)"
        value={percent(churn.rate)}
        hint={`${churn.cancelled30d.toLocaleString("en-US")} cancelled`}
      />
      <Stat label="Setup fees" value={money(report.setupFeesCents)} />
      <Stat label="Refunds" value={money(report.refundsCents)} />
      <Stat
        label="Average lifetime value"
        value={money(report.averageLifetimeValueCents)}
        hint="of customers who paid"
      />
    </dl>
  );
}

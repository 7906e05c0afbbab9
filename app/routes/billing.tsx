/**
 * The revenue dashboard: the billing report's figures as cards, claims per week and revenue by
 * month as charts, the pitched → claimed → paid funnel, the newest payments, and links to the
 * Customers, Subscriptions and Payments grids. Each API that fails says so in its place; the rest
 * of the page still shows.
 */
import { CreditCard } from "lucide-react";
import { Link, useLoaderData } from "react-router";
import type { SecretStatus } from "../../schema/api";
import type { BillingReport, PaymentItem } from "../../schema/payments-api";
import { billingApi, billingTableIds } from "../billing/api";
import { BarChart } from "../billing/bar-chart";
import { formatMoney, monthLabel } from "../billing/format";
import { Funnel } from "../billing/funnel";
import { RecentPayments } from "../billing/recent-payments";
import { BillingStats } from "../billing/stats";
import { BillingTableLinks } from "../billing/table-links";
import { Card, EmptyState, Notice, PageHeader } from "../components/ui";
import { weekLabel } from "../hunting/format";
import { apiSend } from "../lib/api.server";
import { PAYMENTS_SECRETS } from "../settings/payments-keys";
import type { Route } from "./+types/billing";

export const meta: Route.MetaFunction = () => [{ title: "Billing · Rowpilot" }];

/** The payments the dashboard lists (the API gives them newest first). */
const RECENT_PAYMENTS = 10;

type Loaded<T> = { value: T; error: null } | { value: null; error: string };

export async function loader({ context, params }: Route.LoaderArgs) {
  const get = async <T,>(path: string, what: string): Promise<Loaded<T>> => {
    const result = await apiSend<T>(context, "GET", path);
    return result.ok
      ? { value: result.value, error: null }
      : { value: null, error: `Could not read ${what}: ${result.error.message}` };
  };
  const slug = params.slug;
  const [report, payments, tables, settings] = await Promise.all([
    get<BillingReport>(billingApi(slug, "/api/billing/report"), "the revenue report"),
    get<{ payments: PaymentItem[] }>(
      billingApi(slug, "/api/payments", { limit: String(RECENT_PAYMENTS) }),
      "the recent payments",
    ),
    get<Record<string, string> | null>(billingApi(slug, "/api/billing/tables"), "the billing tables"),
    get<{ secrets: SecretStatus[] }>(`/api/workspaces/${encodeURIComponent(slug)}/settings`, "the settings"),
  ]);
  const keysSet = settings.value?.secrets.some((s) => s.key === PAYMENTS_SECRETS.apiKey && s.set) ?? true;
  return {
    report: report.value,
    recent: payments.value?.payments ?? [],
    tables: billingTableIds(tables.value),
    keysSet,
    errors: [report.error, payments.error, tables.error].filter((e): e is string => e !== null),
  };
}

export default function BillingPage({ params }: Route.ComponentProps) {
  const { report, recent, tables, keysSet, errors } = useLoaderData<typeof loader>();
  const slug = params.slug;
  // Billing is in use once anyone claimed a site or a payment, customer or plan was recorded.
  const used =
    report !== null &&
    (report.funnel.claimed > 0 ||
      recent.length > 0 ||
      report.activeCustomers + report.pastDueCustomers > 0 ||
      report.mrrCents > 0);
  return (
    <>
      <PageHeader
        title="Billing"
        description="What claimed sites bring in: plans paid through Recurrente, customers, and the way from pitch to payment."
        actions={<BillingTableLinks slug={slug} ids={tables} />}
      />
      <div className="flex flex-col gap-6">
        {errors.map((e) => (
          <Notice key={e} tone="error">
            {e}
          </Notice>
        ))}
        {keysSet ? null : (
          <Notice tone="info">
            Payments are not set up: claim pages take claims and say your team will be in touch.{" "}
            <Link to={`/w/${slug}/settings#payments`} className="font-medium text-accent hover:underline">
              Add Recurrente keys in Settings
            </Link>
          </Notice>
        )}
        {report && used ? <Dashboard report={report} recent={recent} /> : null}
        {report && !used ? (
          <Card>
            <EmptyState icon={<CreditCard className="h-8 w-8" aria-hidden />} title="No claims yet">
              <p>
                Publish a site and share it: its owner claims it from the site.{" "}
                <Link to={`/w/${slug}/sites`} className="font-medium text-accent hover:underline">
                  Go to Sites
                </Link>
              </p>
              <p className="mt-1">
                Set up payments in{" "}
                <Link to={`/w/${slug}/settings#payments`} className="font-medium text-accent hover:underline">
                  Settings
                </Link>{" "}
                so a claim is paid through Recurrente.
              </p>
            </EmptyState>
          </Card>
        ) : null}
      </div>
    </>
  );
}

function Dashboard({ report, recent }: { report: BillingReport; recent: PaymentItem[] }) {
  const money = (cents: number) => formatMoney(cents, report.currency);
  return (
    <>
      <BillingStats report={report} />
      {report.otherCurrencyPayments > 0 ? (
        <Notice tone="info">
          {report.otherCurrencyPayments.toLocaleString("en-US")} payments in another currency than {report.currency} are
          left out of these figures; they are in the Payments table.
        </Notice>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Card title="Claims paid per week">
          <BarChart
            label="Claims paid per week"
            bars={report.claimsPerWeek.map((w) => ({ key: w.week, label: weekLabel(w.week), value: w.claims }))}
            format={(n) => n.toLocaleString("en-US")}
            empty="No claims paid in the last 12 weeks."
          />
        </Card>
        <Card title="Revenue by month">
          <BarChart
            label="Revenue by month"
            bars={report.revenueByMonth.map((m) => ({ key: m.month, label: monthLabel(m.month), value: m.cents }))}
            format={money}
            empty="Nothing collected in the last 12 months."
          />
        </Card>
      </div>
      <div className="grid gap-3 md:grid-cols-[2fr_3fr]">
        <Card title="Pitched to paid" description="Conversion from each step to the next.">
          <Funnel funnel={report.funnel} />
        </Card>
        <Card title="Recent payments">
          <RecentPayments payments={recent} />
        </Card>
      </div>
    </>
  );
}

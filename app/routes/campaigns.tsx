import { ChartLine } from "lucide-react";
import { Link, useLoaderData, useSearchParams } from "react-router";
import type { MessagingStats, StatsLine } from "../../schema/messaging-stats";
import { RateChart } from "../campaigns/rate-chart";
import { StatsTable } from "../campaigns/stats-table";
import { Card, cn, EmptyState, PageHeader, Stat } from "../components/ui";
import { apiGet } from "../lib/api.server";
import { percent } from "../lib/percent";
import type { Route } from "./+types/campaigns";

export const meta: Route.MetaFunction = () => [{ title: "Campaigns · Rowpilot" }];

/** The periods offered; the API takes any number of days up to MAX_STATS_DAYS. */
const PERIODS = [7, 30, 90];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const days = new URL(request.url).searchParams.get("days") ?? "30";
  const q = new URLSearchParams({ workspace: params.slug, days });
  return apiGet<MessagingStats>(context, request, `/api/messaging/stats?${q}`);
}

const RATES: { key: keyof StatsLine; title: string }[] = [
  { key: "openRate", title: "Open rate" },
  { key: "clickRate", title: "Click rate" },
  { key: "replyRate", title: "Reply rate" },
  { key: "deliveryRate", title: "Delivery rate" },
  { key: "bounceRate", title: "Bounce rate" },
  { key: "unsubscribeRate", title: "Unsubscribe rate" },
];

export default function CampaignsPage() {
  const stats = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const current = Number(search.get("days") ?? 30);
  const { totals } = stats;
  return (
    <>
      <PageHeader
        title="Campaigns"
        description={`Messages sent ${stats.from} to ${stats.to} (${stats.zone}) and what became of them. Opens count people only: privacy proxies and scanners are left out.`}
        actions={
          <nav className="flex gap-1" aria-label="Period">
            {PERIODS.map((d) => (
              <Link
                key={d}
                to={`?days=${d}`}
                className={cn(
                  "rounded-md border px-2.5 py-1 text-[13px]",
                  d === current ? "border-accent bg-accent-soft text-accent" : "border-line text-muted hover:text-fg",
                )}
              >
                {d} days
              </Link>
            ))}
          </nav>
        }
      />
      {totals.sent === 0 ? (
        <Card>
          <EmptyState icon={<ChartLine className="h-6 w-6" aria-hidden />} title="Nothing sent in these days">
            Send messages from the Messages table; their opens, clicks and replies show here.
          </EmptyState>
        </Card>
      ) : (
        <div className="flex flex-col gap-6">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7" aria-label="Totals">
            <Stat label="Sent" value={String(totals.sent)} />
            <Stat label="Delivered" value={String(totals.delivered)} hint={percent(totals.deliveryRate)} />
            <Stat label="Opened" value={String(totals.opened)} hint={percent(totals.openRate)} />
            <Stat label="Clicked" value={String(totals.clicked)} hint={percent(totals.clickRate)} />
            <Stat label="Replied" value={String(totals.replied)} hint={percent(totals.replyRate)} />
            <Stat label="Bounced" value={String(totals.bounced)} hint={percent(totals.bounceRate)} />
            <Stat label="Unsubscribed" value={String(totals.unsubscribed)} hint={percent(totals.unsubscribeRate)} />
          </dl>
          <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-3">
            {RATES.map((r) => (
              <RateChart
                key={r.key}
                title={r.title}
                points={stats.byDay.map((d) => ({ day: d.day, rate: d[r.key] as number, sent: d.sent }))}
              />
            ))}
          </div>
          <Card title="By sender">
            <StatsTable label="Sender" rows={stats.bySender.map((s) => ({ ...s, key: s.sender, name: s.sender }))} />
          </Card>
          <Card title="By campaign">
            <StatsTable
              label="Campaign"
              rows={stats.byCampaign.map((c) => ({ ...c, key: c.campaignId ?? "none", name: c.campaign }))}
            />
          </Card>
        </div>
      )}
    </>
  );
}

/** The Analytics tab: the funnel of node counts, conversion to the goal, drop-off per edge, time in each node and A/B splits. */
import type { JourneyAnalytics } from "../../schema/journeys";
import { Card, countOf, Stat } from "../components/ui";
import { percent } from "../lib/percent";
import { durationInWords } from "./summary";

const timeOf = (seconds: number | null) => (seconds === null ? "—" : durationInWords(Math.round(seconds)));

export function AnalyticsView({ analytics }: { analytics: JourneyAnalytics }) {
  const widest = Math.max(1, ...analytics.nodes.map((n) => n.entered));
  const labels = new Map(analytics.nodes.map((n) => [n.id, n.label || n.id]));
  return (
    <div className="flex flex-col gap-4">
      <dl aria-label="Journey totals" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Enrolled" value={analytics.enrolled.toLocaleString("en-US")} />
        <Stat label="Converted" value={analytics.converted.toLocaleString("en-US")} hint="reached the goal" />
        <Stat label="Conversion" value={percent(analytics.conversion)} />
        <Stat label="Here now" value={analytics.nodes.reduce((s, n) => s + n.now, 0).toLocaleString("en-US")} />
      </dl>
      <Card title="Funnel" description={`Leads that reached each node (${countOf(analytics.steps, "step")} counted).`}>
        {analytics.nodes.length === 0 ? (
          <p className="text-[13px] text-muted">No lead has entered yet: enroll one, or wait for the entry to fire.</p>
        ) : (
          <ol aria-label="Funnel" className="flex flex-col gap-2">
            {analytics.nodes.map((n) => (
              <li
                key={n.id}
                className="grid grid-cols-[8rem_1fr] items-center gap-3 text-[13px] md:grid-cols-[12rem_1fr]"
              >
                <span className="truncate font-medium" title={n.id}>
                  {n.label || n.id}
                </span>
                <div className="flex min-w-0 flex-col gap-1">
                  <div className="h-2.5 overflow-hidden rounded-full bg-surface-2">
                    <div
                      className="h-full rounded-full bg-accent"
                      style={{ width: `${(100 * n.entered) / widest}%` }}
                    />
                  </div>
                  <p className="flex flex-wrap justify-between gap-x-3 text-xs text-muted">
                    <span>
                      <span className="font-medium tabular-nums text-fg">{n.entered}</span> entered · {n.now} now
                    </span>
                    <span>
                      median {timeOf(n.medianSeconds)} · p90 {timeOf(n.p90Seconds)}
                    </span>
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card title="Edges" description="How many went along each edge, and the share that stopped at its source.">
        {analytics.edges.length === 0 ? (
          <p className="text-[13px] text-muted">No lead has moved along an edge yet.</p>
        ) : (
          <table className="w-full text-[13px]">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-1 font-medium">From</th>
                <th className="py-1 font-medium">To</th>
                <th className="py-1 text-right font-medium">Leads</th>
                <th className="py-1 text-right font-medium">Drop-off</th>
              </tr>
            </thead>
            <tbody>
              {analytics.edges.map((e) => (
                <tr key={`${e.from}-${e.to}`} className="border-t border-line">
                  <td className="py-1">{labels.get(e.from) ?? e.from}</td>
                  <td className="py-1">{labels.get(e.to) ?? e.to}</td>
                  <td className="py-1 text-right tabular-nums">{e.count}</td>
                  <td className="py-1 text-right tabular-nums">{percent(e.dropOff)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {analytics.splits.map((s) => (
        <Card key={s.node} title={`A/B split: ${labels.get(s.node) ?? s.node}`} description={s.note}>
          <ul className="flex flex-col gap-1 text-[13px]">
            {s.branches.map((b) => (
              <li key={b.label} className="flex justify-between">
                <span className="font-medium">{b.label}</span>
                <span className="tabular-nums text-muted">
                  {b.converted} of {b.entered} converted · {percent(b.rate)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}

/** Items moved into a stage per UTC day over the last two weeks, one stage at a time, as bars. */
import { useState } from "react";
import type { PipelineAnswer } from "../../schema/autopilot";
import { BarChart } from "../billing/bar-chart";
import { cn } from "../components/ui";

const SERIES = [
  { key: "scraped", label: "Scraped" },
  { key: "generated", label: "Generated" },
  { key: "published", label: "Published" },
  { key: "pitched", label: "Pitched" },
  { key: "paid", label: "Paid" },
] as const;
type Series = (typeof SERIES)[number]["key"];

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function Throughput({ days }: { days: PipelineAnswer["throughput"] }) {
  const [series, setSeries] = useState<Series>("scraped");
  const label = SERIES.find((s) => s.key === series)!.label;
  return (
    <div className="flex flex-col gap-3">
      <div role="tablist" aria-label="Stage" className="flex flex-wrap gap-1">
        {SERIES.map((s) => (
          <button
            key={s.key}
            type="button"
            role="tab"
            aria-selected={s.key === series}
            onClick={() => setSeries(s.key)}
            className={cn(
              "rounded-md px-2 py-1 text-xs font-medium",
              s.key === series ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-2",
            )}
          >
            {s.label}
          </button>
        ))}
      </div>
      <BarChart
        label={`${label} per day`}
        bars={days.map((d) => ({ key: d.day, label: dayLabel(d.day), value: d[series] }))}
        format={(n) => n.toLocaleString("en-US")}
        empty={`Nothing ${label.toLowerCase()} in the last two weeks.`}
      />
    </div>
  );
}

/** What the health phase saw: a light per provider, the open alerts, and today's spend against each budget. */
import type { AlertRecord, HealthCheck, HealthLight, SpendLine } from "../../schema/autopilot";
import { cn, DateTime } from "../components/ui";
import { usd } from "./format";

const LIGHT: Record<HealthLight, { dot: string; word: string }> = {
  ok: { dot: "bg-success", word: "OK" },
  warning: { dot: "bg-amber-500", word: "Warning" },
  down: { dot: "bg-danger", word: "Down" },
  off: { dot: "bg-muted", word: "Off" },
};

export function HealthLights({ checks }: { checks: HealthCheck[] }) {
  if (checks.length === 0)
    return <p className="text-[13px] text-muted">No health check yet: the next cycle runs one.</p>;
  return (
    <ul aria-label="Health" className="flex flex-col gap-2">
      {checks.map((h) => (
        <li key={h.name} className="flex items-start gap-2 text-[13px]">
          <span aria-hidden className={cn("mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full", LIGHT[h.light].dot)} />
          <span>
            <span className="font-medium">{h.name}</span> <span className="text-muted">· {LIGHT[h.light].word}</span>
            <span className="block text-xs text-muted">{h.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function OpenAlerts({ alerts }: { alerts: AlertRecord[] }) {
  const open = alerts.filter((a) => a.clearedAt === null);
  if (open.length === 0) return <p className="text-[13px] text-muted">No open alerts.</p>;
  return (
    <ul aria-label="Open alerts" className="flex flex-col gap-2">
      {open.map((a) => (
        <li
          key={a.key}
          role="alert"
          className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger"
        >
          {a.message}
          <span className="block text-xs opacity-80">
            since <DateTime iso={a.raisedAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function SpendBars({ lines }: { lines: SpendLine[] }) {
  if (lines.length === 0) return <p className="text-[13px] text-muted">Nothing spent today.</p>;
  return (
    <ul aria-label="Spend today" className="flex flex-col gap-2.5">
      {lines.map((s) => {
        const share = s.budget ? Math.min(1, s.spent / s.budget) : 0;
        return (
          <li key={s.provider} className="flex flex-col gap-1 text-[13px]">
            <p className="flex justify-between gap-3">
              <span className="font-medium">{s.provider}</span>
              <span className={cn("tabular-nums", s.reached ? "text-danger" : "text-muted")}>
                {usd(s.spent)} {s.budget === null ? "· no budget" : `of ${usd(s.budget)}`}
                {s.reached ? " · budget reached" : ""}
              </span>
            </p>
            {s.budget === null ? null : (
              <div className="h-2 overflow-hidden rounded-full bg-surface-2">
                <div
                  className={cn("h-full rounded-full", s.reached ? "bg-danger" : "bg-accent")}
                  style={{ width: `${share * 100}%` }}
                />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

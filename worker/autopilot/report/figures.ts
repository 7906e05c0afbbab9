/**
 * The daily report's figures, made from plain data (what `gather.ts` reads from D1): items the
 * cycles finished by action, people who opened, clicked or replied, claims and payments, spend
 * per provider, and the failures of the day's cycles by phase and cause. Pure, so it is tested
 * in Node.
 */
import type { PhaseResult } from "../../../schema/autopilot";

export type ReportInputs = {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Items the day's cycles finished ("done" in the ledger), by ledger action. */
  done: Partial<Record<string, number>>;
  /** Leads with each message event that day (a person opening twice counts once). */
  events: Partial<Record<string, number>>;
  claimed: number;
  paid: number;
  /** USD per provider. */
  spend: Partial<Record<string, number>>;
  /** The phases of each cycle started that day. */
  cycles: PhaseResult[][];
};

export type DailyReport = {
  day: string;
  scraped: number;
  qualified: number;
  generated: number;
  published: number;
  pitched: number;
  opened: number;
  clicked: number;
  replied: number;
  claimed: number;
  paid: number;
  /** USD, all providers. */
  spend: number;
  spendByProvider: Record<string, number>;
  /** "<phase>: <cause>" → count, most first. */
  failures: Record<string, number>;
};

const n = (v: number | undefined) => v ?? 0;
const cents = (usd: number) => Math.round(usd * 100) / 100;

export function dailyReport(inputs: ReportInputs): DailyReport {
  const { done, events } = inputs;
  const failures = new Map<string, number>();
  for (const phases of inputs.cycles)
    for (const phase of phases)
      for (const [cause, count] of Object.entries(phase.causes ?? {}))
        failures.set(`${phase.name}: ${cause}`, (failures.get(`${phase.name}: ${cause}`) ?? 0) + count);
  const spendByProvider = Object.fromEntries(
    Object.entries(inputs.spend)
      .filter(([, usd]) => n(usd) > 0)
      .map(([provider, usd]) => [provider, cents(n(usd))]),
  );
  return {
    day: inputs.day,
    scraped: n(done.scrape),
    qualified: n(done.qualify),
    // A failed site generated again is a site generated.
    generated: n(done.generate) + n(done["retry-site"]),
    published: n(done.publish),
    // A pitch counts once it is sent (the first one or a retry), not when it is drafted.
    pitched: n(done.send) + n(done["retry-pitch"]),
    opened: n(events.opened),
    clicked: n(events.clicked),
    replied: n(events.replied),
    claimed: inputs.claimed,
    paid: inputs.paid,
    spend: cents(Object.values(spendByProvider).reduce((a, b) => a + b, 0)),
    spendByProvider,
    failures: Object.fromEntries([...failures].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
  };
}

/** The failures as the report row's long text: one "phase: cause × n" a line, or "none". */
export function failuresText(report: DailyReport): string {
  const lines = Object.entries(report.failures).map(([cause, count]) => `${cause} × ${count}`);
  return lines.length ? lines.join("\n") : "none";
}

/** The email to owners. */
export function reportEmail(report: DailyReport): { subject: string; text: string } {
  const spend = Object.entries(report.spendByProvider)
    .map(([provider, usd]) => `${provider} $${usd.toFixed(2)}`)
    .join(", ");
  const text = [
    `Autopilot, ${report.day} (UTC)`,
    "",
    `Scraped ${report.scraped} · qualified ${report.qualified} · generated ${report.generated} · published ${report.published} · pitched ${report.pitched}`,
    `Opened ${report.opened} · clicked ${report.clicked} · replied ${report.replied} · claimed ${report.claimed} · paid ${report.paid}`,
    `Spend $${report.spend.toFixed(2)}${spend ? ` (${spend})` : ""}`,
    "",
    "Failures by cause:",
    failuresText(report),
  ].join("\n");
  return { subject: `Autopilot daily report, ${report.day}`, text };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day before `at`, YYYY-MM-DD. */
export const dayBefore = (at: Date) => new Date(at.getTime() - DAY_MS).toISOString().slice(0, 10);

/** The day's first millisecond and the next day's (UTC). */
export function dayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00.000Z`);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

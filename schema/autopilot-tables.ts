/**
 * The "Autopilot" tables: Cycles (one row per cycle the conductor ran: who started it, its
 * phases' counts, errors and duration, written as it starts and as each phase ends), Alerts (one
 * row per alert raised, cleared when its cause clears) and Reports (one row per daily report).
 * Columns carry stable keys, found by key so people may rename them.
 */
import type { ColumnType } from "./tables";

export const AUTOPILOT_KINDS = {
  cycles: "autopilot.cycles",
  alerts: "autopilot.alerts",
  reports: "autopilot.reports",
} as const;
export type AutopilotTable = keyof typeof AUTOPILOT_KINDS;

export type AutopilotColumn = { key: string; name: string; type: ColumnType; options?: Record<string, unknown> };

/** The column other tables' rows get when a cycle touches them: what was done, by which cycle. */
export const AUTOPILOT_NOTE_COLUMN = { key: "autopilot", name: "Autopilot", type: "text" as ColumnType };

const CYCLES: AutopilotColumn[] = [
  { key: "cycle", name: "Cycle", type: "text" },
  { key: "status", name: "Status", type: "status" },
  { key: "trigger", name: "Started by", type: "singleSelect" },
  { key: "phases", name: "Phases", type: "text" },
  { key: "startedAt", name: "Started", type: "datetime" },
  { key: "finishedAt", name: "Finished", type: "datetime" },
  { key: "durationSeconds", name: "Duration (s)", type: "number" },
  { key: "scraped", name: "Scraped", type: "number" },
  { key: "qualified", name: "Qualified", type: "number" },
  { key: "generated", name: "Generated", type: "number" },
  { key: "published", name: "Published", type: "number" },
  { key: "pitched", name: "Pitched", type: "number" },
  { key: "sent", name: "Sent", type: "number" },
  { key: "cleaned", name: "Cleaned up", type: "number" },
  { key: "failed", name: "Failed", type: "number" },
  { key: "skipped", name: "Skipped", type: "number" },
  { key: "errors", name: "Errors", type: "longText" },
];

const ALERTS: AutopilotColumn[] = [
  { key: "alert", name: "Alert", type: "text" },
  { key: "kind", name: "Kind", type: "singleSelect" },
  { key: "status", name: "Status", type: "status" },
  { key: "message", name: "Message", type: "longText" },
  { key: "cycle", name: "Cycle", type: "text" },
  { key: "raisedAt", name: "Raised", type: "datetime" },
  { key: "clearedAt", name: "Cleared", type: "datetime" },
];

const REPORTS: AutopilotColumn[] = [
  { key: "day", name: "Day", type: "text" },
  { key: "scraped", name: "Scraped", type: "number" },
  { key: "qualified", name: "Qualified", type: "number" },
  { key: "generated", name: "Generated", type: "number" },
  { key: "published", name: "Published", type: "number" },
  { key: "pitched", name: "Pitched", type: "number" },
  { key: "opened", name: "Opened", type: "number" },
  { key: "clicked", name: "Clicked", type: "number" },
  { key: "replied", name: "Replied", type: "number" },
  { key: "claimed", name: "Claimed", type: "number" },
  { key: "paid", name: "Paid", type: "number" },
  { key: "spend", name: "Spend", type: "currency" },
  { key: "failures", name: "Failures by cause", type: "longText" },
  { key: "emailed", name: "Emailed to", type: "text" },
];

export const AUTOPILOT_ORDER: readonly AutopilotTable[] = ["cycles", "alerts", "reports"];

export const AUTOPILOT_TABLES: Record<AutopilotTable, { name: string; columns: AutopilotColumn[] }> = {
  cycles: { name: "Cycles", columns: CYCLES },
  alerts: { name: "Alerts", columns: ALERTS },
  reports: { name: "Daily reports", columns: REPORTS },
};

export const ALERT_STATUSES = ["raised", "cleared"] as const;

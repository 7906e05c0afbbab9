/**
 * Throughput per UTC day for the chart: how many items moved into each stage that day, over the
 * last `THROUGHPUT_DAYS` days (today included). Scraped counts the new businesses of the scrape
 * runs that ended that day; the others are the stage's own time cell.
 */
import type { PipelineAnswer } from "../../../schema/autopilot";
import type { PipelineRows } from "./rows";
import { msOf } from "./time";

/** Two weeks: enough to see a weekly rhythm and a trend, few enough bars to read on a phone. */
export const THROUGHPUT_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

type Day = PipelineAnswer["throughput"][number];
type Series = Exclude<keyof Day, "day">;

export function throughput(rows: PipelineRows, now: Date): Day[] {
  const today = Math.floor(now.getTime() / DAY_MS);
  const first = today - THROUGHPUT_DAYS + 1;
  const days: Day[] = Array.from({ length: THROUGHPUT_DAYS }, (_, i) => ({
    day: new Date((first + i) * DAY_MS).toISOString().slice(0, 10),
    scraped: 0,
    generated: 0,
    published: 0,
    pitched: 0,
    paid: 0,
  }));
  const add = (series: Series, at: string | null, n = 1) => {
    const ms = msOf(at);
    if (ms === null) return;
    const index = Math.floor(ms / DAY_MS) - first;
    if (index >= 0 && index < THROUGHPUT_DAYS) days[index]![series] += n;
  };
  for (const run of rows.runs) add("scraped", run.at, run.added);
  for (const site of rows.sites) {
    add("generated", site.generated);
    add("published", site.published);
  }
  for (const message of rows.messages) if (message.direction !== "in") add("pitched", message.sentAt);
  for (const customer of rows.customers) add("paid", customer.firstPaid);
  return days;
}

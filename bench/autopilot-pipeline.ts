/**
 * The pipeline dashboard's figures (`pipelineAnswer`, what `GET /api/pipeline` computes once the
 * rows are read) over 100,000 rows spread over the tables as a busy agency's would be: median ms
 * of several runs, and where the time goes as the rows grow.
 */
import { type PipelineRows, pipelineAnswer } from "../automation/autopilot/pipeline";
import { fmt, summary } from "./stats";

const ROWS = 100_000;
/** Timed runs after one warm-up run; the median is reported. */
const RUNS = 7;
const NOW = new Date("2026-12-07T12:00:00Z");
const DAY_MS = 86_400_000;

/** Shares of the rows per table: most are businesses; a site and a few messages per pitched business. */
const SHARES = {
  territories: 0.005,
  businesses: 0.6,
  runs: 0.015,
  sites: 0.15,
  messages: 0.22,
  claims: 0.007,
  customers: 0.003,
};

const LEADS = ["new", "new", "qualified", "site generated", "pitched", "claimed", "customer", "disqualified"];
const SITES = ["queued", "generating", "review", "published", "published", "failed", "claimed"];
const MESSAGES = ["queued", "sent", "delivered", "opened", "clicked", "replied", "bounced", "failed"];

/** A time `i`'s row was stamped at: spread over the last 30 days, some never. */
const at = (i: number, every = 7) =>
  i % every === 0 ? null : new Date(NOW.getTime() - ((i * 7919) % (30 * DAY_MS))).toISOString();

/** Pitches go to published (or since claimed) sites only: those at 3, 4 and 6 of each seven. */
const pitchedSite = (i: number, sites: number) => `s${(7 * Math.floor(i / 3) + [3, 4, 6][i % 3]!) % sites}`;

export function pipelineRows(total = ROWS): PipelineRows {
  const n = (share: number) => Math.round(total * share);
  const sites = n(SHARES.sites);
  return {
    tables: {
      territories: "t_terr",
      businesses: "t_biz",
      sites: "t_sites",
      messages: "t_msgs",
      claims: "t_claims",
      customers: "t_cust",
    },
    territories: Array.from({ length: n(SHARES.territories) }, (_, i) => ({
      status: i % 3 === 0 ? "pending" : "cooldown",
      lastScraped: i % 3 === 0 ? null : at(i + 1),
      cooldownUntil: i % 3 === 0 ? null : at(i + 3),
    })),
    businesses: Array.from({ length: n(SHARES.businesses) }, (_, i) => {
      const leadStatus = LEADS[i % LEADS.length]!;
      // A new business whose score already qualifies it (every third) waits to be made a lead.
      return { leadStatus, qualified: leadStatus === "new" ? i % 3 === 0 : leadStatus !== "disqualified" };
    }),
    runs: Array.from({ length: n(SHARES.runs) }, (_, i) => ({ at: at(i), added: (i * 13) % 60 })),
    sites: Array.from({ length: sites }, (_, i) => ({
      id: `s${i}`,
      status: SITES[i % SITES.length]!,
      generated: at(i, 11),
      published: i % SITES.length >= 3 ? at(i + 5, 13) : null,
    })),
    messages: Array.from({ length: n(SHARES.messages) }, (_, i) => ({
      direction: i % 10 === 9 ? "in" : "out",
      status: MESSAGES[i % MESSAGES.length]!,
      siteId: pitchedSite(i, sites),
      sentAt: at(i, 9),
      firstOpenedAt: ["opened", "clicked", "replied"].includes(MESSAGES[i % MESSAGES.length]!) ? at(i + 1) : null,
    })),
    claims: Array.from({ length: n(SHARES.claims) }, (_, i) => ({ siteId: `s${(i * 7) % sites}`, received: at(i) })),
    customers: Array.from({ length: n(SHARES.customers) }, (_, i) => ({
      siteId: `s${(i * 7) % sites}`,
      firstPaid: at(i),
    })),
  };
}

function medianMs(rows: PipelineRows): number {
  pipelineAnswer(rows, NOW);
  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    pipelineAnswer(rows, NOW);
    timings.push(performance.now() - started);
  }
  return summary(timings).p50;
}

export function benchPipeline(): void {
  console.log(`The pipeline dashboard's figures (pipelineAnswer, median of ${RUNS} runs):`);
  for (const total of [10_000, ROWS]) {
    const rows = pipelineRows(total);
    const answer = pipelineAnswer(rows, NOW);
    const funnel = answer.stages.map((s) => `${s.stage} ${s.count}`).join(", ");
    console.log(`  ${total.toLocaleString("en-US").padStart(7)} rows: ${fmt(medianMs(rows), 1)} ms  (${funnel})`);
  }
}

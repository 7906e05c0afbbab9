/**
 * `npm run bench:journeys`: the journeys' figures.
 * 1. Cap decisions: LEADS leads, each with a few touches in the last ten days, decided against
 *    "3 in 7 days, 1 a day, SMS 1 a week (drop)" through `capDecision`: decisions per second.
 * 2. Analytics: a journey with STEP_ROWS step rows (a split, a wait, a condition, a goal) through
 *    `journeyAnalytics`: ms, median of several runs.
 * 3. Step events written: a Worker under wrangler's local runtime (`bench/journeys-d1-worker.ts`,
 *    a fresh D1 on disk) writes STEP_WRITES `journey_step` rows, one `INSERT … ON CONFLICT DO
 *    NOTHING` per step as the journey runner writes them, CONCURRENCY at a time; then the same
 *    steps again, as retried steps (each must be a no-op). Measured inside the Worker: going
 *    through wrangler's platform proxy from Node adds a round trip per statement (~36/s here).
 * 4. Cap reservations through D1 (`reserveTouch`, read + conditional insert): RESERVATIONS sends to
 *    LEADS_IN_D1 leads, CONCURRENCY at a time, from the same Worker.
 * 5. Enrollments from row changes: 1,000 rows entering a journey at once through the served app
 *    (bench/journeys-enroll.ts). Figures only, no timed assertions.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unstable_dev } from "wrangler";
import { journeyAnalytics, type StepRecord } from "../automation/journeys/analytics";
import { capDecision, type Touch } from "../automation/journeys/caps";
import { type CapRule, type JourneyChannel, JourneyDefinition } from "../schema/journeys";
import { enrollmentFigures } from "./journeys-enroll";
import { fmt, summary } from "./stats";

const LEADS = 100_000;
const STEP_ROWS = 100_000;
const STEP_WRITES = Number(process.env.JOURNEY_STEP_WRITES ?? 5_000);
const RESERVATIONS = 2_000;
const LEADS_IN_D1 = 500;
/** In-flight D1 calls: about what a busy Worker has at once. */
const CONCURRENCY = 20;
/** Timed runs after one warm-up; the median is reported. */
const RUNS = 5;
/** The project's (wrangler.jsonc): what the bundled workerd supports. */
const COMPATIBILITY_DATE = "2026-08-01";
const DAY = 86_400_000;
const CHANNELS: JourneyChannel[] = ["email", "sms", "chat"];
const RULES: CapRule[] = [
  { channel: "any", max: 3, perDays: 7, over: "defer" },
  { channel: "any", max: 1, perDays: 1, over: "defer" },
  { channel: "sms", max: 1, perDays: 7, over: "drop" },
];

/** A small deterministic generator, so runs compare. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function median(values: number[]): number {
  return summary(values).p50;
}

function capDecisions(now: number) {
  const next = random(1);
  const histories: Touch[][] = Array.from({ length: LEADS }, () =>
    Array.from({ length: 2 + Math.floor(next() * 4) }, () => ({
      channel: CHANNELS[Math.floor(next() * 3)]!,
      at: now - Math.floor(next() * 10 * DAY),
    })),
  );
  const channels = histories.map((_, i) => CHANNELS[i % 3]!);
  let tally = { sent: 0, deferred: 0, dropped: 0 };
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    tally = { sent: 0, deferred: 0, dropped: 0 };
    const started = performance.now();
    for (let i = 0; i < LEADS; i++) {
      const d = capDecision(RULES, histories[i]!, channels[i]!, now);
      tally[d.ok ? "sent" : d.over === "drop" ? "dropped" : "deferred"]++;
    }
    times.push(performance.now() - started);
  }
  const ms = median(times.slice(1));
  console.log(`1. Cap decisions: ${LEADS.toLocaleString()} leads with 2–5 touches each, 3 rules`);
  console.log(`   ${fmt(ms, 0)} ms, ${Math.round((LEADS / ms) * 1000).toLocaleString()} decisions/s`);
  console.log(`   sent ${tally.sent}, deferred ${tally.deferred}, dropped ${tally.dropped}`);
}

const DEF = JourneyDefinition.parse({
  name: "Bench",
  table: "leads",
  entry: { kind: "manual" },
  start: "hello",
  nodes: [
    { id: "hello", kind: "send", channel: "email", template: { body: "Hi" }, next: "ab" },
    {
      id: "ab",
      kind: "split",
      branches: [
        { label: "A", weight: 1, next: "mailA" },
        { label: "B", weight: 1, next: "mailB" },
      ],
    },
    { id: "mailA", kind: "send", channel: "email", template: { body: "A" }, next: "wait" },
    { id: "mailB", kind: "send", channel: "sms", template: { body: "B" }, next: "wait" },
    { id: "wait", kind: "wait", seconds: 86_400, next: "check" },
    { id: "check", kind: "condition", formula: "TRUE", yes: "won", no: "bye" },
    { id: "won", kind: "goal" },
    { id: "bye", kind: "exit" },
  ],
});

const OUTCOMES: Record<string, string> = {
  hello: "sent",
  mailA: "sent",
  mailB: "sent",
  wait: "waited",
  won: "converted",
  bye: "exited",
};

/** Enrollments of 6 steps each: hello, split, a message, wait, condition, then the goal or the exit. */
function stepRows(now: number): StepRecord[] {
  const next = random(2);
  const steps: StepRecord[] = [];
  for (let e = 0; steps.length < STEP_ROWS; e++) {
    const branch = e % 2 ? "mailA" : "mailB";
    const won = next() < (branch === "mailA" ? 0.12 : 0.05);
    const path = ["hello", "ab", branch, "wait", "check", won ? "won" : "bye"];
    let at = now - 30 * DAY + Math.floor(next() * DAY);
    for (let seq = 0; seq < path.length && steps.length < STEP_ROWS; seq++) {
      const nodeId = path[seq]!;
      const spent = nodeId === "wait" ? DAY : Math.floor(next() * 5000);
      const kind = DEF.nodes.find((n) => n.id === nodeId)!.kind;
      steps.push({
        enrollmentId: `e${e}`,
        seq,
        nodeId,
        nodeKind: kind,
        nextNode: path[seq + 1] ?? null,
        outcome: OUTCOMES[nodeId] ?? (nodeId === "ab" ? branch.slice(-1) : won ? "yes" : "no"),
        enteredAt: at,
        leftAt: at + spent,
      });
      at += spent;
    }
  }
  return steps;
}

function analytics(now: number) {
  const steps = stepRows(now);
  const times: number[] = [];
  let result = journeyAnalytics(DEF, steps, [], null);
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = journeyAnalytics(DEF, steps, [], null);
    times.push(performance.now() - started);
  }
  console.log(
    `\n2. Analytics: ${steps.length.toLocaleString()} step rows, ${result.enrolled.toLocaleString()} enrollments`,
  );
  console.log(`   ${fmt(median(times), 1)} ms (median of ${RUNS}); split: ${result.splits[0]!.note}`);
}

/** The journeys migration only: the step and touch ledgers reference no other table. */
function journeyTables(): string[] {
  return readFileSync("schema/migrations/0009_journeys.sql", "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A wrangler config holding only D1, for the bench Worker. */
function benchConfig(dir: string): string {
  const path = join(dir, "wrangler.json");
  const d1 = { binding: "DB", database_name: "bench", database_id: "00000000-0000-0000-0000-000000000000" };
  const config = { name: "bench-journeys", compatibility_date: COMPATIBILITY_DATE, d1_databases: [d1] };
  writeFileSync(path, JSON.stringify(config));
  return path;
}

async function d1Figures(now: number) {
  const dir = mkdtempSync(join(tmpdir(), "bench-journeys-"));
  process.env.WRANGLER_LOG ??= "error";
  const worker = await unstable_dev("bench/journeys-d1-worker.ts", {
    config: benchConfig(dir),
    persistTo: join(dir, "state"),
    ip: "127.0.0.1",
    experimental: { disableExperimentalWarning: true },
  });
  const job = async <T>(body: object): Promise<T> => {
    const res = await worker.fetch("http://bench/", { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`the bench Worker answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  try {
    await job({ kind: "migrate", statements: journeyTables() });
    const steps = { kind: "steps", count: STEP_WRITES, concurrency: CONCURRENCY, now };
    const first = await job<{ ms: number; rows: number }>(steps);
    console.log(
      `\n3. Step events written to local D1 from a Worker: ${STEP_WRITES.toLocaleString()}, ${CONCURRENCY} at a time`,
    );
    console.log(`   ${perSecond(STEP_WRITES, first.ms)} steps/s (rows ${first.rows})`);
    const again = await job<{ ms: number; rows: number }>(steps);
    console.log(`   retried (each a no-op): ${perSecond(STEP_WRITES, again.ms)} steps/s (rows still ${again.rows})`);

    const reserve = {
      kind: "reserve",
      count: RESERVATIONS,
      leads: LEADS_IN_D1,
      concurrency: CONCURRENCY,
      now,
      rules: RULES,
    };
    const r = await job<{ ms: number; sent: number; deferred: number; dropped: number }>(reserve);
    console.log(
      `\n4. Cap reservations through local D1 (reserveTouch): ${RESERVATIONS.toLocaleString()} sends to ${LEADS_IN_D1} leads`,
    );
    console.log(
      `   ${perSecond(RESERVATIONS, r.ms)} reservations/s; sent ${r.sent}, deferred ${r.deferred}, dropped ${r.dropped}`,
    );
  } finally {
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString();

async function main() {
  const now = Date.UTC(2026, 11, 7, 12);
  capDecisions(now);
  analytics(now);
  await d1Figures(now);
  await enrollmentFigures();
}

await main();

/**
 * The Worker `bench/journeys.ts` starts under wrangler's local runtime, so D1 is measured as a
 * Worker sees it (not through a proxy from Node): it writes step rows and reserves cap places
 * itself and answers with the time taken.
 */

import type { CapRule, JourneyChannel } from "../schema/journeys";
import { reserveTouch } from "../worker/journeys/caps-store";

const CHANNELS: JourneyChannel[] = ["email", "sms", "chat"];
const DAY = 86_400_000;

async function inBatches(count: number, size: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < count; i += size)
    await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, k) => work(i + k)));
}

/** One step row, as the journey runner writes each visit: once, whatever the retries. */
function insertStep(db: D1Database, i: number, now: number): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO journey_step (enrollment_id, seq, workspace_id, journey_id, version, node_id, node_kind, next_node, outcome, entered_at, left_at)
       VALUES (?1, ?2, 'ws', 'bench', 1, ?3, 'send', ?4, 'sent', ?5, ?6) ON CONFLICT DO NOTHING`,
    )
    .bind(`e${Math.floor(i / 5)}`, i % 5, `n${i % 5}`, `n${(i % 5) + 1}`, now, now + 1000);
}

type Job =
  | { kind: "migrate"; statements: string[] }
  | { kind: "steps"; count: number; concurrency: number; now: number }
  | { kind: "reserve"; count: number; leads: number; concurrency: number; now: number; rules: CapRule[] };

export default {
  async fetch(request: Request, env: { DB: D1Database }): Promise<Response> {
    const job = (await request.json()) as Job;
    const db = env.DB;
    const started = Date.now();
    if (job.kind === "migrate") {
      await db.batch(job.statements.map((s) => db.prepare(s)));
      return Response.json({ ok: true });
    }
    if (job.kind === "steps") {
      await inBatches(job.count, job.concurrency, (i) => insertStep(db, i, job.now).run());
      const ms = Date.now() - started;
      const rows = await db.prepare("SELECT count(*) AS n FROM journey_step").first<{ n: number }>();
      return Response.json({ ms, rows: rows?.n ?? 0 });
    }
    const tally = { sent: 0, deferred: 0, dropped: 0 };
    await inBatches(job.count, job.concurrency, async (i) => {
      const d = await reserveTouch(db, {
        id: `touch-${i}`,
        workspaceId: "ws",
        tableId: "leads",
        rowId: `lead-${i % job.leads}`,
        channel: CHANNELS[i % 3]!,
        journeyId: `j${i % 2}`,
        enrollmentId: `r${i}`,
        rules: job.rules,
        now: job.now + Math.floor(i / job.leads) * DAY,
        scale: 86_400,
      });
      tally[d.ok ? "sent" : d.over === "drop" ? "dropped" : "deferred"]++;
    });
    return Response.json({ ms: Date.now() - started, ...tally });
  },
};

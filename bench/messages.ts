/**
 * `npm run bench:messages`: messaging through the Worker as `npm start` serves it, with
 * `RESEND_URL` pointing at a local Resend stand-in that answers after 50 ms.
 * 1. Sends per second: SENDS messages sent at once (one POST /send each) until every row says
 *    sent, through the `outreach-jobs` queue and the stand-in; set beside the workspace's daily
 *    cap (the goal: the cap, not the code, is the limit).
 * 2. Tracking ingest: HITS open-pixel hits, CONCURRENCY at a time, into one Messages table:
 *    hits per second, and the Opens the rows then hold (every hit must be counted once).
 * 3. Hit to grid: with a y-websocket client holding the Messages rows (as an open grid does),
 *    the time from a pixel request to the row's Opens changing in that client: p50 and p95.
 * Figures only, no timed assertions.
 */
import { rmSync } from "node:fs";
import { startFakeResend } from "../automation/messaging/providers/test/fake-resend";
import { MACHINE_OPEN_SECONDS } from "../automation/messaging/tracking/machine-opens";
import { Api } from "../e2e/api";
import type { MessageRecord } from "../schema/messaging-api";
import type { TableSummary } from "../schema/tables";
import { type Served, serve } from "../scripts/serve";
import { readRow } from "../sync/layout";
import { provider, whenSynced } from "./clients";
import { type BuildCopy, buildCopy } from "./grid/build";
import { fmt, summary } from "./stats";

const SENDS = 200;
const PROVIDER_LATENCY_MS = 50;
const HITS = 1_000;
const CONCURRENCY = 20;
const LATENCY_SAMPLES = 50;
const DAILY_CAP = 10_000;
const KEY = "re_bench_key";
/** A person's mail app: a headless or unknown user agent would be judged a machine's open. */
const DESKTOP =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function main() {
  const resend = await startFakeResend(KEY, { latencyMs: PROVIDER_LATENCY_MS });
  let build: BuildCopy | undefined;
  let served: Served | undefined;
  try {
    build = await buildCopy();
    served = await serve({ config: build.config, env: { RESEND_URL: resend.url } });
    const base = served.url;
    const { api, slug, token } = await Api.account(base);
    const ws = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
      secrets: { emailApiKey: KEY },
      providers: { email: "resend" },
      sender: { fromName: "Bench", fromEmail: "bench@rowpilot.example", postalAddress: "1 Main St, Austin, TX" },
      pace: {
        senderDailyCap: DAILY_CAP,
        workspaceDailyCap: DAILY_CAP,
        minSpacingSeconds: 0,
        warmUp: null,
        window: { start: "00:00", end: "24:00", days: [0, 1, 2, 3, 4, 5, 6] },
      },
    });
    const leads = await api.request<{ id: string }>("POST", `/api/tables?${ws}`, {
      name: "Bench leads",
      columns: [{ name: "Name" }, { name: "Email", type: "email" }],
    });
    const rows = Array.from({ length: SENDS }, (_, i) => ({
      cells: { Name: `Lead ${i}`, Email: `lead${i}@example.com` },
    }));
    const { ids: leadIds } = await api.request<{ ids: string[] }>("POST", `/api/tables/${leads.id}/rows`, { rows });
    const messageIds: string[] = [];
    await inBatches(leadIds, 10, async (leadId) => {
      const { id } = await api.request<{ id: string }>("POST", `/api/messages?${ws}`, {
        recipientTable: leads.id,
        recipientRowId: leadId,
        channel: "email",
        subject: "A website for you",
        body: "Hi,\n\nWe made you a site: https://example.com/site\n\nBench",
      });
      messageIds.push(id);
    });

    console.log(`1. Sending ${SENDS} messages through the queue to a Resend stand-in at ${PROVIDER_LATENCY_MS} ms`);
    const started = performance.now();
    await inBatches(messageIds, 20, (id) => api.request("POST", `/api/messages/${id}/send?${ws}`));
    let sent = 0;
    while (sent < SENDS) {
      await new Promise((r) => setTimeout(r, 200));
      sent = (await api.request<{ messages: MessageRecord[] }>("GET", `/api/messages?status=sent&${ws}`)).messages
        .length;
      if (performance.now() - started > 600_000) throw new Error(`only ${sent} of ${SENDS} sent after 10 minutes`);
    }
    const seconds = (performance.now() - started) / 1000;
    const perSecond = SENDS / seconds;
    console.log(
      `   ${fmt(perSecond, 1)} sends/s (${SENDS} in ${fmt(seconds, 1)} s; the stand-in got ${resend.requests.length})`,
    );
    console.log(
      `   a daily cap of ${DAILY_CAP.toLocaleString("en-US")} goes out in ${fmt(DAILY_CAP / perSecond / 60, 1)} minutes at this rate: ` +
        `the cap, not the code, limits a day's sending`,
    );

    const pixels = resend.requests.map((r) => JSON.parse(r.body).html.match(/src="([^"]*\/t\/o\/[^"]+\.gif)"/)[1]);
    // Opens within seconds of the send are a scanner's; wait as a person would.
    await new Promise((r) => setTimeout(r, (MACHINE_OPEN_SECONDS + 1) * 1000));
    const hit = (url: string) => fetch(url, { headers: { "user-agent": DESKTOP } }).then((res) => res.arrayBuffer());
    console.log(`\n2. Tracking ingest: ${HITS} open-pixel hits, ${CONCURRENCY} at a time, into one Messages table`);
    const targets = Array.from({ length: HITS }, (_, i) => pixels[i % pixels.length]!);
    const ingestStart = performance.now();
    await inBatches(targets, CONCURRENCY, hit);
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    const all = (await api.request<{ messages: MessageRecord[] }>("GET", `/api/messages?${ws}`)).messages;
    const opens = all.reduce((n, m) => n + m.opens, 0);
    console.log(
      `   ${fmt(HITS / ingestSeconds, 0)} hits/s (${fmt(ingestSeconds, 2)} s); the rows hold ${opens} opens of ${HITS} hits`,
    );

    console.log(
      `\n3. From a pixel hit to the row's Opens changing in an open grid (${LATENCY_SAMPLES} hits, one at a time)`,
    );
    const tables = await api.request<TableSummary[]>("GET", `/api/tables?${ws}`);
    const messagesTable = tables.find((t) => t.name === "Messages")!;
    const sync = `${base.replace("http", "ws")}/sync`;
    const grid = provider(sync, `${messagesTable.id}:b0`, { token });
    await whenSynced(grid.p);
    const opensColumn = (
      await api.request<{ columns: { id: string; name: string }[] }>("GET", `/api/tables/${messagesTable.id}`)
    ).columns.find((c) => c.name === "Opens")!.id;
    const opensOf = (id: string) => Number(readRow(grid.doc, id)?.[opensColumn] ?? 0);
    const times: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const id = messageIds[i % messageIds.length]!;
      const index = resend.requests.findIndex((r) => r.body.includes(id));
      const before = opensOf(id);
      const changed = new Promise<void>((resolve) => {
        const check = () => {
          if (opensOf(id) > before) {
            grid.doc.off("update", check);
            resolve();
          }
        };
        grid.doc.on("update", check);
      });
      const t0 = performance.now();
      await hit(pixels[index]!);
      await changed;
      times.push(performance.now() - t0);
    }
    grid.p.destroy();
    const s = summary(times);
    console.log(`   p50 ${fmt(s.p50, 1)} ms, p95 ${fmt(s.p95, 1)} ms, p99 ${fmt(s.p99, 1)} ms`);
  } finally {
    if (served) {
      await served.stop();
      rmSync(served.state, { recursive: true, force: true });
    }
    build?.remove();
    await resend.close();
  }
}

await main();

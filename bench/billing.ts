/**
 * `npm run bench:billing`: Recurrente webhooks into one workspace through the Worker as
 * `npm start` serves it, with `RECURRENTE_URL` pointing at the fake Recurrente, so every
 * confirmation (the checkout and the subscription read back) is a real HTTP call.
 * 1. Ingest: CLAIMS claims paid at the fake, their Svix-signed deliveries (payment_intent.succeeded
 *    and subscription.create, 2 per claim) posted CONCURRENCY at a time: verified deliveries per
 *    second, and the rows they left (one Customer, Subscription and Payment per claim).
 * 2. Redeliveries: the same deliveries again (each answered as a duplicate): per second.
 * 3. Webhook to rows: LATENCY_SAMPLES payments posted one at a time; the Worker writes the rows
 *    before it answers, so the time to the 200 is the time to the rows updated: p50 and p95.
 * The claim ledger rows are written into the local D1 as the claim page writes them. Figures only,
 * no timed assertions.
 */
import { randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recurrenteClient } from "../automation/payments/recurrente/client";
import { type FakeDelivery, startFakeRecurrente } from "../automation/payments/recurrente/test/fake-recurrente";
import { Api } from "../e2e/api";
import type { TableSummary } from "../schema/tables";
import { run } from "../scripts/run";
import { type Served, serve } from "../scripts/serve";
import { type BuildCopy, buildCopy } from "./grid/build";
import { fmt, summary } from "./stats";

/** `BILLING_CLAIMS=50 npm run bench:billing` for a quick look. */
const CLAIMS = Number(process.env.BILLING_CLAIMS ?? 300);
const CONCURRENCY = 20;
const LATENCY_SAMPLES = 50;
/** The goal the issue sets for ingest with verification, locally. */
const GOAL_PER_SECOND = 200;
const SETUP_CENTS = 9900;
const MONTHLY_CENTS = 2900;
/** D1 refuses a statement over 100 KB (SQLITE_TOOBIG); a claim row is ~300 bytes. */
const ROWS_PER_STATEMENT = 100;

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const sql = (v: string | number | null) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`;

/** Milliseconds per stage summed over the answers' `Server-Timing` headers. */
class Stages {
  private readonly sums = new Map<string, number>();
  private n = 0;
  add(header: string | null) {
    this.n++;
    for (const part of (header ?? "").split(",")) {
      const [name, dur] = part.trim().split(";dur=");
      if (name && dur) this.sums.set(name, (this.sums.get(name) ?? 0) + Number(dur));
    }
  }
  toString() {
    return [...this.sums].map(([name, ms]) => `${name} ${fmt(ms / this.n, 1)}`).join(", ");
  }
}

async function post(delivery: FakeDelivery, stages?: Stages): Promise<string> {
  const res = await fetch(delivery.url, { method: "POST", headers: delivery.headers, body: delivery.body });
  const body = (await res.json()) as { result?: string };
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${JSON.stringify(body)}`);
  stages?.add(res.headers.get("server-timing"));
  return body.result ?? "";
}

async function main() {
  const fake = await startFakeRecurrente();
  let build: BuildCopy | undefined;
  let served: Served | undefined;
  try {
    build = await buildCopy();
    served = await serve({ config: build.config, env: { RECURRENTE_URL: fake.url } });
    const base = served.url;
    const { api, slug } = await Api.account(base);
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
      secrets: {
        paymentsPublicKey: fake.keys.publicKey,
        paymentsApiKey: fake.keys.secretKey,
        paymentsWebhookSecret: fake.webhookSecret,
      },
    });
    const { workspaces } = await api.request<{ workspaces: { id: string; slug: string }[] }>("GET", "/api/workspaces");
    const workspaceId = workspaces.find((w) => w.slug === slug)!.id;
    const hook = `${base}/hooks/payments/recurrente/${slug}`;

    // The billing tables and their default plan are made by the first webhook; an unknown event makes them.
    const [first] = await fake.deliver({ id: "ev_warm", event_type: "bench.warm_up" }, { to: hook, send: false });
    await post(first!);

    const made = await api.request<TableSummary[]>("GET", `/api/tables?workspace=${slug}`);
    const plans = made.find((t) => t.name === "Plans")!;
    const { rows: planRows } = await api.request<{ rows: { id: string }[] }>("GET", `/api/tables/${plans.id}/rows`);
    const planId = planRows[0]!.id;
    const recurrente = recurrenteClient({ ...fake.keys, baseUrl: fake.url });
    const total = CLAIMS + LATENCY_SAMPLES;
    console.log(`Making ${total} claims with their checkouts at the fake Recurrente`);
    const claims: { id: string; checkoutId: string }[] = [];
    await inBatches(
      Array.from({ length: total }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const id = randomUUID();
        const checkout = await recurrente.createCheckout({
          items: [
            { name: "Website setup", amountCents: SETUP_CENTS, currency: "USD", chargeType: "one_time" },
            {
              name: "Website",
              amountCents: MONTHLY_CENTS,
              currency: "USD",
              chargeType: "recurring",
              billingInterval: "month",
            },
          ],
          successUrl: `${base}/s/site-${i}/claim/done?claim=${id}`,
          cancelUrl: `${base}/s/site-${i}/claim`,
          metadata: { claim: id, email: `owner${i}@example.com`, name: `Owner ${i}` },
        });
        claims[i] = { id, checkoutId: checkout.id };
      },
    );
    const now = Date.now();
    const rows = claims.map(
      (c, i) =>
        `(${[c.id, workspaceId, `site-${i}:owner${i}@example.com`, `site-${i}`, `site-${i}`, null, `Business ${i}`, planId, SETUP_CENTS, MONTHLY_CENTS, "USD", `Owner ${i}`, `owner${i}@example.com`, "", c.checkoutId, null, "open", now, now].map(sql).join(", ")})`,
    );
    const file = join(served.state, "claims.sql");
    const insert =
      "INSERT INTO payment_claim (id, workspace_id, claim_key, site_id, site_slug, business_id, business_name, plan_id, setup_cents, monthly_cents, currency, name, email, phone, checkout_id, checkout_url, state, created_at, updated_at) VALUES";
    const statements: string[] = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
      statements.push(`${insert}\n${rows.slice(i, i + ROWS_PER_STATEMENT).join(",\n")};`);
    writeFileSync(file, `${statements.join("\n")}\n`);
    await run(
      "wrangler",
      ["d1", "execute", "DB", "--local", "--persist-to", served.state, "-c", "wrangler.jsonc", "--file", file],
      {
        quiet: true,
      },
    );

    const deliveries: FakeDelivery[] = [];
    for (const c of claims) deliveries.push(...(await fake.pay(c.checkoutId, undefined, { to: hook, send: false })));
    const ingest = deliveries.slice(0, CLAIMS * 2);
    const samples = deliveries.slice(CLAIMS * 2).filter((d) => JSON.parse(d.body).event_type.startsWith("payment_"));

    console.log(`\n1. Ingest: ${ingest.length} signed deliveries (${CLAIMS} claims paid), ${CONCURRENCY} at a time`);
    const apiCallsBefore = fake.requests.length;
    const started = performance.now();
    const results = new Map<string, number>();
    const ingestStages = new Stages();
    await inBatches(ingest, CONCURRENCY, async (d) => {
      const result = await post(d, ingestStages);
      results.set(result, (results.get(result) ?? 0) + 1);
    });
    const seconds = (performance.now() - started) / 1000;
    const perSecond = ingest.length / seconds;
    console.log(
      `   ${fmt(perSecond, 0)} deliveries/s (${fmt(seconds, 2)} s; goal ≥ ${GOAL_PER_SECOND}/s): ${[...results].map(([r, n]) => `${n} ${r}`).join(", ")}; ` +
        `${fake.requests.length - apiCallsBefore} confirmations read from the fake`,
    );
    console.log(`   ms per delivery by stage (I/O only): ${ingestStages}`);
    const tables = await api.request<TableSummary[]>("GET", `/api/tables?workspace=${slug}`);
    const count = (name: string) => tables.find((t) => t.name === name)?.rowCount ?? 0;
    console.log(
      `   rows: ${count("Customers")} customers, ${count("Subscriptions")} subscriptions, ${count("Payments")} payments, ${count("Webhook events")} webhook events`,
    );

    console.log(`\n2. Redeliveries: the same ${ingest.length} deliveries again, ${CONCURRENCY} at a time`);
    const againStart = performance.now();
    let duplicates = 0;
    const againStages = new Stages();
    await inBatches(ingest, CONCURRENCY, async (d) => {
      if ((await post(d, againStages)) === "duplicate") duplicates++;
    });
    const againSeconds = (performance.now() - againStart) / 1000;
    console.log(`   ${fmt(ingest.length / againSeconds, 0)} deliveries/s; ${duplicates} answered as duplicates`);
    console.log(`   ms per delivery by stage (I/O only): ${againStages}`);

    console.log(`\n3. From a payment's webhook to its rows written (${samples.length} payments, one at a time)`);
    const times: number[] = [];
    const sampleStages = new Stages();
    for (const d of samples) {
      const t0 = performance.now();
      await post(d, sampleStages);
      times.push(performance.now() - t0);
    }
    const s = summary(times);
    console.log(`   p50 ${fmt(s.p50, 1)} ms, p95 ${fmt(s.p95, 1)} ms, p99 ${fmt(s.p99, 1)} ms`);
    console.log(`   ms per delivery by stage (I/O only): ${sampleStages}`);
  } finally {
    if (served) {
      await served.stop();
      rmSync(served.state, { recursive: true, force: true });
    }
    build?.remove();
    await fake.close();
  }
}

await main();

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AutopilotSettings } from "../../../schema/autopilot";
import { senderPace } from "../../../schema/db";
import { getDb } from "../../db";
import { byKey, reader } from "../../kinds/tables";
import { listOutbox } from "../../messaging/outbox";
import { ensureMessaging } from "../../messaging/tables";
import { recurrenteFake } from "../../test/fake-recurrente";
import { call, ownerWithWorkspace } from "../../test/http";
import { callsTo, targetUrl } from "../../test/tables";
import { openAlerts } from "../alerts";
import { healthPhase } from "../phases/health";
import { recordSpend } from "../spend";
import { findAutopilotTables } from "../tables";
import { runHealthChecks } from ".";

const fake = recurrenteFake();
const db = getDb(env.DB);
// Recurrente at its fake; Browser Rendering is the local one wrangler runs.
const testEnv = { ...env, RECURRENTE_URL: fake.url };

async function workspaceWithPayments() {
  const { owner, ws, base } = await ownerWithWorkspace();
  const secrets = { paymentsPublicKey: fake.keys.publicKey, paymentsApiKey: fake.keys.secretKey };
  const res = await call(owner, "PATCH", `${base}/settings`, { secrets });
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${await res.text()}`);
  return ws;
}

async function alertRows(workspaceId: string) {
  const tables = await findAutopilotTables(env, db, workspaceId);
  if (!tables) return [];
  const { rows } = await tables.alerts.room.queryRows({ filters: [], sort: [], limit: 50, offset: 0 });
  return rows.map((r) => {
    const cell = reader(tables.alerts, r.cells);
    return { alert: cell.text("alert"), status: cell.text("status"), message: cell.text("message") };
  });
}

const alertEmails = async (workspaceId: string) =>
  (await listOutbox(env.FILES, workspaceId)).filter((e) => e.subject?.startsWith("Autopilot alert"));

describe("Autopilot health — providers down", () => {
  it("raises one provider-down alert after two refused checks, keeps it at the third, clears it on recovery", async () => {
    const ws = await workspaceWithPayments();
    const hook = `health-${ws.id}`;
    const settings = AutopilotSettings.parse({ alertWebhook: targetUrl(hook) });
    const check = () => runHealthChecks(testEnv, db, ws.id, settings, new Date());
    const payments = (run: Awaited<ReturnType<typeof check>>) => run.checks.find((c) => c.name === "payments");

    await fake.failNext({ status: 401 });
    const first = await check();
    expect(payments(first)).toMatchObject({ light: "down", detail: "401: the key was refused" });
    expect(await openAlerts(db, ws.id)).toEqual([]);

    await fake.failNext({ status: 401 });
    await check();
    const open = await openAlerts(db, ws.id);
    expect(open.map((a) => a.key)).toEqual(["provider-down:payments"]);
    expect(open[0]?.message).toMatch(/Payments \(Recurrente\) failed its health check 2 times in a row: 401/);
    expect(await alertRows(ws.id)).toEqual([
      expect.objectContaining({ alert: "provider-down:payments", status: "raised" }),
    ]);
    expect(await alertEmails(ws.id)).toHaveLength(1);
    const calls = await callsTo(hook);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toMatchObject({ key: "provider-down:payments", kind: "provider-down" });

    await fake.failNext({ status: 401 });
    await check();
    expect(await openAlerts(db, ws.id)).toHaveLength(1);
    expect(await alertRows(ws.id)).toHaveLength(1);
    expect(await alertEmails(ws.id)).toHaveLength(1);
    expect(await callsTo(hook)).toHaveLength(1);

    const recovered = await check();
    expect(payments(recovered)).toMatchObject({ light: "ok" });
    expect(await openAlerts(db, ws.id)).toEqual([]);
    expect(await alertRows(ws.id)).toEqual([
      expect.objectContaining({ alert: "provider-down:payments", status: "cleared" }),
    ]);
  });

  it("shows providers without keys as off, saying which stand-in is used", async () => {
    const { ws } = await ownerWithWorkspace();
    const { checks } = await runHealthChecks(testEnv, db, ws.id, AutopilotSettings.parse({}), new Date());
    const light = Object.fromEntries(checks.map((c) => [c.name, [c.light, c.detail]]));
    expect(light.outscraper).toEqual(["off", "no key: scraping uses the sample directory"]);
    expect(light.anthropic?.[0]).toBe("off");
    expect(light.email).toEqual(["off", "outbox: emails are kept in the outbox"]);
    expect(light.payments?.[0]).toBe("off");
    expect(light.queues).toEqual(["ok", "nothing waiting"]);
    expect(light.browser?.[0]).toBe("ok");
    expect(await openAlerts(db, ws.id)).toEqual([]);
  });
});

describe("Autopilot health — budgets", () => {
  it("raises budget-reached when today's spend reaches the budget, and clears it once the budget is raised", async () => {
    const { ws } = await ownerWithWorkspace();
    const tight = AutopilotSettings.parse({ budgets: { anthropic: 2 } });
    await recordSpend({ db, workspaceId: ws.id }, "anthropic", 2.5, 10);

    const { spend } = await runHealthChecks(testEnv, db, ws.id, tight, new Date());
    expect(spend.find((l) => l.provider === "anthropic")).toMatchObject({ spent: 2.5, budget: 2, reached: true });
    const open = await openAlerts(db, ws.id);
    expect(open.map((a) => a.key)).toEqual(["budget-reached:anthropic"]);
    expect(open[0]?.message).toContain("$2.50 of $2.00");
    await runHealthChecks(testEnv, db, ws.id, tight, new Date());
    expect(await alertEmails(ws.id)).toHaveLength(1);

    const raised = AutopilotSettings.parse({ budgets: { anthropic: 10 } });
    await runHealthChecks(testEnv, db, ws.id, raised, new Date());
    expect(await openAlerts(db, ws.id)).toEqual([]);
  });
});

describe("Autopilot health — senders and backlog", () => {
  it("warns on email and raises bounce-rate when a sender's bounces pass 4%", async () => {
    const { ws } = await ownerWithWorkspace();
    const now = new Date();
    await db.insert(senderPace).values({
      workspaceId: ws.id,
      sender: "email:hello@acme.test",
      startedAt: now,
      day: now.toISOString().slice(0, 10),
      sentToday: 10,
      sentTotal: 200,
      bounces: 12,
      complaints: 0,
    });
    const { checks } = await runHealthChecks(testEnv, db, ws.id, AutopilotSettings.parse({}), now);
    expect(checks.find((c) => c.name === "email")).toMatchObject({
      light: "warning",
      detail: expect.stringContaining("bounce rate 6% (12 of 200 sends) passed 4%"),
    });
    expect((await openAlerts(db, ws.id)).map((a) => a.key)).toEqual(["bounce-rate"]);
  });

  it("measures queued messages and warns when the oldest has waited over 30 minutes", async () => {
    const { ws } = await ownerWithWorkspace();
    const { messages } = await ensureMessaging(env, db, ws.id, null);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const origin = { kind: "automation" as const, job: "test" };
    for (const [status, since] of [
      ["queued", minutesAgo(45)],
      ["queued", minutesAgo(5)],
      ["sent", minutesAgo(90)],
    ] as const)
      await messages.room.insertRow(byKey(messages, { status, scheduledFor: since }), origin);
    const { checks } = await runHealthChecks(testEnv, db, ws.id, AutopilotSettings.parse({}), new Date());
    expect(checks.find((c) => c.name === "queues")).toMatchObject({
      light: "warning",
      detail: "2 messages queued (oldest 45 min)",
    });
  });
});

describe("Autopilot health — the cycle's phase", () => {
  it("counts checks that are ok as done and providers down as failed, saying which", async () => {
    const ws = await workspaceWithPayments();
    await fake.failNext({ status: 401 });
    const result = await healthPhase({
      env: testEnv,
      db,
      workspaceId: ws.id,
      cycleId: "cyc_testhealth01",
      settings: AutopilotSettings.parse({}),
      startedAt: new Date(),
      actorId: null,
    });
    expect(result).toMatchObject({ name: "health", failed: 1, causes: { "payments down": 1 } });
    // Email and SMS on the outbox, no Outscraper or Anthropic key: off; the browser and the backlog are ok.
    expect(result.done).toBe(2);
    expect(result.error).toBe("payments: 401: the key was refused");
  });
});

/**
 * The health check of a workspace: every provider of HEALTH_CHECKS checked at once, each bounded
 * by its timeout; the result kept per provider in `autopilot_health` with its failures in a row.
 * A provider down twice in a row raises "provider-down:<name>", cleared when it is not down; a
 * sender past the bounce or complaint limit raises "bounce-rate"/"complaint-rate"; a provider's
 * daily budget reached raises "budget-reached:<provider>", cleared the next day or once the budget
 * is raised. The conductor runs this inline every five minutes, and in a cycle as its health phase.
 */
import { and, eq } from "drizzle-orm";
import {
  type AutopilotSettings,
  HEALTH_CHECKS,
  type HealthCheck,
  type HealthCheckName,
  type SpendLine,
} from "../../../schema/autopilot";
import { autopilotHealth } from "../../../schema/db";
import type { Db } from "../../db";
import { type AlertContext, clearAlert, raiseAlert } from "../alerts";
import { spendToday } from "../spend";
import { type CheckOutcome, reason } from "./bounded";
import { checkBrowser } from "./browser";
import { checkMessaging, type SenderProblem } from "./messaging";
import { checkAnthropic, checkOutscraper, checkPayments } from "./providers";
import { checkQueues } from "./queues";

/** Checks failed in a row before "provider-down" is raised: one failure may be a blip (the brief's "twice"). */
export const DOWN_ALERT_AFTER = 2;

export type HealthRun = { checks: HealthCheck[]; spend: SpendLine[]; cycleId?: string | null };

/** A check that threw (D1 read failed mid-check…) is that provider's "down", not the whole run's failure. */
const settle = (work: Promise<CheckOutcome>) =>
  work.catch((error): CheckOutcome => ({ light: "down", detail: `the check failed: ${reason(error)}` }));

async function outcomes(env: Env, db: Db, workspaceId: string, now: Date) {
  const input = { env, db, workspaceId };
  const messaging = checkMessaging(input).catch((error) => {
    const down: CheckOutcome = { light: "down", detail: `the check failed: ${reason(error)}` };
    return { email: down, sms: down, problems: [] as SenderProblem[] };
  });
  const [outscraper, anthropic, payments, browser, queues, mail] = await Promise.all([
    settle(checkOutscraper(input)),
    settle(checkAnthropic(input)),
    settle(checkPayments(input)),
    settle(checkBrowser(env)),
    settle(checkQueues(env, db, workspaceId, now)),
    messaging,
  ]);
  const byName: Record<HealthCheckName, CheckOutcome> = {
    outscraper,
    anthropic,
    email: mail.email,
    sms: mail.sms,
    payments,
    browser,
    queues,
  };
  return { byName, problems: mail.problems };
}

/** Stores the check; answers its failures in a row (0 unless it is down). */
async function record(db: Db, workspaceId: string, name: HealthCheckName, outcome: CheckOutcome, now: Date) {
  const before = await db.query.autopilotHealth.findFirst({
    where: and(eq(autopilotHealth.workspaceId, workspaceId), eq(autopilotHealth.name, name)),
  });
  // A retried phase checks again at the same `now` (the cycle's start): it is the same check, counted once.
  const again = before?.checkedAt.getTime() === now.getTime();
  const failures = outcome.light === "down" ? (before?.failures ?? 0) + (again ? 0 : 1) : 0;
  const values = { light: outcome.light, detail: outcome.detail, failures, checkedAt: now };
  await db
    .insert(autopilotHealth)
    .values({ workspaceId, name, ...values })
    .onConflictDoUpdate({ target: [autopilotHealth.workspaceId, autopilotHealth.name], set: values });
  return failures;
}

const LABELS: Record<HealthCheckName, string> = {
  outscraper: "Outscraper",
  anthropic: "Anthropic",
  email: "Email",
  sms: "SMS",
  payments: "Payments (Recurrente)",
  browser: "Browser Rendering",
  queues: "Queues",
};

async function senderAlerts(ctx: AlertContext, problems: SenderProblem[], cycleId: string | null) {
  for (const kind of ["bounce-rate", "complaint-rate"] as const) {
    const mine = problems.filter((p) => p.kind === kind);
    if (mine.length)
      await raiseAlert(ctx, { key: kind, kind, cycleId, message: mine.map((p) => p.message).join("; ") });
    else await clearAlert(ctx, kind);
  }
}

async function budgetAlerts(ctx: AlertContext, spend: SpendLine[], cycleId: string | null) {
  for (const line of spend) {
    const key = `budget-reached:${line.provider}`;
    if (line.reached)
      await raiseAlert(ctx, {
        key,
        kind: "budget-reached",
        cycleId,
        message: `${line.provider}'s budget for today is reached: $${line.spent.toFixed(2)} of $${(line.budget ?? 0).toFixed(2)}; the autopilot stops spending on it until tomorrow (UTC) or until the budget is raised`,
      });
    else await clearAlert(ctx, key);
  }
}

/**
 * Checks every provider, stores the lights, raises and clears the alerts.
 * @example const { checks } = await runHealthChecks(env, getDb(env.DB), workspaceId, settings, new Date())
 */
export async function runHealthChecks(
  env: Env,
  db: Db,
  workspaceId: string,
  settings: AutopilotSettings,
  now: Date,
  options: { cycleId?: string | null; actorId?: string | null } = {},
): Promise<HealthRun> {
  const ctx: AlertContext = { env, db, workspaceId, settings, actorId: options.actorId ?? null };
  const cycleId = options.cycleId ?? null;
  const { byName, problems } = await outcomes(env, db, workspaceId, now);
  const checks: HealthCheck[] = [];
  for (const [name, outcome] of Object.entries(byName) as [HealthCheckName, CheckOutcome][]) {
    const failures = await record(db, workspaceId, name, outcome, now);
    const key = `provider-down:${name}`;
    if (failures >= DOWN_ALERT_AFTER)
      await raiseAlert(ctx, {
        key,
        kind: "provider-down",
        cycleId,
        message: `${LABELS[name]} failed its health check ${failures} times in a row: ${outcome.detail}`,
      });
    else if (outcome.light !== "down") await clearAlert(ctx, key);
    checks.push({ name, light: outcome.light, detail: outcome.detail, checkedAt: now.toISOString() });
  }
  await senderAlerts(ctx, problems, cycleId);
  const spend = await spendToday({ db, workspaceId, settings }, now);
  await budgetAlerts(ctx, spend, cycleId);
  return { checks, spend, cycleId };
}

/** The latest stored check of each provider (for GET /api/autopilot), in HEALTH_CHECKS order. */
export async function latestHealth(db: Db, workspaceId: string): Promise<HealthCheck[]> {
  const rows = await db.select().from(autopilotHealth).where(eq(autopilotHealth.workspaceId, workspaceId));
  const order = (name: string) => HEALTH_CHECKS.indexOf(name as HealthCheckName);
  rows.sort((a, b) => order(a.name) - order(b.name));
  return rows.map((r) => ({
    name: r.name as HealthCheckName,
    light: r.light as HealthCheck["light"],
    detail: r.detail,
    checkedAt: r.checkedAt.toISOString(),
  }));
}

/**
 * Spend per provider and UTC day, in D1's `provider_spend`, against the workspace's daily
 * budgets (autopilot settings). A phase asks `canSpend` before work that costs and `recordSpend`
 * after it; once a provider's budget is reached the cycle stops spending on it (the item is
 * skipped, the "budget-reached" alert raised by the health phase).
 */
import { and, eq, sql } from "drizzle-orm";
import type { SpendLine, SpendProvider } from "../../schema/autopilot";
import { SPEND_PROVIDERS } from "../../schema/autopilot";
import { providerSpend } from "../../schema/db";
import type { CycleContext } from "./context";

export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** Adds what a provider call cost (USD) and how many units it was for, to today's line. */
export async function recordSpend(
  ctx: Pick<CycleContext, "db" | "workspaceId">,
  provider: SpendProvider,
  amount: number,
  units = 1,
  at = new Date(),
): Promise<void> {
  if (!(amount > 0) && !(units > 0)) return;
  await ctx.db
    .insert(providerSpend)
    .values({ workspaceId: ctx.workspaceId, day: utcDay(at), provider, amount: Math.max(0, amount), units })
    .onConflictDoUpdate({
      target: [providerSpend.workspaceId, providerSpend.day, providerSpend.provider],
      set: {
        amount: sql`${providerSpend.amount} + ${Math.max(0, amount)}`,
        units: sql`${providerSpend.units} + ${units}`,
      },
    });
}

/** Today's spend and budget per provider. */
export async function spendToday(
  ctx: Pick<CycleContext, "db" | "workspaceId" | "settings">,
  at = new Date(),
): Promise<SpendLine[]> {
  const rows = await ctx.db
    .select()
    .from(providerSpend)
    .where(and(eq(providerSpend.workspaceId, ctx.workspaceId), eq(providerSpend.day, utcDay(at))));
  return SPEND_PROVIDERS.map((provider) => {
    const spent = rows.find((r) => r.provider === provider)?.amount ?? 0;
    const budget = ctx.settings.budgets[provider] ?? null;
    return { provider, spent, budget, reached: budget !== null && spent >= budget };
  });
}

/** Whether the provider's budget for today still has room. */
export async function canSpend(
  ctx: Pick<CycleContext, "db" | "workspaceId" | "settings">,
  provider: SpendProvider,
  at = new Date(),
): Promise<boolean> {
  const budget = ctx.settings.budgets[provider];
  if (budget === undefined) return true;
  const line = (await spendToday(ctx, at)).find((l) => l.provider === provider);
  return !line?.reached;
}

/**
 * What the cleanup phase shares: when a row entered its state (the last change of its Status
 * cell in the table's own history, which every write records with its time), whether that is
 * longer ago than the settings allow, the reason written back, and the ledger that keeps a
 * retried cleanup from counting or writing a row twice.
 */
import type { PhaseResult } from "../../../schema/autopilot";
import type { TableHandle } from "../../kinds/tables";
import { type CycleContext, count } from "../context";
import { cycleItems } from "../items";
import { claimItem, finishItem } from "../ledger";

export const CLEAN_KINDS = ["territories", "sites", "messages", "items"] as const;
export type CleanKind = (typeof CLEAN_KINDS)[number];

const MINUTE_MS = 60_000;

/** "2 hours", "90 minutes": how long the settings let work run. */
export function stuckSpan(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? "an hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** The reason a row goes back with, e.g. "Stopped by Autopilot: generating for over 2 hours". */
export const stuckReason = (ctx: CycleContext, doing: string) =>
  `Stopped by Autopilot: ${doing} for over ${stuckSpan(ctx.settings.stuckAfterMinutes)}`;

/** Whether something that began at `since` (ms) has run longer than the settings allow, as of the cycle's start. */
export const isStuck = (ctx: CycleContext, since: number | null) =>
  since !== null && ctx.startedAt.getTime() - since > ctx.settings.stuckAfterMinutes * MINUTE_MS;

/**
 * When the row's Status cell took the value it holds (ms): its last change in the row's history,
 * or the row's insert when it was made with it; null when the history does not say.
 */
export async function statusSince(table: TableHandle, rowId: string): Promise<number | null> {
  const status = table.keys.status;
  if (!status) return null;
  const history = await table.room.rowHistory(rowId);
  for (let i = history.length - 1; i >= 0; i--) {
    const change = history[i]!;
    if (change.kind === "insert" || (change.kind === "update" && change.colId === status)) return change.at;
  }
  return null;
}

/** Counts what this cycle cleaned before a retry; returns the items it has settled (not to touch again). */
export async function earlierCleans(ctx: CycleContext, result: PhaseResult): Promise<Set<string>> {
  const settled = new Set<string>();
  for (const item of await cycleItems(ctx, "clean")) {
    if (item.state === "claimed") continue;
    settled.add(item.itemId);
    if ((CLEAN_KINDS as readonly string[]).includes(item.detail ?? "")) count(result, item.detail as CleanKind);
  }
  return settled;
}

/**
 * Sends one stuck item back, once per cycle: `act` does it and answers whether it did (false:
 * someone changed the row first).
 */
export async function cleanOnce(
  ctx: CycleContext,
  result: PhaseResult,
  kind: CleanKind,
  itemId: string,
  act: () => Promise<boolean>,
): Promise<void> {
  const claim = await claimItem(ctx, "clean", itemId);
  if (claim === "done" || claim === "failed") return;
  const cleaned = await act();
  await finishItem(ctx, "clean", itemId, "done", cleaned ? kind : "changed by someone else first");
  if (cleaned) count(result, kind);
}

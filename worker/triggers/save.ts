/**
 * Saving a table's trigger rule: into the table's manifest (a new version each time), then into
 * the D1 registry the cron tick and `/hooks/trigger` read. Used by the rules API and by features
 * that keep rules of their own (a journey's entry).
 */
import type { TriggerRule } from "../../schema/triggers";
import type { Db } from "../db";
import { tableRoom, type WriteResult } from "../durable/table-room";
import { registerRule } from "./registry";

/**
 * Saves `input` on `table`; a webhook rule's secret is answered the first time it becomes one.
 * @example const saved = await saveTableRule(env, db, table, { id: "r1", name: "…", … });
 */
export async function saveTableRule(
  env: Env,
  db: Db,
  table: { id: string; workspaceId: string },
  input: Omit<TriggerRule, "version">,
): Promise<WriteResult<{ rule: TriggerRule; secret: string | null }>> {
  const saved = await tableRoom(env, table.id).saveRule(input);
  if (!saved.ok) return saved;
  const { secret } = await registerRule(db, table, saved.value);
  return { ok: true, value: { rule: saved.value, secret } };
}

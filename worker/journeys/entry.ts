/**
 * A journey's entry as a trigger rule on its table, saved when a version is published or the
 * journey activated, turned off when it is paused or archived. `row-enters`: a change rule true
 * for every row there (a new row turns it from nothing to true, so each row enters once per
 * rule version; with a view, true for the rows the view shows); `formula`: a change rule on the
 * formula; `schedule`: a scheduled rule over every row where `when` holds. The rule's action
 * enrolls the row. Manual, event and webhook entries need no rule.
 */

import { viewFormula } from "../../automation/journeys/view-formula";
import type { JourneyDefinition } from "../../schema/journeys";
import type { TriggerRule } from "../../schema/triggers";
import type { Db } from "../db";
import { tableRoom } from "../durable/table-room";
import { saveTableRule } from "../triggers/save";

/**
 * Firings an entry rule may make per minute: well above a bulk import or a view's filter
 * changing for a thousand rows at once (the trigger default, 600, would hold some back).
 */
export const ENTRY_RATE_PER_MINUTE = 5_000;

type Journey = { id: string; workspaceId: string };

/** The rule's id on its table: one entry rule per journey. */
export const entryRuleId = (journeyId: string) => `journey-${journeyId}`;

/** The entry rule of `def` (its table and the rule), or null for entries without one. */
export async function entryRule(
  env: Env,
  journey: Journey,
  def: JourneyDefinition,
  enabled: boolean,
): Promise<{ tableId: string; rule: Omit<TriggerRule, "version"> } | null> {
  const { entry } = def;
  const base = {
    id: entryRuleId(journey.id),
    name: `Journey: ${def.name}`.slice(0, 120),
    enabled,
    watch: null,
    action: { name: "journey", params: { journeyId: journey.id } },
    // Rows made or changed by automations (a lead made by a rule, an import, the event feed's
    // counters) must enter too.
    reactToAutomation: true,
    ratePerMinute: ENTRY_RATE_PER_MINUTE,
  };
  switch (entry.kind) {
    case "row-enters": {
      const tableId = entry.table ?? def.table;
      const when = entry.view ? await viewWhen(env, tableId, entry.view) : "TRUE";
      return { tableId, rule: { ...base, when, start: { kind: "change" } } };
    }
    case "formula":
      return { tableId: def.table, rule: { ...base, when: entry.when, start: { kind: "change" } } };
    case "schedule":
      return {
        tableId: def.table,
        rule: { ...base, when: entry.when || "TRUE", start: { kind: "schedule", cron: entry.cron } },
      };
    case "manual":
    case "event":
    case "webhook":
      return null;
  }
}

async function viewWhen(env: Env, tableId: string, viewId: string): Promise<string> {
  const room = tableRoom(env, tableId);
  const [page, { columns }] = await Promise.all([room.viewPage(viewId, 0), room.describe()]);
  return viewFormula(page.view.filters, columns);
}

async function save(env: Env, db: Db, journey: Journey, def: JourneyDefinition, enabled: boolean): Promise<void> {
  const wired = await entryRule(env, journey, def, enabled);
  if (!wired) return;
  const table = { id: wired.tableId, workspaceId: journey.workspaceId };
  if (!enabled) {
    const rules = await tableRoom(env, table.id).listRules();
    if (!rules.some((r) => r.id === wired.rule.id)) return;
  }
  const saved = await saveTableRule(env, db, table, wired.rule);
  if (!saved.ok) throw new Error(`The journey's entry rule was refused: ${saved.message}`);
}

/** Turns on the entry of `def` (a published version of an active journey). */
export function wireEntry(env: Env, db: Db, journey: Journey, def: JourneyDefinition): Promise<void> {
  return save(env, db, journey, def, true);
}

/** Turns off the entry of `def`: no new rows enter; leads inside stay where they are. */
export function unwireEntry(env: Env, db: Db, journey: Journey, def: JourneyDefinition): Promise<void> {
  return save(env, db, journey, def, false);
}

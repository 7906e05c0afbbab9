/** A journey's entry and goal in words, as its Journeys row shows them ("Row enters Leads", "Event: clicked"). */
import { eq } from "drizzle-orm";
import { dataTable } from "../../schema/db";
import type { JourneyDefinition, JourneyEntry } from "../../schema/journeys";
import type { Db } from "../db";

async function tableName(db: Db, tableId: string): Promise<string> {
  const row = await db.query.dataTable.findFirst({ where: eq(dataTable.id, tableId), columns: { name: true } });
  return row?.name ?? "a deleted table";
}

/** The entry in words; `tableId` is the journey's table (a row-enters entry without its own). */
export async function entryInWords(db: Db, entry: JourneyEntry, tableId: string): Promise<string> {
  switch (entry.kind) {
    case "manual":
      return "Manual";
    case "row-enters": {
      const name = await tableName(db, entry.table ?? tableId);
      return entry.view ? `Row enters a view of ${name}` : `Row enters ${name}`;
    }
    case "formula":
      return `Formula: ${entry.when}`;
    case "event":
      return entry.key ? `Event: ${entry.type} (${entry.key})` : `Event: ${entry.type}`;
    case "schedule":
      return `Schedule: ${entry.cron}`;
    case "webhook":
      return "Webhook";
  }
}

/** The goal node's label (its id when unlabelled); "" without a goal. */
export function goalLabel(def: JourneyDefinition): string {
  const goal = def.nodes.find((n) => n.kind === "goal");
  return goal ? (goal.label ?? goal.id) : "";
}

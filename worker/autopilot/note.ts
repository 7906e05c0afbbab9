/**
 * What a cycle did to a row, written into that row's "Autopilot" column (made the first time),
 * e.g. "Generated a site · cycle cyc_k3x… · 04:12 UTC". The column is text, so people can filter
 * and sort by it like any other.
 */
import { AUTOPILOT_NOTE_COLUMN } from "../../schema/autopilot-tables";
import type { CellValue } from "../../schema/tables";
import { byKey, type TableHandle, tableHandle } from "../kinds/tables";
import type { CycleContext } from "./context";

export const autopilotOrigin = (cycleId: string) => ({ kind: "automation" as const, job: `autopilot:${cycleId}` });

/** The table's handle with an Autopilot column (added when it has none). */
export async function withNoteColumn(env: Env, handle: TableHandle): Promise<TableHandle> {
  if (handle.keys[AUTOPILOT_NOTE_COLUMN.key]) return handle;
  await handle.room.addKeyedColumns(
    [
      {
        name: AUTOPILOT_NOTE_COLUMN.name,
        type: AUTOPILOT_NOTE_COLUMN.type,
        options: { key: AUTOPILOT_NOTE_COLUMN.key },
      },
    ],
    "autopilot",
  );
  return tableHandle(env, handle.id);
}

/** The note's text: what was done, by which cycle, when (UTC). */
export function noteText(ctx: Pick<CycleContext, "cycleId">, what: string, at = new Date()): string {
  return `${what} · cycle ${ctx.cycleId} · ${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Writes the notes (row id → what was done) on rows of a table, with any other cells given.
 * The handle must come from `withNoteColumn`.
 */
export async function noteRows(
  ctx: CycleContext,
  handle: TableHandle,
  notes: { rowId: string; what: string; cells?: Record<string, CellValue> }[],
): Promise<void> {
  if (!notes.length) return;
  const at = new Date();
  const patches = notes.map((n) => ({
    id: n.rowId,
    cells: byKey(handle, { ...(n.cells ?? {}), [AUTOPILOT_NOTE_COLUMN.key]: noteText(ctx, n.what, at) }),
  }));
  const written = await handle.room.patchRows(patches, autopilotOrigin(ctx.cycleId));
  if (!written.ok) throw new Error(written.message);
}

/**
 * The daily report: one Daily reports row per UTC day (found by its Day, so a day is never
 * reported twice, whichever cycle gets there first) and an email to the owners when the row is
 * made.
 */
import type { Db } from "../../db";
import { byKey } from "../../kinds/tables";
import type { AlertContext } from "../alerts";
import { autopilotOrigin } from "../note";
import { emailOwners } from "../owner-mail";
import { ensureAutopilotTables } from "../tables";
import { type DailyReport, dailyReport, failuresText, reportEmail } from "./figures";
import { gatherDay } from "./gather";

export type ReportOutcome = { report: DailyReport; rowId: string; created: boolean; emailed: string[] };

/** The report's cells, by the Daily reports columns' keys. */
function cellsOf(report: DailyReport) {
  const { spendByProvider: _, failures: __, ...figures } = report;
  return { ...figures, failures: failuresText(report) };
}

/** Figures the day from D1 (pure figures in figures.ts). */
export async function reportOf(db: Db, workspaceId: string, day: string): Promise<DailyReport> {
  return dailyReport(await gatherDay(db, workspaceId, day));
}

/**
 * Writes the day's report row and emails it, unless the day has its row already (then nothing
 * is written or sent again).
 */
export async function writeDailyReport(ctx: AlertContext & { cycleId: string }, day: string): Promise<ReportOutcome> {
  const report = await reportOf(ctx.db, ctx.workspaceId, day);
  const table = (await ensureAutopilotTables(ctx.env, ctx.db, ctx.workspaceId, ctx.actorId)).reports;
  const dayColumn = table.keys.day;
  if (!dayColumn) throw new Error("The Daily reports table has lost its Day column: add a text column keyed day");
  const origin = autopilotOrigin(ctx.cycleId);
  const found = await table.room.findOrInsertRow({
    match: [{ columnId: dayColumn, value: day }],
    cells: byKey(table, cellsOf(report)),
    origin,
  });
  if (!found.ok) throw new Error(found.message);
  const { id: rowId, created } = found.value;
  if (!created) return { report, rowId, created, emailed: [] };
  const { subject, text } = reportEmail(report);
  const emailed = await emailOwners(ctx.env, ctx.db, ctx.workspaceId, {
    id: `autopilot-report-${ctx.workspaceId}-${day}`,
    subject,
    text,
  });
  const written = await table.room.patchRow(rowId, byKey(table, { emailed: emailed.join(", ") }), origin);
  if (!written.ok) throw new Error(written.message);
  return { report, rowId, created, emailed };
}

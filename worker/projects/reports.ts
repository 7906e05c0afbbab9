/**
 * What a project reports: its dealerships with their outcomes as a CSV or Excel sheet, its
 * attempts as the live log reads them, and the dashboard across every project of the workspace.
 */
import type { AttemptRecord, DealershipRecord, ProjectsDashboard } from "../../schema/projects";
import { type SheetValue, sheetCsv, sheetXlsx, XLSX_TYPE } from "../../schema/spreadsheet";
import type { RowRecord } from "../../schema/tables";
import { attemptRecord, dealershipRecord, projectSummary } from "./records";
import { allRows } from "./store";
import { type Outreach, reader } from "./tables";

/** Entries of the dashboard's recent activity, and days of its trend. */
const RECENT = 20;
const TREND_DAYS = 14;

const EXPORT_HEADER = [
  "Name",
  "Makes",
  "Distance (miles)",
  "Contact status",
  "Failure category",
  "Failure reason",
  "Suggested fix",
  "Attempts",
  "Last attempt",
  "Website",
  "Phone",
  "Address",
  "Latitude",
  "Longitude",
  "Notes",
];

const exportRow = (d: DealershipRecord): SheetValue[] => [
  d.name,
  d.makes.join(", "),
  d.distanceMiles,
  d.status,
  d.category,
  d.reason,
  d.suggestedFix,
  d.attempts,
  d.lastAttempt,
  d.website,
  d.phone,
  d.address,
  d.latitude,
  d.longitude,
  d.notes,
];

/** The project's results as a file: CSV (Excel-safe) or XLSX. */
export async function exportResults(
  o: Outreach,
  dealers: RowRecord[],
  format: "csv" | "xlsx",
  name: string,
): Promise<{ body: string | ArrayBuffer; type: string; filename: string }> {
  const rows = dealers.map((row) => exportRow(dealershipRecord(o.dealerships, row)));
  const base = name.replace(/[^\w. -]+/g, "").trim() || "project";
  if (format === "xlsx")
    return {
      body: await sheetXlsx(EXPORT_HEADER, rows, name),
      type: XLSX_TYPE,
      filename: `${base}.xlsx`,
    };
  return { body: sheetCsv(EXPORT_HEADER, rows), type: "text/csv; charset=utf-8", filename: `${base}.csv` };
}

/** Attempts as records, with their dealers' names. */
export async function attemptRecords(o: Outreach, attempts: RowRecord[]): Promise<AttemptRecord[]> {
  const ids = [...new Set(attempts.map((a) => reader(o.attempts, a.cells).list("dealership")[0] ?? ""))].filter(
    Boolean,
  );
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100)
    for (const row of await o.dealerships.room.readRows(ids.slice(i, i + 100)))
      names.set(row.id, reader(o.dealerships, row.cells).text("name"));
  return attempts.map((a) => attemptRecord(o.attempts, a, names));
}

export async function dashboard(o: Outreach): Promise<ProjectsDashboard> {
  const created = o.projects.keys.created;
  const projectRows = await allRows(o.projects, [], created ? [{ columnId: created, direction: "desc" }] : []);
  const projects = projectRows.map((row) => projectSummary(o.projects, row));
  const names = new Map(projects.map((p) => [p.id, p.name]));

  const started = o.attempts.keys.started;
  const since = new Date(Date.now() - TREND_DAYS * 86_400_000).toISOString();
  const recentRows = started
    ? await allRows(
        o.attempts,
        [{ columnId: started, op: "gte", value: since.toLowerCase() }],
        [{ columnId: started, direction: "desc" }],
      )
    : [];
  const recent = (await attemptRecords(o, recentRows.slice(0, RECENT))).map((a, i) => {
    const projectId = reader(o.attempts, recentRows[i]!.cells).list("project")[0] ?? "";
    return { ...a, projectId, projectName: names.get(projectId) ?? "A deleted project" };
  });

  const days = new Map<string, { attempts: number; successes: number }>();
  for (const row of recentRows) {
    const r = reader(o.attempts, row.cells);
    const day = r.text("started").slice(0, 10);
    const entry = days.get(day) ?? { attempts: 0, successes: 0 };
    entry.attempts++;
    if (r.text("outcome") === "success") entry.successes++;
    days.set(day, entry);
  }
  const trend = [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, v]) => ({ day, ...v }));

  const status = o.dealerships.keys.status;
  const failedRows = status ? await allRows(o.dealerships, [{ columnId: status, op: "eq", value: "failed" }]) : [];
  const byCategory = new Map<string, { count: number; suggestedFix: string | null }>();
  for (const row of failedRows) {
    const r = reader(o.dealerships, row.cells);
    const category = r.text("category") || "error";
    const entry = byCategory.get(category) ?? { count: 0, suggestedFix: r.text("suggestedFix") || null };
    entry.count++;
    byCategory.set(category, entry);
  }
  const failures = [...byCategory].map(([category, v]) => ({ category, ...v })).sort((a, b) => b.count - a.count);
  return { projects, recent, trend, failures };
}

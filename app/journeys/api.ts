/** The journeys API as the builder calls it from the browser (`?workspace=<slug>` on every path). */
import type {
  EnrollAnswer,
  EnrollmentItem,
  EnrollRequest,
  JourneyAnalytics,
  JourneyDefinition,
  JourneyItem,
  MoveAnswer,
  PublishProblem,
  TestRunAnswer,
  TestRunRequest,
} from "../../schema/journeys";
import type { ColumnDef, RowPage, TableDetail } from "../../schema/tables";
import { ApiError, apiJson } from "../lib/api-client";

/**
 * A journeys path for workspace `slug`.
 * @example journeysApi("demo", "/api/journeys/j1") // "/api/journeys/j1?workspace=demo"
 */
export function journeysApi(slug: string, path: string, query: Record<string, string> = {}): string {
  return `${path}?${new URLSearchParams({ workspace: slug, ...query })}`;
}

export type PublishResult = { ok: true; version: number } | { ok: false; message: string; problems: PublishProblem[] };

/** The rows the enroll dialog and the test run offer, and the most the tables API gives at once. */
export const PICKER_ROWS = 200;

export function journeyClient(slug: string, id: string) {
  const path = (tail = "", query: Record<string, string> = {}) =>
    journeysApi(slug, `/api/journeys/${encodeURIComponent(id)}${tail}`, query);
  return {
    read: () => apiJson<JourneyItem>(path()),
    save: (definition: JourneyDefinition) => apiJson<JourneyItem>(path(), { method: "PUT", body: definition }),
    setStatus: (status: string) => apiJson<unknown>(path("/status"), { method: "POST", body: { status } }),
    enroll: (body: EnrollRequest) => apiJson<EnrollAnswer>(path("/enroll"), { method: "POST", body }),
    move: () => apiJson<MoveAnswer>(path("/move"), { method: "POST", body: {} }),
    test: (body: TestRunRequest) => apiJson<TestRunAnswer>(path("/test"), { method: "POST", body }),
    analytics: (version?: number) =>
      apiJson<JourneyAnalytics>(path("/analytics", version ? { version: String(version) } : {})),
    enrollments: async () => listOf<EnrollmentItem>(await apiJson<unknown>(path("/enrollments")), "enrollments"),
    publish: () => publish(path("/publish")),
  };
}

/** Publishing answers 422 with the problems, each naming its node, when the journey cannot run. */
async function publish(url: string): Promise<PublishResult> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  } catch {
    throw new ApiError(0, "Could not reach the server; try again when you are online.");
  }
  const body = (await response.json().catch(() => null)) as {
    version?: number;
    problems?: PublishProblem[];
    error?: { message?: string; problems?: PublishProblem[] } | string;
  } | null;
  if (response.ok && typeof body?.version === "number") return { ok: true, version: body.version };
  const message = typeof body?.error === "string" ? body.error : body?.error?.message;
  const problems = body?.problems ?? (typeof body?.error === "object" ? body.error.problems : undefined);
  if (response.status === 422)
    return { ok: false, message: message ?? "The journey cannot run yet", problems: problems ?? [] };
  throw new ApiError(response.status, message ?? `The server answered ${response.status}`);
}

/** A list the API gives bare or wrapped (`{ enrollments: [...] }`). */
function listOf<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const inner = (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}

export type TableRows = { columns: ColumnDef[]; rows: { id: string; name: string; cells: Record<string, unknown> }[] };

const textOf = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** Rows of a table with a display name each (its first text column), optionally searched. */
export async function tableRows(tableId: string, search = ""): Promise<TableRows> {
  const base = `/api/tables/${encodeURIComponent(tableId)}`;
  const detail = await apiJson<TableDetail>(base);
  const primary = detail.columns.find((c) => c.type === "text") ?? detail.columns[0];
  const filter =
    primary && search.trim() ? `&filter=${encodeURIComponent(`${primary.id}:contains:${search.trim()}`)}` : "";
  const page = await apiJson<RowPage>(`${base}/rows?limit=${PICKER_ROWS}${filter}`);
  return {
    columns: detail.columns,
    rows: page.rows.map((r) => ({
      id: r.id,
      name: (primary && textOf(r.cells[primary.id])) || "(no name)",
      cells: r.cells,
    })),
  };
}

/**
 * A table in a new workspace, with the calls the trigger, button and run-log tests make on it,
 * and the webhook target those tests point actions at (see hook-target-setup.ts).
 */
import { inject } from "vitest";
import type { TargetCall } from "./hook-target-setup";
import { call, json, ownerWithWorkspace } from "./http";

export type Run = {
  id: number;
  ruleId: string;
  rowId: string;
  key: string | null;
  outcome: string;
  detail: string | null;
  source: string;
  columnId: string | null;
  jobId: string | null;
  attempts: number;
};
type Row = { id: string; cells: Record<string, unknown> };
type NewColumn = { name: string; type: string; options?: Record<string, unknown> };

type Workspace = Awaited<ReturnType<typeof ownerWithWorkspace>>;

/** A new table with `columns`, in a new workspace or in `workspace`. */
export async function tableWith(columns: NewColumn[], name = "Leads", workspace?: Workspace) {
  const { owner, ws, base } = workspace ?? (await ownerWithWorkspace());
  const res = await call(owner, "POST", `/api/tables?workspace=${ws.slug}`, { name, columns });
  if (res.status !== 201) throw new Error(`table creation failed: ${res.status} ${await res.text()}`);
  const table = await json<{ id: string; columns: { id: string; name: string }[] }>(res);
  const path = `/api/tables/${table.id}`;
  const col = (name: string) => table.columns.find((c) => c.name === name)!.id;
  const rows = async () => (await json<{ rows: Row[] }>(await call(owner, "GET", `${path}/rows?limit=500`))).rows;
  return {
    owner,
    ws,
    base,
    tableId: table.id,
    path,
    col,
    rows,
    rule: (id: string, body: unknown) => call(owner, "PUT", `${path}/triggers/${id}`, body),
    runs: async () => (await json<{ runs: Run[] }>(await call(owner, "GET", `${path}/triggers/runs`))).runs,
    row: async (id: string) => (await rows()).find((r) => r.id === id)!.cells,
    insert: async (cells: Record<string, unknown>) =>
      (await json<{ id: string }>(await call(owner, "POST", `${path}/rows`, { cells }))).id,
    patch: (id: string, cells: Record<string, unknown>) => call(owner, "PATCH", `${path}/rows/${id}`, { cells }),
    history: async (id: string) =>
      (
        await json<{ changes: { columnId: string | null; new: unknown }[] }>(
          await call(owner, "GET", `${path}/rows/${id}/history`),
        )
      ).changes,
  };
}

/** A URL on the test webhook target; `id` keeps each test's calls apart. */
export function targetUrl(id: string, query = ""): string {
  return `http://127.0.0.1:${inject("hookTarget").port}/t/${id}${query ? `?${query}` : ""}`;
}

/** What the webhook target received for `id`. */
export async function callsTo(id: string): Promise<TargetCall[]> {
  return (await fetch(`http://127.0.0.1:${inject("hookTarget").port}/calls/${id}`)).json();
}

/**
 * A workspace ready for Autopilot, as the demo is: a sender (pitches go to the outbox), four
 * territories the sample directory answers for, and the calls the cycle tests make: settings,
 * "Run one cycle", a cycle read until it ends, and any table's rows by column name.
 */
import type { AutopilotInput, AutopilotStatus, CycleRecord } from "../../schema/autopilot";
import type { CreateTerritory } from "../../schema/hunting-api";
import type { TableDetail } from "../../schema/tables";
import { call, json, ownerWithWorkspace } from "./http";
import { SENDER } from "./messaging";

/** The demo's territories: each one is answered by the labelled sample directory, no key needed. */
export const TERRITORIES: CreateTerritory[] = [
  { query: "plumber", location: { zip: "78701" }, radiusMiles: 15, priority: 8 },
  { query: "bakery", location: { city: "Chicago", state: "IL" }, radiusMiles: 6, priority: 6 },
  { query: "hair salon", location: { zip: "80202" }, radiusMiles: 10, priority: 5 },
  { query: "roofer", location: { city: "Phoenix", state: "AZ" }, radiusMiles: 20, priority: 3 },
];

/** A cycle takes seconds (sites are rendered and screenshotted); a loaded 2-core machine, more. */
const CYCLE_TIMEOUT_MS = 90_000;
const POLL_MS = 250;

export type Cells = Record<string, unknown> & { _id: string };

/** The demo's four territories, or `count` of `query` around `zip` with falling priorities. */
export async function autopilotWorkspace(around?: { query: string; zip: string; count: number }) {
  const wanted: CreateTerritory[] = around
    ? Array.from({ length: around.count }, (_, i) => ({
        name: `${around.query} ${i + 1}`,
        query: around.query,
        location: { zip: around.zip },
        radiusMiles: 5,
        priority: 9 - i,
      }))
    : TERRITORIES;
  const { owner, ws, base } = await ownerWithWorkspace("Autopilot Agency");
  const settings = await call(owner, "PATCH", `${base}/settings`, { sender: SENDER });
  if (settings.status !== 200) throw new Error(`settings: ${settings.status} ${await settings.text()}`);
  const api = (method: string, path: string, body?: unknown) =>
    call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
  const territoryIds: string[] = [];
  for (const territory of wanted) {
    const res = await api("POST", "/territories", territory);
    if (res.status !== 201) throw new Error(`territory: ${res.status} ${await res.text()}`);
    territoryIds.push((await json<{ id: string }>(res)).id);
  }

  const configure = async (body: AutopilotInput) => {
    const res = await api("POST", "/autopilot", body);
    if (res.status !== 200) throw new Error(`autopilot settings: ${res.status} ${await res.text()}`);
  };
  const status = async () => json<AutopilotStatus>(await api("GET", "/autopilot"));
  const run = () => api("POST", "/autopilot/run");
  const cycle = async (id: string) => json<CycleRecord>(await api("GET", `/autopilot/cycles/${id}`));
  /** Starts a cycle and reads it until it has ended. */
  const runCycle = async () => {
    const res = await run();
    if (res.status !== 200 && res.status !== 201 && res.status !== 202)
      throw new Error(`run: ${res.status} ${await res.text()}`);
    return ended((await json<{ cycleId: string }>(res)).cycleId);
  };
  /** The cycle once it is no longer running, or an error naming where it was. */
  const ended = async (id: string, ms = CYCLE_TIMEOUT_MS) => {
    const until = Date.now() + ms;
    let last: CycleRecord | null = null;
    while (Date.now() < until) {
      last = await cycle(id);
      if (last.status !== "running") return last;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`cycle ${id} was still running after ${ms} ms: ${JSON.stringify(last)}`);
  };
  /** A table's rows, each as its cells by column name (and `_id`). */
  const rows = async (tableName: string): Promise<Cells[]> => {
    const tables = await json<{ id: string; name: string }[]>(
      await call(owner, "GET", `/api/tables?workspace=${ws.slug}`),
    );
    const table = tables.find((t) => t.name === tableName);
    if (!table) return [];
    const detail = await json<TableDetail>(await call(owner, "GET", `/api/tables/${table.id}`));
    const out: Cells[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: { id: string; cells: Record<string, unknown> }[]; nextCursor?: string | null } = await json(
        await call(owner, "GET", `/api/tables/${table.id}/rows?limit=500${cursor ? `&cursor=${cursor}` : ""}`),
      );
      for (const row of page.rows)
        out.push({ _id: row.id, ...Object.fromEntries(detail.columns.map((c) => [c.name, row.cells[c.id] ?? null])) });
      cursor = page.nextCursor ?? null;
    } while (cursor);
    return out;
  };
  return {
    owner,
    ownerEmail: owner.email,
    ws,
    base,
    api,
    territoryIds,
    configure,
    status,
    run,
    cycle,
    runCycle,
    ended,
    rows,
  };
}

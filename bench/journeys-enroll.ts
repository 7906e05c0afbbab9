/**
 * Enrollments started from row changes, through the Worker as `npm start` serves it: a journey on
 * the Leads table whose entry is "Stage becomes qualified", ROWS leads added as "new", then all of
 * them made "qualified" in one row batch (1,000 rows entering at once). The change rule fires for
 * each row, each firing is an action job, each job enrolls its row and starts a Workflows
 * instance. Measured: the time from the batch to every enrollment recorded, as enrollments per
 * second, and how long until every journey has finished (its one node is an exit).
 */
import { rmSync } from "node:fs";
import { Api } from "../e2e/api";
import type { JourneyItem } from "../schema/journeys";
import type { TableSummary } from "../schema/tables";
import { type Served, serve } from "../scripts/serve";
import { type BuildCopy, buildCopy } from "./grid/build";

const ROWS = Number(process.env.JOURNEY_ENROLL_ROWS ?? 1000);
/** How long the whole run may take before the bench gives up and says how far it got. */
const DEADLINE_MS = 10 * 60_000;
const POLL_MS = 250;

async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const give = Date.now() + DEADLINE_MS;
  while (!(await done())) {
    if (Date.now() > give) throw new Error(`gave up waiting for ${what} after ${DEADLINE_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export async function enrollmentFigures(): Promise<void> {
  let build: BuildCopy | undefined;
  let served: Served | undefined;
  try {
    build = await buildCopy();
    served = await serve({ config: build.config });
    const { api, slug } = await Api.account(served.url);
    const q = `?workspace=${slug}`;
    // Making a journey makes the Leads and journeys tables.
    await api.request("POST", `/api/journeys/from-template${q}`, { key: "welcome" });
    const tables = await api.request<TableSummary[]>("GET", `/api/tables${q}`);
    const leads = tables.find((t) => t.name === "Leads")!;
    const { id } = await api.request<{ id: string }>("POST", `/api/journeys${q}`, {
      name: "Qualified",
      table: leads.id,
      reentry: "never",
      entry: { kind: "formula", when: `{Stage} = "qualified"` },
      start: "done",
      nodes: [{ id: "done", kind: "exit" }],
    });
    await api.request("POST", `/api/journeys/${id}/publish${q}`);
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      cells: { Name: `Lead ${i}`, Email: `lead${i}@example.com`, Stage: "new" },
    }));
    const { ids } = await api.request<{ ids: string[] }>("POST", `/api/tables/${leads.id}/rows`, { rows });
    const enrolled = async () => (await api.request<JourneyItem>("GET", `/api/journeys/${id}${q}`)).counts;

    const started = performance.now();
    await api.request("PATCH", `/api/tables/${leads.id}/rows`, {
      rows: ids.map((id) => ({ id, cells: { Stage: "qualified" } })),
    });
    await until(`${ROWS} enrollments`, async () => (await enrolled()).enrolled >= ROWS);
    const enrolledMs = performance.now() - started;
    await until(`${ROWS} finished journeys`, async () => (await enrolled()).finished >= ROWS);
    const finishedMs = performance.now() - started;
    console.log(`\n5. Enrollments from row changes (${ROWS.toLocaleString()} rows entering at once, local server)`);
    console.log(
      `   every enrollment recorded in ${(enrolledMs / 1000).toFixed(1)} s: ${Math.round((ROWS / enrolledMs) * 1000)} enrollments/s`,
    );
    console.log(
      `   every journey finished in ${(finishedMs / 1000).toFixed(1)} s: ${Math.round((ROWS / finishedMs) * 1000)} runs/s`,
    );
  } finally {
    if (served) {
      await served.stop();
      rmSync(served.state, { recursive: true, force: true });
    }
    build?.remove();
  }
}

/**
 * The demo workspace's outreach project: once the local server is up (the outreach tables live
 * in Durable Objects, which only the Worker can reach), a short-lived API token creates a
 * project near Austin and fills it from the labelled, fictional sample directory. Runs once;
 * later starts find the Projects table and change nothing.
 */
import { and, eq } from "drizzle-orm";
import { apiToken, dataTable, workspace } from "../schema/db";
import { OUTREACH_KINDS } from "../schema/outreach-tables";
import type { CreateProject } from "../schema/projects";
import { issueApiToken } from "../worker/api/tokens";
import { openLocal } from "./local-db";
import { DEMO } from "./seed";

const DEMO_PROJECT: CreateProject = {
  name: "Family SUV near Austin",
  description: "A sample project: Toyota, Honda and Mazda dealers within 100 miles of downtown Austin.",
  location: { zip: "78701" },
  radiusMiles: 100,
  makes: ["Toyota", "Honda", "Mazda"],
  sender: {
    firstName: "Dana",
    lastName: "Whitfield",
    email: "dana.whitfield@example.org",
    phone: "(512) 555-0147",
    zip: "78701",
    extra: {},
  },
  message:
    "Hello {{dealership.name}}, I am shopping for a new {{make}} SUV and would like your best out-the-door price. " +
    "I can be reached at {{sender.phone}}. Thank you, {{sender.name}}",
  settings: { batchSize: 5, concurrency: 2 },
};

export async function seedDemoProject(port: number): Promise<void> {
  const local = await openLocal();
  try {
    const ws = await local.db.query.workspace.findFirst({ where: eq(workspace.slug, DEMO.slug) });
    if (!ws) return;
    const existing = await local.db.query.dataTable.findFirst({
      where: and(eq(dataTable.workspaceId, ws.id), eq(dataTable.kind, OUTREACH_KINDS.projects)),
    });
    if (existing) return;
    const { token, row } = await issueApiToken(local.db, {
      workspaceId: ws.id,
      name: "Demo project seed",
      role: "editor",
      createdBy: null,
    });
    try {
      const call = async (path: string, body: unknown) => {
        const res = await fetch(`http://localhost:${port}/api/projects${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${path || "/"}: ${res.status} ${await res.text()}`);
        return (await res.json()) as Record<string, unknown>;
      };
      const { id } = await call("", DEMO_PROJECT);
      const found = await call(`/${id}/discover`, { source: "sample" });
      console.log(`Seeded the demo project "${DEMO_PROJECT.name}" with ${found.added} sample dealerships.`);
    } finally {
      await local.db.delete(apiToken).where(eq(apiToken.id, row.id));
    }
  } catch (error) {
    console.warn(`Could not seed the demo project: ${(error as Error).message}`);
  } finally {
    await local.dispose();
  }
}

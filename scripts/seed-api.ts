/**
 * Seeding the demo workspace through the running Worker (tables live in Durable Objects, which
 * only the Worker can reach): a short-lived editor API token, deleted afterwards, calls the API.
 * A seed runs once: when the workspace already has a table of `kind`, it changes nothing.
 */
import { and, eq } from "drizzle-orm";
import { apiToken, dataTable, workspace } from "../schema/db";
import { issueApiToken } from "../worker/api/tokens";
import { openLocal } from "./local-db";
import { DEMO } from "./seed";

export type SeedCall = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

export async function seedThroughApi(
  port: number,
  what: { label: string; kind: string },
  seed: (call: SeedCall) => Promise<string>,
): Promise<void> {
  const local = await openLocal();
  try {
    const ws = await local.db.query.workspace.findFirst({ where: eq(workspace.slug, DEMO.slug) });
    if (!ws) return;
    const existing = await local.db.query.dataTable.findFirst({
      where: and(eq(dataTable.workspaceId, ws.id), eq(dataTable.kind, what.kind)),
    });
    if (existing) return;
    const { token, row } = await issueApiToken(local.db, {
      workspaceId: ws.id,
      name: `Demo ${what.label} seed`,
      role: "editor",
      createdBy: null,
    });
    try {
      const call: SeedCall = async (method, path, body) => {
        const res = await fetch(`http://localhost:${port}/api${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
        return (await res.json()) as Record<string, unknown>;
      };
      console.log(await seed(call));
    } finally {
      await local.db.delete(apiToken).where(eq(apiToken.id, row.id));
    }
  } catch (error) {
    console.warn(`Could not seed the demo ${what.label}: ${(error as Error).message}`);
  } finally {
    await local.dispose();
  }
}

/**
 * A workspace for the generation and pitching phases' tests: a sender in its settings, and
 * businesses scraped from a CSV, all made qualified leads, with a CycleContext per cycle.
 */
import { env } from "cloudflare:test";
import type { OutboxEntry } from "../../schema/messaging-api";
import type { RowRecord } from "../../schema/tables";
import { cycleContextFor } from "../autopilot/test/cycles";
import { getDb } from "../db";
import { findHunting } from "../hunting/tables";
import { byKey, reader, tableHandle } from "../kinds/tables";
import { findMessaging } from "../messaging/tables";
import { findSites } from "../sites/tables";
import { call, json, ownerWithWorkspace } from "./http";
import { SENDER } from "./messaging";

export type Business = { name: string; email?: string; rating: number; reviews: number };

const csvOf = (businesses: Business[]) =>
  [
    "name,category,phone,zip,email,rating,reviews",
    ...businesses.map(
      (b, i) => `"${b.name}",Bakery,(512) 555-01${10 + i},78702,${b.email ?? ""},${b.rating},${b.reviews}`,
    ),
  ].join("\n");

export async function workspaceWithQualified(businesses: Business[]) {
  const { owner, ws, base } = await ownerWithWorkspace();
  const settings = await call(owner, "PATCH", `${base}/settings`, { sender: SENDER });
  if (settings.status !== 200) throw new Error(`settings: ${settings.status} ${await settings.text()}`);
  const api = (method: string, path: string, body?: unknown) =>
    call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
  const { id } = await json<{ id: string }>(
    await api("POST", "/territories", { query: "bakery", location: { zip: "78702" } }),
  );
  const scraped = await api("POST", `/territories/${id}/scrape`, { source: "csv", csv: csvOf(businesses) });
  if (scraped.status !== 200) throw new Error(`scrape failed: ${scraped.status} ${await scraped.text()}`);
  const db = getDb(env.DB);
  const h = (await findHunting(env, db, ws.id))!;
  const { rows } = await h.businesses.room.queryRows({ filters: [], sort: [], limit: 100, offset: 0 });
  const patched = await h.businesses.room.patchRows(
    rows.map((row) => ({ id: row.id, cells: byKey(h.businesses, { leadStatus: "qualified" }) })),
    { kind: "automation", job: "test" },
  );
  if (!patched.ok) throw new Error(patched.message);

  const context = cycleContextFor(ws.id, owner.id);
  /** The rows of a table of the workspace with their cells by stable key. */
  const rowsOf = async (tableId: string) => {
    const handle = await tableHandle(env, tableId);
    const page = await handle.room.queryRows({ filters: [], sort: [], limit: 500, offset: 0 });
    return page.rows.map((row: RowRecord) => ({
      id: row.id,
      cell: (key: string) => reader(handle, row.cells).text(key),
    }));
  };
  const businessRows = async () => rowsOf(h.ids.businesses);
  const siteRows = async () => {
    const sites = await findSites(env, db, ws.id);
    return sites ? rowsOf(sites.id) : [];
  };
  const messageRows = async () => {
    const messaging = await findMessaging(env, db, ws.id);
    return messaging ? rowsOf(messaging.ids.messages) : [];
  };
  const outbox = async () => (await json<{ messages: OutboxEntry[] }>(await api("GET", "/outbox"))).messages;
  return { owner, ws, api, db, h, context, businessRows, siteRows, messageRows, outbox };
}

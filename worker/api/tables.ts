/**
 * Tables over HTTP: list and create them, read their rows from the row index, and write rows
 * through the Yjs documents (so connected clients see API writes live).
 */
import { eq, inArray } from "drizzle-orm";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { tableFilePrefixes } from "../../schema/attachments";
import { dataTable, membership, user, workspace } from "../../schema/db";
import type { Permission } from "../../schema/roles";
import {
  type CellValue,
  type ColumnDef,
  CreateTable,
  FilterOp,
  Origin,
  RenameTable,
  type RowHistoryEntry,
  type RowOrderPage,
  type RowPage,
  type RowQuery,
  RowsDelete,
  RowsInsert,
  RowsPatch,
  RowWrite,
  type TableSummary,
  type ViewPage,
} from "../../schema/tables";
import { newId } from "../auth/tokens";
import type { Db } from "../db";
import { tableRoom, type WriteResult } from "../durable/table-room";
import { deleteFiles } from "../r2";
import { type Access, accessTo, requireActor } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, parseBody, readBody } from "./errors";
import { isBatch, parseBatch, readBatchJson } from "./row-batches";

export const MAX_PAGE = 500;

/** The workspace a table request is about: the token's, `?workspace=<slug>`, or the user's only one. */
export async function workspaceFor(c: Context<AppEnv>, permission: Permission): Promise<Access> {
  const actor = requireActor(c);
  const db = c.get("db");
  const slug = c.req.query("workspace") ?? c.req.header("x-rowpilot-workspace");
  let ws: Access["workspace"] | undefined;
  if (slug) ws = await db.query.workspace.findFirst({ where: eq(workspace.slug, slug) });
  else if (actor.kind === "token")
    ws = await db.query.workspace.findFirst({ where: eq(workspace.id, actor.workspaceId) });
  else {
    const mine = await db
      .select({ ws: workspace })
      .from(membership)
      .innerJoin(workspace, eq(workspace.id, membership.workspaceId))
      .where(eq(membership.userId, actor.userId));
    if (mine.length !== 1) fail(400, "workspace: pass ?workspace=<slug> (you belong to several workspaces, or none)");
    ws = mine[0]!.ws;
  }
  if (!ws) fail(404, "Workspace not found");
  return accessTo(c, ws, permission);
}

/** The table named in the URL, if the actor may act on it. */
export async function requireTable(c: Context<AppEnv>, id: string, permission: Permission) {
  const db = c.get("db");
  const table = await db.query.dataTable.findFirst({ where: eq(dataTable.id, id) });
  if (!table) fail(404, "Table not found");
  const ws = await db.query.workspace.findFirst({ where: eq(workspace.id, table.workspaceId) });
  if (!ws) fail(404, "Table not found");
  const access = await accessTo(c, ws, permission);
  return { table, access, room: tableRoom(c.env, table.id) };
}

export function originOf(access: Access): Origin {
  const { actor } = access;
  return actor.kind === "token"
    ? { kind: "api", userId: null, tokenId: actor.tokenId }
    : { kind: "api", userId: actor.userId, tokenId: null };
}

/** A TableRoom write's value, or its refusal as an HTTP error. */
export function unwrap<T>(result: WriteResult<T>): T {
  if (!result.ok) fail(result.status, result.message);
  return result.value;
}

const SortParam = z.string().regex(/^[^:]+:(asc|desc)$/, "use <columnId>:asc or <columnId>:desc");

/**
 * Rows per page of `GET /:id/order`: a pair is ~30 bytes of JSON (a 16-character id and a block
 * name), so 50,000 make ~1.5 MB, one response for tables up to that size and two for 100,000.
 */
export const ORDER_PAGE = 50_000;

/** `limit` and `cursor` (an offset this API gave out) of a paged request. */
function parsePaging(c: Context<AppEnv>, defaultLimit: number, maxLimit: number) {
  const limit = Number(c.req.query("limit") ?? defaultLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    fail(400, `limit: a whole number from 1 to ${maxLimit}`);
  const cursor = c.req.query("cursor");
  const offset = cursor ? offsetOf(cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0) fail(400, "cursor: not a cursor this API gave out");
  return { limit, offset };
}

/** A query's `sort=<columnId>:<asc|desc>` and `filter=<columnId>:<op>:<value>` parameters, repeatable. */
function parseViewParams(c: Context<AppEnv>): Pick<RowQuery, "sort" | "filters"> {
  const sort = c.req.queries("sort")?.map((s) => {
    const parsed = SortParam.safeParse(s);
    if (!parsed.success) fail(400, `sort: ${parsed.error.issues[0]?.message}`);
    const [columnId, direction] = s.split(":") as [string, "asc" | "desc"];
    return { columnId, direction };
  });
  const filters = c.req.queries("filter")?.map((f) => {
    const [columnId, op, ...rest] = f.split(":");
    const parsedOp = FilterOp.safeParse(op);
    if (!columnId || !parsedOp.success) fail(400, `filter: use <columnId>:<${FilterOp.options.join("|")}>:<value>`);
    return { columnId, op: parsedOp.data, value: rest.join(":") };
  });
  return { sort: sort ?? [], filters: filters ?? [] };
}

function parseRowQuery(c: Context<AppEnv>): RowQuery {
  return { ...parsePaging(c, 100, MAX_PAGE), ...parseViewParams(c) };
}

function offsetOf(cursor: string): number {
  try {
    return Number(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return Number.NaN;
  }
}

/**
 * Who made each change, for people to read: a user's name, "API token", "Automation (<job>)",
 * from origins as the room stores them (JSON); unreadable ones are "Unknown".
 */
async function originNames(db: Db, stored: string[]): Promise<string[]> {
  const origins = stored.map((text) => {
    try {
      const origin = Origin.safeParse(JSON.parse(text));
      return origin.success ? origin.data : null;
    } catch {
      return null;
    }
  });
  const userIds = [...new Set(origins.flatMap((o) => (o && "userId" in o && o.userId ? [o.userId] : [])))];
  const names = new Map<string, string>();
  if (userIds.length)
    for (const u of await db.query.user.findMany({ where: inArray(user.id, userIds) })) names.set(u.id, u.name);
  return origins.map((o) =>
    !o
      ? "Unknown"
      : o.kind === "automation"
        ? `Automation (${o.job})`
        : o.kind === "api" && o.tokenId
          ? "API token"
          : (names.get(o.userId ?? "") ?? "Someone"),
  );
}

/**
 * Creates a table: its record in D1 (with the feature `kind` that keeps it, if any) and its
 * TableRoom's manifest, with column ids `c1`, `c2`… in the order given.
 */
export async function createTable(
  env: Env,
  db: Db,
  input: {
    workspaceId: string;
    name: string;
    columns: { name: string; type: ColumnDef["type"]; options?: ColumnDef["options"] }[];
    createdBy: string | null;
    kind?: string;
  },
) {
  const id = `t${newId().slice(0, 15)}`;
  const columns: ColumnDef[] = input.columns.map((col, i) => ({
    id: `c${i + 1}`,
    name: col.name,
    type: col.type,
    options: col.options ?? {},
  }));
  await db.insert(dataTable).values({
    id,
    workspaceId: input.workspaceId,
    name: input.name,
    kind: input.kind ?? null,
    createdBy: input.createdBy,
    createdAt: new Date(),
  });
  const room = tableRoom(env, id);
  await room.init({ tableId: id, workspaceId: input.workspaceId, name: input.name, columns });
  return { id, room, columns };
}

const cursorFor = (offset: number) => btoa(String(offset)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export const tableRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { workspace: ws } = await workspaceFor(c, "read");
    const tables = await c.get("db").query.dataTable.findMany({
      where: eq(dataTable.workspaceId, ws.id),
      orderBy: (t, { asc }) => [asc(t.createdAt)],
    });
    const details = await Promise.all(tables.map((t) => tableRoom(c.env, t.id).describe()));
    const by = await originNames(
      c.get("db"),
      details.map((d) => d.lastActivity?.by ?? "null"),
    );
    const out: TableSummary[] = tables.map((t, i) => {
      const { rowCount, docs, lastActivity } = details[i]!;
      return {
        id: t.id,
        name: t.name,
        rowCount,
        docs,
        lastActivity: lastActivity && { at: lastActivity.at, by: by[i]! },
      };
    });
    return c.json(out);
  })
  .post("/", async (c) => {
    const access = await workspaceFor(c, "write");
    const body = await readBody(c, CreateTable);
    const names = new Set<string>();
    for (const col of body.columns) {
      const key = col.name.toLowerCase();
      if (names.has(key)) fail(400, `columns: "${col.name}" appears twice`);
      names.add(key);
    }
    const actor = access.actor;
    const { id, room } = await createTable(c.env, c.get("db"), {
      workspaceId: access.workspace.id,
      name: body.name,
      columns: body.columns,
      createdBy: actor.kind === "user" ? actor.userId : null,
    });
    return c.json({ id, ...(await room.describe()) }, 201);
  })
  .get("/:id", async (c) => {
    const { table, room } = await requireTable(c, c.req.param("id"), "read");
    return c.json({ id: table.id, ...(await room.describe()) });
  })
  .patch("/:id", async (c) => {
    const { name } = await readBody(c, RenameTable);
    const { table, room } = await requireTable(c, c.req.param("id"), "write");
    await c.get("db").update(dataTable).set({ name }).where(eq(dataTable.id, table.id));
    await room.rename(name);
    return c.json({ id: table.id, ...(await room.describe()) });
  })
  .delete("/:id", async (c) => {
    const { table, room, access } = await requireTable(c, c.req.param("id"), "write");
    await c.get("db").delete(dataTable).where(eq(dataTable.id, table.id));
    await room.destroy();
    let files = 0;
    for (const prefix of tableFilePrefixes(table.id)) files += await deleteFiles(c.env.FILES, prefix);
    await audit(c.get("db"), access, "table.deleted", table.id, { name: table.name, files });
    return c.body(null, 204);
  })
  .get("/:id/rows", async (c) => {
    const query = parseRowQuery(c);
    const { room } = await requireTable(c, c.req.param("id"), "read");
    const { rows, total } = await room.queryRows(query);
    const next = query.offset + rows.length;
    const page: RowPage = { rows, total, nextCursor: next < total ? cursorFor(next) : null };
    return c.json(page);
  })
  .get("/:id/views/:viewId/rows", async (c) => {
    const { limit } = parsePaging(c, 100, MAX_PAGE);
    const { room } = await requireTable(c, c.req.param("id"), "read");
    const page: ViewPage = await room.viewPage(c.req.param("viewId"), limit);
    return c.json(page);
  })
  .get("/:id/order", async (c) => {
    const query = { ...parsePaging(c, ORDER_PAGE, ORDER_PAGE), ...parseViewParams(c) };
    const { room } = await requireTable(c, c.req.param("id"), "read");
    // A grid asks again every few seconds; while nothing changed, the answer is a bodiless 304.
    const etag = `"${await room.indexVersion()}"`;
    c.header("ETag", etag);
    c.header("Cache-Control", "private, no-cache");
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
    const order = await room.rowOrder(query);
    const next = query.offset + order.rows.length;
    const page: RowOrderPage = { ...order, nextCursor: next < order.total ? cursorFor(next) : null };
    return c.json(page);
  })
  .post("/:id/rows", async (c) => {
    const body = await readBatchJson(c);
    if (isBatch(body)) {
      const { rows } = parseBatch(body, RowsInsert, "rows");
      const { room, access } = await requireTable(c, c.req.param("id"), "write");
      const ids = unwrap(
        await room.insertRows(
          rows.map((r) => r.cells),
          originOf(access),
        ),
      );
      return c.json({ ids }, 201);
    }
    const { cells } = parseBody(body, RowWrite);
    const { room, access } = await requireTable(c, c.req.param("id"), "write");
    const id = unwrap(await room.insertRow(cells, originOf(access)));
    return c.json({ id }, 201);
  })
  .patch("/:id/rows", async (c) => {
    const { rows } = parseBatch(await readBatchJson(c), RowsPatch, "rows");
    const { room, access } = await requireTable(c, c.req.param("id"), "write");
    return c.json({ rows: unwrap(await room.patchRows(rows, originOf(access))) });
  })
  .delete("/:id/rows", async (c) => {
    const { ids } = parseBatch(await readBatchJson(c), RowsDelete, "ids");
    const { room, access } = await requireTable(c, c.req.param("id"), "write");
    return c.json({ deleted: unwrap(await room.deleteRowsExactly(ids, originOf(access))) });
  })
  .patch("/:id/rows/:rowId", async (c) => {
    const { cells } = await readBody(c, RowWrite);
    const { room, access } = await requireTable(c, c.req.param("id"), "write");
    return c.json(unwrap(await room.patchRow(c.req.param("rowId"), cells, originOf(access))));
  })
  .get("/:id/rows/:rowId/history", async (c) => {
    const { room } = await requireTable(c, c.req.param("id"), "read");
    const changes = await room.rowHistory(c.req.param("rowId"));
    const names = await originNames(
      c.get("db"),
      changes.map((ch) => ch.origin),
    );
    const entries: RowHistoryEntry[] = changes.map((ch, i) => ({
      at: new Date(ch.at).toISOString(),
      kind: ch.kind,
      columnId: ch.colId,
      old: ch.oldValue === null ? null : (JSON.parse(ch.oldValue) as CellValue),
      new: ch.newValue === null ? null : (JSON.parse(ch.newValue) as CellValue),
      by: names[i]!,
    }));
    return c.json({ changes: entries });
  })
  .delete("/:id/rows/:rowId", async (c) => {
    const { room, access } = await requireTable(c, c.req.param("id"), "write");
    unwrap(await room.deleteRow(c.req.param("rowId"), originOf(access)));
    return c.body(null, 204);
  });

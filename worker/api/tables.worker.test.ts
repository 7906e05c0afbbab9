import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, json, memberWithRole, ownerWithWorkspace, signUp } from "../test/http";

type Detail = {
  id: string;
  name: string;
  rowCount: number;
  columns: { id: string; name: string; type: string }[];
  docs: string[];
};
type Page = { rows: { id: string; cells: Record<string, unknown> }[]; total: number; nextCursor: string | null };

async function tableWith(owner: { cookie: string }, slug: string) {
  const res = await call(owner, "POST", `/api/tables?workspace=${slug}`, {
    name: "Dealerships",
    columns: [
      { name: "Name", type: "text" },
      { name: "Distance", type: "number" },
      { name: "Makes", type: "multiSelect" },
      { name: "Open", type: "checkbox" },
    ],
  });
  expect(res.status).toBe(201);
  return json<Detail>(res);
}

describe("tables API", () => {
  it("creates a table with columns and lists it with its row count", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const table = await tableWith(owner, ws.slug);
    expect(table.columns.map((c) => [c.name, c.type])).toEqual([
      ["Name", "text"],
      ["Distance", "number"],
      ["Makes", "multiSelect"],
      ["Open", "checkbox"],
    ]);
    expect(table.docs).toEqual(["manifest", "b0"]);
    await call(owner, "POST", `/api/tables/${table.id}/rows`, { cells: { Name: "Hill Country Ford" } });
    const list = await json<{ id: string; rowCount: number }[]>(
      await call(owner, "GET", `/api/tables?workspace=${ws.slug}`),
    );
    expect(list).toEqual([
      {
        id: table.id,
        name: "Dealerships",
        rowCount: 1,
        docs: ["manifest", "b0"],
        lastActivity: { at: expect.any(String), by: owner.name },
      },
    ]);
    const { lastActivity } = (list as unknown as { lastActivity: { at: string } }[])[0]!;
    expect(Date.now() - Date.parse(lastActivity.at)).toBeLessThan(60_000);
  });

  it("writes, reads, patches and deletes rows, by column name or id", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const t = await tableWith(owner, ws.slug);
    const [name, distance, makes, open] = t.columns.map((c) => c.id) as [string, string, string, string];
    const created = await call(owner, "POST", `/api/tables/${t.id}/rows`, {
      cells: { Name: "Lone Star Honda", [distance]: 12.5, Makes: ["Honda"], Open: true },
    });
    expect(created.status).toBe(201);
    const { id } = await json<{ id: string }>(created);
    const patched = await json<{ cells: Record<string, unknown> }>(
      await call(owner, "PATCH", `/api/tables/${t.id}/rows/${id}`, { cells: { distance: 13, Open: null } }),
    );
    expect(patched.cells).toEqual({ [name]: "Lone Star Honda", [distance]: 13, [makes]: ["Honda"] });
    expect(open).toBeTruthy();
    expect((await call(owner, "DELETE", `/api/tables/${t.id}/rows/${id}`)).status).toBe(204);
    expect((await json<Page>(await call(owner, "GET", `/api/tables/${t.id}/rows`))).total).toBe(0);
    expect((await call(owner, "DELETE", `/api/tables/${t.id}/rows/${id}`)).status).toBe(404);
  });

  it("sorts, filters and pages rows from the row index", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const t = await tableWith(owner, ws.slug);
    const [name, distance, makes] = t.columns.map((c) => c.id) as [string, string, string];
    const dealers = [
      ["Austin Ford", 5, ["Ford"]],
      ["Bastrop Chevrolet", 30, ["Chevrolet"]],
      ["Cedar Park Honda", 18, ["Honda"]],
      ["Dripping Springs Ford", 22, ["Ford", "Lincoln"]],
      ["Elgin Toyota", null, ["Toyota"]],
    ] as const;
    for (const [n, d, m] of dealers) {
      await call(owner, "POST", `/api/tables/${t.id}/rows`, { cells: { [name]: n, [distance]: d, [makes]: [...m] } });
    }
    const byDistance = await json<Page>(await call(owner, "GET", `/api/tables/${t.id}/rows?sort=${distance}:desc`));
    expect(byDistance.rows.map((r) => r.cells[name])).toEqual([
      "Bastrop Chevrolet",
      "Dripping Springs Ford",
      "Cedar Park Honda",
      "Austin Ford",
      "Elgin Toyota",
    ]);
    const fords = await json<Page>(
      await call(owner, "GET", `/api/tables/${t.id}/rows?filter=${makes}:contains:ford&sort=${name}:asc`),
    );
    expect(fords.rows.map((r) => r.cells[name])).toEqual(["Austin Ford", "Dripping Springs Ford"]);
    const near = await json<Page>(await call(owner, "GET", `/api/tables/${t.id}/rows?filter=${distance}:lte:20`));
    expect(near.total).toBe(2);
    const between = await json<Page>(
      await call(owner, "GET", `/api/tables/${t.id}/rows?filter=${distance}:between:18,22&sort=${name}:asc`),
    );
    expect(between.rows.map((r) => r.cells[name])).toEqual(["Cedar Park Honda", "Dripping Springs Ford"]);
    const makesAny = await json<Page>(
      await call(owner, "GET", `/api/tables/${t.id}/rows?filter=${makes}:anyof:lincoln,toyota&sort=${name}:asc`),
    );
    expect(makesAny.rows.map((r) => r.cells[name])).toEqual(["Dripping Springs Ford", "Elgin Toyota"]);
    const noDistance = await json<Page>(await call(owner, "GET", `/api/tables/${t.id}/rows?filter=${distance}:empty:`));
    expect(noDistance.rows.map((r) => r.cells[name])).toEqual(["Elgin Toyota"]);
    const page1 = await json<Page>(await call(owner, "GET", `/api/tables/${t.id}/rows?limit=2&sort=${name}:asc`));
    expect(page1.rows.map((r) => r.cells[name])).toEqual(["Austin Ford", "Bastrop Chevrolet"]);
    const page2 = await json<Page>(
      await call(owner, "GET", `/api/tables/${t.id}/rows?limit=2&sort=${name}:asc&cursor=${page1.nextCursor}`),
    );
    expect(page2.rows.map((r) => r.cells[name])).toEqual(["Cedar Park Honda", "Dripping Springs Ford"]);
    expect(page2.total).toBe(5);
  });

  it("refuses bad input, naming what is wrong", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const t = await tableWith(owner, ws.slug);
    const rows = `/api/tables/${t.id}/rows`;
    const message = async (res: Response) => (await json<{ error: { message: string } }>(res)).error.message;
    expect(await message(await call(owner, "POST", rows, { cells: { Nope: 1 } }))).toBe("cells.Nope: no such column");
    expect(await message(await call(owner, "POST", rows, { cells: { Distance: "far" } }))).toBe(
      "cells.Distance: expected a number",
    );
    expect(await message(await call(owner, "POST", rows, { rows: [] }))).toBe("rows: give at least one row");
    expect(await message(await call(owner, "POST", rows, { name: "x" }))).toMatch(/^cells:/);
    expect((await call(owner, "GET", `${rows}?limit=0`)).status).toBe(400);
    expect((await call(owner, "GET", `${rows}?sort=c1`)).status).toBe(400);
    expect((await call(owner, "GET", `${rows}?filter=c1:like:x`)).status).toBe(400);
    expect((await call(owner, "GET", `${rows}?cursor=!!`)).status).toBe(400);
    expect((await call(owner, "PATCH", `${rows}/rnope`, { cells: {} })).status).toBe(404);
    expect((await call(owner, "GET", "/api/tables/tnope")).status).toBe(404);
    const dup = await call(owner, "POST", `/api/tables?workspace=${ws.slug}`, {
      name: "X",
      columns: [{ name: "A" }, { name: "a" }],
    });
    expect(await message(dup)).toMatch(/appears twice/);
  });

  it("lets viewers read but not write, and strangers neither", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const t = await tableWith(owner, ws.slug);
    const viewer = await memberWithRole(owner, base, "viewer");
    expect((await call(viewer, "GET", `/api/tables/${t.id}/rows`)).status).toBe(200);
    expect((await call(viewer, "POST", `/api/tables/${t.id}/rows`, { cells: { Name: "x" } })).status).toBe(403);
    expect((await call(viewer, "POST", `/api/tables?workspace=${ws.slug}`, { name: "V" })).status).toBe(403);
    const stranger = await signUp();
    expect((await call(stranger, "GET", `/api/tables/${t.id}`)).status).toBe(403);
    expect((await call(stranger, "GET", `/api/tables?workspace=${ws.slug}`)).status).toBe(403);
  });

  it("gives a row's timeline: who changed which cell, from what to what", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const t = await tableWith(owner, ws.slug);
    const [name, distance] = t.columns.map((c) => c.id) as [string, string];
    const { id } = await json<{ id: string }>(
      await call(owner, "POST", `/api/tables/${t.id}/rows`, { cells: { Name: "Austin Ford" } }),
    );
    const editor = await memberWithRole(owner, base, "editor");
    await call(editor, "PATCH", `/api/tables/${t.id}/rows/${id}`, {
      cells: { Name: "Austin Ford Lincoln", Distance: 7 },
    });
    const res = await call(owner, "GET", `/api/tables/${t.id}/rows/${id}/history`);
    const { changes } = await json<{
      changes: { kind: string; columnId: string | null; old: unknown; new: unknown; by: string }[];
    }>(res);
    expect(changes.map(({ kind, columnId, old, new: next, by }) => ({ kind, columnId, old, new: next, by }))).toEqual([
      { kind: "insert", columnId: null, old: null, new: { [name]: "Austin Ford" }, by: "Owner" },
      { kind: "update", columnId: name, old: "Austin Ford", new: "Austin Ford Lincoln", by: "Editor" },
      { kind: "update", columnId: distance, old: null, new: 7, by: "Editor" },
    ]);
    const stranger = await signUp();
    expect((await call(stranger, "GET", `/api/tables/${t.id}/rows/${id}/history`)).status).toBe(403);
  });

  it("renames and deletes tables (editors), with what they held, files included", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const t = await tableWith(owner, ws.slug);
    await call(owner, "POST", `/api/tables/${t.id}/rows`, { cells: { Name: "Austin Ford" } });
    const viewer = await memberWithRole(owner, base, "viewer");
    expect((await call(viewer, "PATCH", `/api/tables/${t.id}`, { name: "Mine" })).status).toBe(403);
    expect((await call(owner, "PATCH", `/api/tables/${t.id}`, { name: " " })).status).toBe(400);
    const renamed = await json<{ name: string }>(
      await call(owner, "PATCH", `/api/tables/${t.id}`, { name: "Texas dealers" }),
    );
    expect(renamed.name).toBe("Texas dealers");
    expect(
      (await json<{ name: string }[]>(await call(owner, "GET", `/api/tables?workspace=${ws.slug}`)))[0]?.name,
    ).toBe("Texas dealers");
    const upload = await call(owner, "POST", `/api/tables/${t.id}/files?name=notes.txt`, "call back Monday", {
      "content-type": "text/plain",
    });
    expect(upload.status).toBe(201);
    await env.FILES.put(`contact/${t.id}/row1/2026-11-26T10-00-00-000Z/failure.jpg`, "jpeg");
    expect((await call(viewer, "DELETE", `/api/tables/${t.id}`)).status).toBe(403);
    expect((await call(owner, "DELETE", `/api/tables/${t.id}`)).status).toBe(204);
    for (const prefix of [`files/${t.id}/`, `contact/${t.id}/`])
      expect((await env.FILES.list({ prefix })).objects).toEqual([]);
    expect((await call(owner, "GET", `/api/tables/${t.id}`)).status).toBe(404);
    expect(await json(await call(owner, "GET", `/api/tables?workspace=${ws.slug}`))).toEqual([]);
    const stub = env.TABLE_ROOM.get(env.TABLE_ROOM.idFromName(t.id));
    expect(await (stub as unknown as { rowCount(): Promise<number> }).rowCount()).toBe(0);
  });
});

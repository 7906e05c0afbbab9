/** `GET /api/tables/:id/order` (a view's row ids and blocks, for windowed grids) and `/views/:viewId/rows` (a view's first rows, served with the page). */
import { describe, expect, it } from "vitest";
import type { ViewPage } from "../../schema/tables";
import { readView, writeView } from "../../sync/layout";
import { call, json, memberWithRole, ownerWithWorkspace, signUp } from "../test/http";
import { connect } from "../test/socket";

type Order = { rows: [string, string][]; total: number; lastPos: string | null; nextCursor: string | null };

async function dealerTable() {
  const { owner, ws, base } = await ownerWithWorkspace();
  const res = await call(owner, "POST", `/api/tables?workspace=${ws.slug}`, {
    name: "Dealerships",
    columns: [
      { name: "Name", type: "text" },
      { name: "Distance", type: "number" },
    ],
  });
  const table = await json<{ id: string; columns: { id: string }[] }>(res);
  const [name, distance] = table.columns.map((c) => c.id) as [string, string];
  const dealers: [string, number | null][] = [
    ["Elgin Toyota", 40],
    ["Austin Ford", 5],
    ["Cedar Park Honda", 18],
    ["Bastrop Chevrolet", null],
    ["Dripping Springs Ford", 22],
  ];
  const ids = new Map<string, string>();
  for (const [n, d] of dealers) {
    const created = await call(owner, "POST", `/api/tables/${table.id}/rows`, { cells: { [name]: n, [distance]: d } });
    ids.set(n, (await json<{ id: string }>(created)).id);
  }
  const order = async (query = "", who = owner) =>
    json<Order>(await call(who, "GET", `/api/tables/${table.id}/order${query}`));
  return { owner, base, table, name, distance, ids, order };
}

describe("tables API — a view's order", () => {
  it("lists every row's id and block in manual order, with the total and the last position", async () => {
    const { ids, order } = await dealerTable();
    const all = await order();
    expect(all.rows).toEqual([...ids.values()].map((id) => [id, "b0"]));
    expect(all.total).toBe(5);
    expect(all.lastPos).toMatch(/^\w+$/);
    expect(all.nextCursor).toBeNull();
  });

  it("sorts and filters on the row index, empty cells last", async () => {
    const { ids, order, name, distance } = await dealerTable();
    const names = (o: Order) => o.rows.map(([id]) => [...ids].find(([, v]) => v === id)?.[0]);
    expect(names(await order(`?sort=${distance}:desc`))).toEqual([
      "Elgin Toyota",
      "Dripping Springs Ford",
      "Cedar Park Honda",
      "Austin Ford",
      "Bastrop Chevrolet",
    ]);
    const fords = await order(`?filter=${name}:contains:ford&sort=${name}:asc`);
    expect(names(fords)).toEqual(["Austin Ford", "Dripping Springs Ford"]);
    expect(fords.total).toBe(2);
    expect((await order(`?filter=${distance}:lte:20`)).total).toBe(2);
  });

  it("orders text as the grid does: by code point of the lower-cased text, empty cells last", async () => {
    const { owner, table, name, order } = await dealerTable();
    const more = ["item 10", "Item 2", "éclair", "zebra", ""];
    const ids = new Map<string, string>();
    for (const n of more) {
      const created = await call(owner, "POST", `/api/tables/${table.id}/rows`, { cells: { [name]: n } });
      ids.set((await json<{ id: string }>(created)).id, n);
    }
    const names = (o: Order) => o.rows.map(([id]) => ids.get(id)).filter((n) => n !== undefined);
    // The same order as app/grid/view.test.ts expects of the grid.
    expect(names(await order(`?sort=${name}:asc`))).toEqual(["item 10", "Item 2", "zebra", "éclair", ""]);
    expect(names(await order(`?sort=${name}:desc`))).toEqual(["éclair", "zebra", "Item 2", "item 10", ""]);
    expect((await order(`?filter=${name}:empty:`)).total).toBe(1);
  });

  it("pages a long order with a cursor", async () => {
    const { ids, order } = await dealerTable();
    const first = await order("?limit=3");
    expect(first.rows).toHaveLength(3);
    expect(first.total).toBe(5);
    const rest = await order(`?limit=3&cursor=${first.nextCursor}`);
    expect([...first.rows, ...rest.rows].map(([id]) => id)).toEqual([...ids.values()]);
    expect(rest.nextCursor).toBeNull();
  });

  it("answers 304 to an unchanged order and a new one once a row changes", async () => {
    const { owner, table, name } = await dealerTable();
    const path = `/api/tables/${table.id}/order`;
    const first = await call(owner, "GET", path);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await call(owner, "GET", path, undefined, { "if-none-match": etag! });
    expect(again.status).toBe(304);
    await call(owner, "POST", `/api/tables/${table.id}/rows`, { cells: { [name]: "Georgetown Kia" } });
    const changed = await call(owner, "GET", path, undefined, { "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect((await json<Order>(changed)).total).toBe(6);
  });

  it("refuses bad parameters and lets viewers read but not strangers", async () => {
    const { owner, base, table, order } = await dealerTable();
    const path = `/api/tables/${table.id}/order`;
    expect((await call(owner, "GET", `${path}?sort=c1`)).status).toBe(400);
    expect((await call(owner, "GET", `${path}?filter=c1:like:x`)).status).toBe(400);
    expect((await call(owner, "GET", `${path}?limit=0`)).status).toBe(400);
    expect((await call(owner, "GET", "/api/tables/tnope/order")).status).toBe(404);
    const viewer = await memberWithRole(owner, base, "viewer");
    expect((await order("", viewer)).total).toBe(5);
    expect((await call(await signUp(), "GET", path)).status).toBe(403);
  });
});

describe("tables API — a saved view's first rows", () => {
  it("answers the view's rows as it sorts and filters them, with blocks, positions, cells and the view", async () => {
    const { owner, table, name, distance, ids } = await dealerTable();
    const mux = await connect(owner, table.id);
    const manifest = mux.doc("manifest");
    await mux.until("the manifest", () => manifest.getArray("columns").length === 2);
    manifest.transact(() =>
      writeView(manifest, "near", {
        ...readView(manifest, "near"),
        name: "Near fords",
        sorts: [{ columnId: distance, direction: "desc" }],
        filters: [{ columnId: name, op: "contains", value: "ford" }],
        hidden: [distance],
      }),
    );
    const page = async (view: string, query = "") => {
      const res = await call(owner, "GET", `/api/tables/${table.id}/views/${view}/rows${query}`);
      expect(res.status).toBe(200);
      return json<ViewPage>(res);
    };
    let near = await page("near");
    for (let i = 0; i < 50 && near.view.name !== "Near fords"; i++) near = await page("near");
    mux.close();
    expect(near.viewId).toBe("near");
    expect(near.view.hidden).toEqual([distance]);
    expect(near.total).toBe(2);
    expect(near.rows.map((r) => r.cells[name])).toEqual(["Dripping Springs Ford", "Austin Ford"]);
    expect(near.rows[0]).toMatchObject({
      id: ids.get("Dripping Springs Ford"),
      block: "b0",
      cells: { [distance]: 22 },
    });
    expect(near.rows[0]!.pos).toMatch(/^\w+$/);

    // A view that is gone reads as the default one, as the grid falls back to it.
    const gone = await page("deleted-view", "?limit=2");
    expect(gone.viewId).toBe("default");
    expect(gone.total).toBe(5);
    expect(gone.rows.map((r) => r.cells[name])).toEqual(["Elgin Toyota", "Austin Ford"]);
  });

  it("refuses a bad limit and strangers", async () => {
    const { owner, table } = await dealerTable();
    const path = `/api/tables/${table.id}/views/default/rows`;
    expect((await call(owner, "GET", `${path}?limit=0`)).status).toBe(400);
    expect((await call(await signUp(), "GET", path)).status).toBe(403);
  });
});

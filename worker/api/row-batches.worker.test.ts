import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import { tableWith } from "../test/tables";
import { MAX_BATCH_BYTES, MAX_BATCH_ROWS } from "./row-batches";

type Row = { id: string; cells: Record<string, unknown> };
type Page = { rows: Row[]; total: number; nextCursor: string | null };
type Detail = { columns: { id: string; name: string }[]; blocks: { doc: string; rows: number }[]; rowCount: number };
type Refusal = { error: { status: number; message: string } };

async function dealerships() {
  const ctx = await ownerWithWorkspace();
  const res = await call(ctx.owner, "POST", `/api/tables?workspace=${ctx.ws.slug}`, {
    name: "Dealerships",
    columns: [
      { name: "Name", type: "text" },
      { name: "Distance", type: "number" },
      { name: "Open", type: "checkbox" },
    ],
  });
  const table = await json<{ id: string; columns: { id: string }[] }>(res);
  const [name, distance, open] = table.columns.map((c) => c.id) as [string, string, string];
  const path = `/api/tables/${table.id}`;
  const send = (method: string, body: unknown, who: { cookie: string } = ctx.owner) =>
    call(who, method, `${path}/rows`, body);
  const detail = async () => json<Detail>(await call(ctx.owner, "GET", path));
  /** Every row in the table's order, paging through the API. */
  const all = async () => {
    const rows: Row[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await json<Page>(
        await call(ctx.owner, "GET", `${path}/rows?limit=500${cursor ? `&cursor=${cursor}` : ""}`),
      );
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  };
  const stub = env.TABLE_ROOM.get(env.TABLE_ROOM.idFromName(table.id));
  /** Yjs updates in the room's log, by doc (one per transaction until the log is compacted). */
  const loggedUpdates = () =>
    runInDurableObject(stub, (_room, state) =>
      Object.fromEntries(
        state.storage.sql
          .exec<{ doc: string; n: number }>("SELECT doc, count(*) AS n FROM update_log GROUP BY doc")
          .toArray()
          .map((r) => [r.doc, r.n]),
      ),
    );
  return { ...ctx, tableId: table.id, path, name, distance, open, send, detail, all, loggedUpdates };
}

/** Dealer `i`'s cells, by column name. */
const dealer = (i: number) => ({ Name: `Dealer ${i}`, Distance: i * 1.5, Open: i % 2 === 0 });
const rowsFrom = (first: number, count: number) =>
  Array.from({ length: count }, (_, k) => ({ cells: dealer(first + k) }));
const messageOf = async (res: Response) => (await json<Refusal>(res)).error.message;

describe("rows in bulk — insert", () => {
  it("adds 2,500 rows in requests that span blocks, one update per block doc, read back in order", async () => {
    const t = await dealerships();
    const ids: string[] = [];
    for (const [first, count] of [
      [0, 700],
      [700, 1000],
      [1700, 800],
    ] as const) {
      const res = await t.send("POST", { rows: rowsFrom(first, count) });
      expect(res.status).toBe(201);
      const body = await json<{ ids: string[] }>(res);
      expect(body.ids).toHaveLength(count);
      ids.push(...body.ids);
      if (first === 700) expect(await t.loggedUpdates()).toMatchObject({ b0: 2, b1: 1 });
    }
    expect(new Set(ids).size).toBe(2500);
    const detail = await t.detail();
    expect(detail.rowCount).toBe(2500);
    expect(detail.blocks).toEqual([
      { doc: "b0", rows: 1000 },
      { doc: "b1", rows: 1000 },
      { doc: "b2", rows: 500 },
    ]);
    const rows = await t.all();
    expect(rows.map((r) => r.id)).toEqual(ids);
    rows.forEach((row, i) => {
      const { Name, Distance, Open } = dealer(i);
      expect(row.cells).toEqual({ [t.name]: Name, [t.distance]: Distance, [t.open]: Open });
    });
  });

  it("refuses the whole request when one cell is wrong, naming its row and column, and writes nothing", async () => {
    const t = await dealerships();
    await t.send("POST", { rows: rowsFrom(0, 2) });
    const rows = rowsFrom(2, 20);
    rows[12] = { cells: { ...dealer(14), Distance: "far" as unknown as number } };
    const res = await t.send("POST", { rows });
    expect(res.status).toBe(400);
    expect(await messageOf(res)).toBe("rows[12].cells.Distance: expected a number");
    const unknown = rowsFrom(2, 5) as { cells: Record<string, unknown> }[];
    unknown[3] = { cells: { Nope: 1 } };
    expect(await messageOf(await t.send("POST", { rows: unknown }))).toBe("rows[3].cells.Nope: no such column");
    expect(await messageOf(await t.send("POST", { rows: [{ cells: {} }, { name: "x" }] }))).toMatch(
      /^rows\[1\]\.cells: /,
    );
    expect(await messageOf(await t.send("POST", { rows: [] }))).toBe("rows: give at least one row");
    expect((await t.detail()).rowCount).toBe(2);
  });

  it("still takes one row as { cells }", async () => {
    const t = await dealerships();
    const res = await t.send("POST", { cells: dealer(1) });
    expect(res.status).toBe(201);
    const { id } = await json<{ id: string }>(res);
    expect(await t.all()).toEqual([{ id, cells: { [t.name]: "Dealer 1", [t.distance]: 1.5, [t.open]: false } }]);
    expect(await messageOf(await t.send("POST", { cells: { Distance: "far" } }))).toBe(
      "cells.Distance: expected a number",
    );
  });

  it("refuses more than the limit of rows, or bytes, a request, and writes nothing", async () => {
    const t = await dealerships();
    const over = await t.send("POST", { rows: rowsFrom(0, MAX_BATCH_ROWS + 1) });
    expect(over.status).toBe(413);
    expect(await messageOf(over)).toBe(
      `rows: at most ${MAX_BATCH_ROWS} rows a request (this one has ${MAX_BATCH_ROWS + 1}); send them in several requests`,
    );
    const long = "x".repeat(50_000);
    const heavy = Array.from({ length: Math.ceil(MAX_BATCH_BYTES / long.length) }, () => ({ cells: { Name: long } }));
    const tooBig = await t.send("POST", { rows: heavy });
    expect(tooBig.status).toBe(413);
    expect(await messageOf(tooBig)).toBe("Body too large: at most 1,000,000 bytes a request; send the rows in several");
    const ids = Array.from({ length: MAX_BATCH_ROWS + 1 }, (_, i) => `r${i}`);
    expect((await t.send("DELETE", { ids })).status).toBe(413);
    expect((await t.send("PATCH", { rows: ids.map((id) => ({ id, cells: {} })) })).status).toBe(413);
    expect((await t.detail()).rowCount).toBe(0);
  });
});

describe("rows in bulk — patch and delete", () => {
  it("patches many rows in one request, clearing cells given null, and returns them", async () => {
    const t = await dealerships();
    const { ids } = await json<{ ids: string[] }>(await t.send("POST", { rows: rowsFrom(0, 5) }));
    const res = await t.send("PATCH", {
      rows: [
        { id: ids[4], cells: { Distance: 99 } },
        { id: ids[1], cells: { name: "Renamed", Open: null } },
      ],
    });
    expect(res.status).toBe(200);
    expect((await json<{ rows: Row[] }>(res)).rows).toEqual([
      { id: ids[4], cells: { [t.name]: "Dealer 4", [t.distance]: 99, [t.open]: true } },
      { id: ids[1], cells: { [t.name]: "Renamed", [t.distance]: 1.5 } },
    ]);
    expect((await t.all()).map((r) => r.cells[t.name])).toEqual([
      "Dealer 0",
      "Renamed",
      "Dealer 2",
      "Dealer 3",
      "Dealer 4",
    ]);
  });

  it("refuses a patch with an unknown or repeated row id or a wrong cell, and changes nothing", async () => {
    const t = await dealerships();
    const { ids } = await json<{ ids: string[] }>(await t.send("POST", { rows: rowsFrom(0, 3) }));
    const before = await t.all();
    const unknown = await t.send("PATCH", {
      rows: [
        { id: ids[0], cells: { Distance: 1 } },
        { id: "rnope", cells: { Distance: 2 } },
      ],
    });
    expect(unknown.status).toBe(404);
    expect(await messageOf(unknown)).toBe('rows[1].id: no row "rnope" in this table');
    const twice = await t.send("PATCH", {
      rows: [
        { id: ids[0], cells: { Distance: 1 } },
        { id: ids[0], cells: { Distance: 2 } },
      ],
    });
    expect(twice.status).toBe(400);
    expect(await messageOf(twice)).toMatch(/^rows\[1\]\.id: .* is also rows\[0\]/);
    const wrong = await t.send("PATCH", {
      rows: [
        { id: ids[0], cells: { Distance: 1 } },
        { id: ids[2], cells: { Open: "yes" } },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(await messageOf(wrong)).toBe("rows[1].cells.Open: expected true or false");
    expect(await t.all()).toEqual(before);
  });

  it("deletes many rows in one request, or none when an id is unknown", async () => {
    const t = await dealerships();
    const ids: string[] = [];
    for (const [first, count] of [
      [0, 1000],
      [1000, 200],
    ] as const)
      ids.push(...(await json<{ ids: string[] }>(await t.send("POST", { rows: rowsFrom(first, count) }))).ids);
    const gone = [ids[0]!, ids[999]!, ids[1000]!, ids[1199]!];
    const unknown = await t.send("DELETE", { ids: [gone[0], "rnope"] });
    expect(unknown.status).toBe(404);
    expect(await messageOf(unknown)).toBe('ids[1]: no row "rnope" in this table');
    expect((await t.detail()).rowCount).toBe(1200);
    const res = await t.send("DELETE", { ids: gone });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ deleted: 4 });
    const left = await t.all();
    expect(left).toHaveLength(1196);
    expect(left.some((r) => gone.includes(r.id))).toBe(false);
    expect((await t.detail()).blocks).toEqual([
      { doc: "b0", rows: 998 },
      { doc: "b1", rows: 198 },
    ]);
  });
});

describe("rows in bulk — who may, and what follows", () => {
  it("refuses viewers (403) and writes nothing", async () => {
    const t = await dealerships();
    const { ids } = await json<{ ids: string[] }>(await t.send("POST", { rows: rowsFrom(0, 2) }));
    const viewer = await memberWithRole(t.owner, t.base, "viewer");
    expect((await t.send("POST", { rows: rowsFrom(2, 3) }, viewer)).status).toBe(403);
    expect((await t.send("PATCH", { rows: [{ id: ids[0], cells: { Distance: 1 } }] }, viewer)).status).toBe(403);
    expect((await t.send("DELETE", { ids }, viewer)).status).toBe(403);
    expect((await t.all()).map((r) => r.cells[t.distance])).toEqual([0, 1.5]);
  });

  it("fires trigger rules on the rows a bulk insert adds, as for rows added one by one", async () => {
    const t = await tableWith([
      { name: "Name", type: "text" },
      { name: "Score", type: "number" },
      { name: "Status", type: "text" },
    ]);
    await t.rule("hot", {
      name: "Mark hot leads",
      when: "{Score} >= 80",
      action: { name: "set-fields", params: { fields: { Status: "hot" } } },
    });
    const res = await call(t.owner, "POST", `${t.path}/rows`, {
      rows: [90, 10, 85].map((Score, i) => ({ cells: { Name: `Lead ${i}`, Score } })),
    });
    const { ids } = await json<{ ids: string[] }>(res);
    const runs = await t.runs();
    expect(runs.map((r) => [r.rowId, r.outcome]).sort()).toEqual(
      [
        [ids[0], "succeeded"],
        [ids[2], "succeeded"],
      ].sort(),
    );
    expect((await t.rows()).map((r) => r.cells[t.col("Status")] ?? null)).toEqual(["hot", null, "hot"]);
  });
});

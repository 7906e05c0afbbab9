import { env, evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { insertRow, LAYOUT_VERSION, readRow, deleteRow as removeRow, setCells } from "../../sync/layout";
import { CLOSE_OUTDATED, encodeMessage, MAX_FRAME_BYTES } from "../../sync/protocol";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import { connect } from "../test/socket";
import { CLOSE } from "./table-room";

type Page = { rows: { id: string; cells: Record<string, unknown> }[]; total: number };

async function setup() {
  const ctx = await ownerWithWorkspace();
  const res = await call(ctx.owner, "POST", `/api/tables?workspace=${ctx.ws.slug}`, {
    name: "Leads",
    columns: [
      { name: "Name", type: "text" },
      { name: "Score", type: "number" },
    ],
  });
  const table = await json<{ id: string }>(res);
  const stub = env.TABLE_ROOM.get(env.TABLE_ROOM.idFromName(table.id));
  return { ...ctx, tableId: table.id, stub };
}

const rowsOf = async (client: { cookie: string }, tableId: string) =>
  json<Page>(await call(client, "GET", `/api/tables/${tableId}/rows?limit=500`));

describe("TableRoom — sync over WebSockets", () => {
  it("brings two y-websocket clients to the same state and indexes what they write", async () => {
    const { owner, tableId } = await setup();
    const a = await connect(owner, `${tableId}:b0`);
    const b = await connect(owner, `${tableId}:b0`);
    a.doc().transact(() => insertRow(a.doc(), "r1", { c1: "Ana's lead", c2: 7 }, "a0"));
    await b.until("b to see r1", () => readRow(b.doc(), "r1") !== null);
    b.doc().transact(() => setCells(b.doc(), "r1", { c2: 9 }));
    await a.until("a to see the new score", () => readRow(a.doc(), "r1")?.c2 === 9);
    const page = await rowsOf(owner, tableId);
    expect(page.rows).toEqual([{ id: "r1", cells: { c1: "Ana's lead", c2: 9 } }]);
    a.close();
    b.close();
  });

  it("sees API writes live", async () => {
    const { owner, tableId } = await setup();
    const a = await connect(owner, `${tableId}:b0`);
    const { id } = await json<{ id: string }>(
      await call(owner, "POST", `/api/tables/${tableId}/rows`, { cells: { Name: "From the API" } }),
    );
    await a.until("the API row", () => readRow(a.doc(), id)?.c1 === "From the API");
    a.close();
  });

  it("sees rows inserted in bulk through the API live, in every block they land in", async () => {
    const { owner, tableId } = await setup();
    const mux = await connect(owner, tableId);
    const [b0, b1] = [mux.doc("b0"), mux.doc("b1")];
    await mux.until(
      "both blocks synced",
      () => mux.received.filter((r) => r.message.type === "sync-step-2").length >= 2,
    );
    const rows = (first: number) =>
      Array.from({ length: 600 }, (_, i) => ({ cells: { Name: `Lead ${first + i}`, Score: first + i } }));
    const ids: string[] = [];
    for (const first of [0, 600]) {
      const res = await call(owner, "POST", `/api/tables/${tableId}/rows`, { rows: rows(first) });
      ids.push(...(await json<{ ids: string[] }>(res)).ids);
    }
    await mux.until(
      "1,200 rows over two blocks",
      () => b0.getMap("rows").size === 1000 && b1.getMap("rows").size === 200,
    );
    expect(readRow(b0, ids[0]!)).toEqual({ c1: "Lead 0", c2: 0 });
    expect(readRow(b0, ids[999]!)).toEqual({ c1: "Lead 999", c2: 999 });
    expect(readRow(b1, ids[1199]!)).toEqual({ c1: "Lead 1199", c2: 1199 });
    mux.close();
  });

  it("multiplexes several docs over one table socket", async () => {
    const { owner, tableId } = await setup();
    const mux = await connect(owner, tableId);
    const manifest = mux.doc("manifest");
    const block = mux.doc("b0");
    await mux.until("the manifest", () => manifest.getArray("columns").length === 2);
    block.transact(() => insertRow(block, "rm", { c1: "over mux" }, "a0"));
    const plain = await connect(owner, `${tableId}:b0`);
    await plain.until("the mux edit", () => readRow(plain.doc(), "rm")?.c1 === "over mux");
    mux.close();
    plain.close();
  });

  it("drops a viewer's edits and tells it once", async () => {
    const { owner, base, tableId } = await setup();
    const viewer = await memberWithRole(owner, base, "viewer");
    const v = await connect(viewer, `${tableId}:b0`);
    await v.until("initial sync", () => v.received.some((r) => r.message.type === "sync-step-2"));
    v.doc().transact(() => insertRow(v.doc(), "rv", { c1: "not allowed" }, "a0"));
    v.doc().transact(() => setCells(v.doc(), "rv", { c1: "still not" }));
    await v.until("the refusal", () => v.received.some((r) => r.message.type === "auth"));
    await new Promise((r) => setTimeout(r, 200));
    expect(v.received.filter((r) => r.message.type === "auth")).toHaveLength(1);
    expect((await rowsOf(owner, tableId)).total).toBe(0);
    const editor = await connect(owner, `${tableId}:b0`);
    await editor.until("initial sync", () => editor.received.some((r) => r.message.type === "sync-step-2"));
    expect(readRow(editor.doc(), "rv")).toBeNull();
    expect(v.closed).toBeNull();
    v.close();
    editor.close();
  });

  it("refuses upgrades to another workspace's table and to unknown docs", async () => {
    const { tableId } = await setup();
    const other = await ownerWithWorkspace("Other");
    const res = await call(other.owner, "GET", `/sync/${tableId}:b0`, undefined, { upgrade: "websocket" });
    expect(res.status).toBe(403);
    const { owner, tableId: mine } = await setup();
    expect((await call(owner, "GET", `/sync/${mine}:b01`, undefined, { upgrade: "websocket" })).status).toBe(404);
    expect((await call(owner, "GET", `/sync/${mine}:rows`, undefined, { upgrade: "websocket" })).status).toBe(404);
    expect((await call(owner, "GET", "/sync/tnope:b0", undefined, { upgrade: "websocket" })).status).toBe(404);
  });
});

describe("TableRoom — pages built for an older layout", () => {
  it("turns away the app's socket from a page older than the layout, telling it to reload, and serves a current one", async () => {
    const { owner, tableId } = await setup();
    await call(owner, "POST", `/api/tables/${tableId}/rows`, { cells: { Name: "Kept in a row's base" } });
    for (const layout of [null, LAYOUT_VERSION - 1]) {
      const old = await connect(owner, tableId, { layout });
      old.doc("b0");
      await old.until("the socket to close", () => old.closed !== null);
      expect(old.closed, `layout ${layout}`).toMatchObject({
        code: CLOSE_OUTDATED,
        reason: expect.stringMatching(/reload/),
      });
      expect(old.doc("b0").getMap("rows").size, "nothing reaches it").toBe(0);
    }
    const current = await connect(owner, tableId);
    const b0 = current.doc("b0");
    await current.until("the row", () => b0.getMap("rows").size === 1);
    const [id] = [...b0.getMap("rows").keys()];
    expect(readRow(b0, id!)).toEqual({ c1: "Kept in a row's base" });
    expect(current.closed).toBeNull();
    current.close();
  });
});

describe("TableRoom — bad frames", () => {
  const cases: Array<[string, (tableId: string) => string, (s: Awaited<ReturnType<typeof connect>>) => void, number]> =
    [
      ["a text frame", (t) => `${t}:b0`, (s) => s.raw("hello"), CLOSE.unsupportedData],
      [
        "a truncated message",
        (t) => `${t}:b0`,
        (s) => s.raw(encodeMessage({ type: "sync-update", update: new Uint8Array(40) }).slice(0, 8)),
        CLOSE.invalidPayload,
      ],
      ["an unknown message type", (t) => `${t}:b0`, (s) => s.raw(new Uint8Array([9, 1, 2])), CLOSE.invalidPayload],
      [
        "an update that fails to apply",
        (t) => `${t}:b0`,
        (s) => s.raw(encodeMessage({ type: "sync-update", update: new Uint8Array([3, 250, 1, 7, 7]) })),
        CLOSE.invalidPayload,
      ],
      [
        "a frame over the size limit",
        (t) => `${t}:b0`,
        (s) => s.raw(new Uint8Array(MAX_FRAME_BYTES + 1)),
        CLOSE.tooLarge,
      ],
      [
        "a mux frame for an unknown doc",
        (t) => t,
        (s) => s.raw(new Uint8Array([4, 114, 111, 119, 115, 0, 0, 1, 0])),
        CLOSE.unknownDoc,
      ],
      ["a malformed mux frame", (t) => t, (s) => s.raw(new Uint8Array([200])), CLOSE.invalidPayload],
    ];

  for (const [what, room, send, code] of cases) {
    it(`closes the socket on ${what}, and the room keeps serving others`, async () => {
      const { owner, tableId } = await setup();
      const good = await connect(owner, `${tableId}:b0`);
      good.doc().transact(() => insertRow(good.doc(), "keep", { c1: "kept" }, "a0"));
      const bad = await connect(owner, room(tableId));
      send(bad);
      await bad.until("the close", () => bad.closed !== null);
      expect(bad.closed?.code).toBe(code);
      good.doc().transact(() => setCells(good.doc(), "keep", { c2: 1 }));
      const fresh = await connect(owner, `${tableId}:b0`);
      await fresh.until("the room to keep serving", () => readRow(fresh.doc(), "keep")?.c2 === 1);
      expect((await rowsOf(owner, tableId)).rows).toEqual([{ id: "keep", cells: { c1: "kept", c2: 1 } }]);
      good.close();
      fresh.close();
    });
  }
});

describe("TableRoom — persistence", () => {
  it("keeps everything across a restart of the object", async () => {
    const { owner, tableId, stub } = await setup();
    const a = await connect(owner, `${tableId}:b0`);
    a.doc().transact(() => insertRow(a.doc(), "r1", { c1: "before restart" }, "a0"));
    await a.until("the write to land", () => a.received.length > 1);
    await new Promise((r) => setTimeout(r, 100));
    a.close();
    await call(owner, "POST", `/api/tables/${tableId}/rows`, { cells: { Name: "api row" } });
    await evictDurableObject(stub);
    const b = await connect(owner, `${tableId}:b0`);
    await b.until(
      "both rows after restart",
      () => readRow(b.doc(), "r1")?.c1 === "before restart" && b.doc().getMap("rows").size === 2,
    );
    expect((await rowsOf(owner, tableId)).total).toBe(2);
    b.close();
  });

  it("keeps serving open sockets after hibernating, rebuilding them from their attachments", async () => {
    const { owner, base, tableId, stub } = await setup();
    const viewer = await memberWithRole(owner, base, "viewer");
    const a = await connect(owner, `${tableId}:b0`);
    const b = await connect(owner, tableId);
    const v = await connect(viewer, `${tableId}:b0`);
    const block = b.doc("b0");
    a.doc().transact(() => insertRow(a.doc(), "r1", { c1: "before sleep" }, "a0"));
    await b.until("the first edit", () => readRow(block, "r1") !== null);
    const stepsBefore = a.received.filter((r) => r.message.type === "sync-step-1").length;
    await evictDurableObject(stub, { webSockets: "hibernate" });
    a.doc().transact(() => setCells(a.doc(), "r1", { c1: "after sleep" }));
    await b.until("the edit after waking, over the mux socket", () => readRow(block, "r1")?.c1 === "after sleep");
    await a.until(
      "sync step 1 resent after waking",
      () => a.received.filter((r) => r.message.type === "sync-step-1").length > stepsBefore,
    );
    v.doc().transact(() => setCells(v.doc(), "r1", { c1: "viewer after sleep" }));
    await v.until("the viewer still refused", () => v.received.some((r) => r.message.type === "auth"));
    await new Promise((r) => setTimeout(r, 200));
    expect(readRow(block, "r1")?.c1).toBe("after sleep");
    for (const s of [a, b, v]) s.close();
  });

  it("compacts without changing content", async () => {
    const { owner, tableId, stub } = await setup();
    const a = await connect(owner, `${tableId}:b0`);
    const doc = a.doc();
    for (let i = 0; i < 300; i++) {
      doc.transact(() => {
        if (i % 4 === 0) insertRow(doc, `r${i}`, { c1: `lead ${i}`, c2: i }, `a${String(i).padStart(4, "0")}`);
        else setCells(doc, `r${i - (i % 4)}`, { c2: i * 10 });
      });
    }
    await new Promise((r) => setTimeout(r, 300));
    const before = JSON.stringify(doc.getMap("rows").toJSON());
    a.close();
    await stub.compactNow();
    await evictDurableObject(stub);
    const b = await connect(owner, `${tableId}:b0`);
    await b.until("the compacted state", () => b.doc().getMap("rows").size === 75);
    expect(JSON.stringify(b.doc().getMap("rows").toJSON())).toBe(before);
    b.close();
  });
});

describe("TableRoom — row index", () => {
  it("matches the documents after random edits from sockets and the API", async () => {
    const { owner, tableId } = await setup();
    const a = await connect(owner, `${tableId}:b0`);
    const doc = a.doc();
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const op = rand(10);
      if (op < 4 || ids.length === 0) {
        const id = `r${i}`;
        doc.transact(() =>
          insertRow(doc, id, { c1: `name ${rand(50)}`, c2: rand(100) }, `a${String(i).padStart(4, "0")}`),
        );
        ids.push(id);
      } else if (op < 8) {
        const id = ids[rand(ids.length)]!;
        doc.transact(() =>
          setCells(doc, id, rand(3) === 0 ? { c2: null } : { c1: `renamed ${rand(50)}`, c2: rand(100) }),
        );
      } else if (op < 9) {
        const id = ids.splice(rand(ids.length), 1)[0]!;
        doc.transact(() => removeRow(doc, id));
      } else {
        await call(owner, "POST", `/api/tables/${tableId}/rows`, { cells: { Name: `api ${i}`, Score: rand(100) } });
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    const page = await rowsOf(owner, tableId);
    const fromDoc: Record<string, unknown> = {};
    await a.until("the API rows", () => doc.getMap("rows").size === page.total);
    for (const id of doc.getMap("rows").keys()) fromDoc[id] = readRow(doc, id);
    const fromIndex = Object.fromEntries(page.rows.map((r) => [r.id, r.cells]));
    expect(fromIndex).toEqual(fromDoc);
    a.close();
  });
});

import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { freePort, type Served, serve, testSecrets } from "../scripts/serve";
import { insertRow, readRow, rowCount, setCells } from "../sync/layout";
import { Api } from "./api";

const WAIT_MS = 15_000;

async function until(what: string, check: () => boolean, ms = WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const providers: WebsocketProvider[] = [];

/** A standard y-websocket client, unchanged, on one doc of a table. */
function client(base: string, tableId: string, token: string, doc = "b0") {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(`${base.replace("http", "ws")}/sync`, `${tableId}:${doc}`, ydoc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  providers.push(provider);
  return { ydoc, provider, synced: () => until("initial sync", () => provider.synced) };
}

afterAll(() => {
  for (const p of providers) p.destroy();
});

describe("sync with standard y-websocket clients over real sockets", () => {
  const base = inject("baseUrl");

  it("brings two clients to the same state", async () => {
    const { token, tableId } = await Api.withTable(base);
    const a = client(base, tableId, token);
    const b = client(base, tableId, token);
    await Promise.all([a.synced(), b.synced()]);
    a.ydoc.transact(() => insertRow(a.ydoc, "r1", { c1: "from a" }, "a0"));
    b.ydoc.transact(() => insertRow(b.ydoc, "r2", { c1: "from b" }, "a1"));
    await until("both rows on both sides", () => rowCount(a.ydoc) === 2 && rowCount(b.ydoc) === 2);
    expect(a.ydoc.getMap("rows").toJSON()).toEqual(b.ydoc.getMap("rows").toJSON());
  });

  it("merges edits made offline when the client reconnects, losing nothing", async () => {
    const { token, tableId, api } = await Api.withTable(base);
    const a = client(base, tableId, token);
    const b = client(base, tableId, token);
    await Promise.all([a.synced(), b.synced()]);
    a.ydoc.transact(() => insertRow(a.ydoc, "shared", { c1: "start", c2: 1 }, "a0"));
    await until("b to see the shared row", () => readRow(b.ydoc, "shared") !== null);
    a.provider.disconnect();
    a.ydoc.transact(() => setCells(a.ydoc, "shared", { c1: "edited offline" }));
    a.ydoc.transact(() => insertRow(a.ydoc, "offline", { c1: "added offline" }, "a1"));
    b.ydoc.transact(() => setCells(b.ydoc, "shared", { c2: 2 }));
    await new Promise((r) => setTimeout(r, 300));
    expect(readRow(b.ydoc, "offline")).toBeNull();
    a.provider.connect();
    const merged = { c1: "edited offline", c2: 2 };
    await until(
      "the merge",
      () =>
        JSON.stringify(readRow(a.ydoc, "shared")) === JSON.stringify(merged) &&
        JSON.stringify(readRow(b.ydoc, "shared")) === JSON.stringify(merged) &&
        readRow(b.ydoc, "offline") !== null,
    );
    const rows = await api.request<{ total: number }>("GET", `/api/tables/${tableId}/rows`);
    expect(rows.total).toBe(2);
  });

  it("carries 1,000 rows inserted by one client to another", async () => {
    const { token, tableId, api } = await Api.withTable(base);
    const a = client(base, tableId, token);
    const b = client(base, tableId, token);
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 1000; i++) {
      a.ydoc.transact(() => insertRow(a.ydoc, `r${i}`, { c1: `Dealer ${i}`, c2: i }, `a${String(i).padStart(4, "0")}`));
    }
    await until("all 1,000 rows at b", () => rowCount(b.ydoc) === 1000, 30_000);
    expect(readRow(b.ydoc, "r999")).toEqual({ c1: "Dealer 999", c2: 999 });
    const page = await api.request<{ total: number }>("GET", `/api/tables/${tableId}/rows?limit=1`);
    expect(page.total).toBe(1000);
  });

  it("refuses a y-websocket client without a valid token", async () => {
    const { tableId } = await Api.withTable(base);
    const c = client(base, tableId, "rp_wrong");
    let closed = 0;
    c.provider.on("connection-close", () => closed++);
    await until("the refusal", () => closed > 0);
    expect(c.provider.synced).toBe(false);
    c.provider.destroy();
  });
});

describe("a server restart between an edit and its broadcast", () => {
  let served: Served;
  let port: number;
  const secrets = testSecrets();

  beforeAll(async () => {
    port = await freePort();
    served = await serve({ port, secrets });
  });
  afterAll(async () => {
    await served?.stop("SIGKILL");
    if (served) rmSync(served.state, { recursive: true, force: true });
  });

  it("loses nothing: the edit reaches the other client once the server is back", async () => {
    const { token, tableId } = await Api.withTable(served.url);
    const a = client(served.url, tableId, token);
    const b = client(served.url, tableId, token);
    await Promise.all([a.synced(), b.synced()]);
    a.ydoc.transact(() => insertRow(a.ydoc, "before", { c1: "seen by both" }, "a0"));
    await until("b to see the first row", () => readRow(b.ydoc, "before") !== null);

    a.ydoc.transact(() => insertRow(a.ydoc, "during", { c1: "sent as the server dies" }, "a1"));
    await served.stop("SIGKILL");
    served = await serve({ port, state: served.state, secrets });

    await until(
      "b to get the edit after the restart",
      () => readRow(b.ydoc, "during")?.c1 === "sent as the server dies",
      30_000,
    );
    const c = client(served.url, tableId, token);
    await c.synced();
    await until("a new client to load both rows", () => rowCount(c.ydoc) === 2);
  });
});

/** y-websocket clients for benchmarks: seeding blocks and timing edits between clients. */
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { BLOCK_ROWS, insertRow } from "../sync/layout";

export const COLUMNS = 15;

export function provider(url: string, room: string, params: Record<string, string> = {}) {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(url, room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, p };
}

export function whenSynced(p: WebsocketProvider, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (p.synced) return resolve();
    const timer = setTimeout(() => reject(new Error("sync timed out")), ms);
    p.once("sync", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Cells of a dealership-like row: 15 columns of text and numbers. */
export function rowCells(i: number): Record<string, string | number> {
  const cells: Record<string, string | number> = {};
  for (let c = 1; c <= COLUMNS; c++) cells[`c${c}`] = c % 3 === 0 ? i * c : `value ${i}-${c}`;
  return cells;
}

/** Fills a block doc with BLOCK_ROWS rows in one transaction. */
export function fillBlock(doc: Y.Doc, block: number): void {
  doc.transact(() => {
    for (let i = 0; i < BLOCK_ROWS; i++) {
      const n = block * BLOCK_ROWS + i;
      insertRow(doc, `r${n}`, rowCells(n), `a${String(n).padStart(6, "0")}`);
    }
  });
}

/** Seeds `blocks` block docs through a server, waiting until each is stored. */
export async function seed(
  url: string,
  room: (block: number) => string,
  blocks: number,
  params: Record<string, string> = {},
) {
  for (let b = 0; b < blocks; b++) {
    const { doc, p } = provider(url, room(b), params);
    await whenSynced(p);
    fillBlock(doc, b);
    // A second client that loads the block proves the server holds it.
    const check = provider(url, room(b), params);
    await whenSynced(check.p);
    while (check.doc.getMap("rows").size < BLOCK_ROWS) await new Promise((r) => setTimeout(r, 50));
    check.p.destroy();
    p.destroy();
  }
}

/**
 * Runs in Chromium (bundled by bench/layouts/index.ts): builds the benchmark table's 20 blocks in
 * one candidate layout, encodes each as the server would send it, then applies those updates into
 * fresh docs as a browser loading the table does. The heap is read from outside after a GC.
 */
import * as Y from "yjs";
import { insertRow, setCells } from "../../sync/layout";
import { COLUMNS, rowValues } from "../grid/dataset";

export type Layout = "cellKeys" | "rowBase" | "rowBaseEdited" | "flatCells" | "columnMaps" | "rowObjects" | "plainRows";
const BLOCKS = 20;
const BLOCK_ROWS = 1000;
const cols = COLUMNS.map((_, c) => `c${c}`);

function fill(layout: Layout, doc: Y.Doc, block: number): void {
  doc.transact(() => {
    for (let r = 0; r < BLOCK_ROWS; r++) {
      const id = `r${block * BLOCK_ROWS + r}`;
      const values = rowValues(block * BLOCK_ROWS + r);
      if (layout === "cellKeys") {
        const row = new Y.Map<unknown>();
        doc.getMap("rows").set(id, row);
        row.set("_pos", `a${r}`);
        values.forEach((v, c) => {
          row.set(cols[c]!, v);
        });
      } else if (layout === "rowBase" || layout === "rowBaseEdited") {
        // The real layout (sync/layout): the row's cells as its base; edited, one cell a row over it.
        insertRow(doc, id, Object.fromEntries(values.map((v, c) => [cols[c]!, v])), `a${r}`);
        if (layout === "rowBaseEdited") setCells(doc, id, { [cols[0]!]: `${values[0]} (edited)` });
      } else if (layout === "flatCells") {
        values.forEach((v, c) => {
          doc.getMap("cells").set(`${id}|${cols[c]}`, v);
        });
      } else if (layout === "columnMaps") {
        values.forEach((v, c) => {
          doc.getMap(cols[c]!).set(id, v);
        });
      } else {
        doc.getMap("rows").set(id, Object.fromEntries(values.map((v, c) => [cols[c]!, v])));
      }
    }
  });
}

const kept: unknown[] = [];

/** Builds the updates, then loads them; returns the load's milliseconds. */
(window as unknown as { load(layout: Layout): number }).load = (layout) => {
  if (layout === "plainRows") {
    const started = performance.now();
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < BLOCKS * BLOCK_ROWS; i++) {
      rows.push(Object.fromEntries(rowValues(i).map((v, c) => [cols[c]!, v])));
    }
    kept.push(rows);
    return performance.now() - started;
  }
  const updates: Uint8Array[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    const source = new Y.Doc();
    fill(layout, source, b);
    updates.push(Y.encodeStateAsUpdate(source));
    source.destroy();
  }
  const started = performance.now();
  for (const update of updates) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    kept.push(doc);
  }
  return performance.now() - started;
};

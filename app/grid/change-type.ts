/**
 * Changing a column's type converts every value in it, block by block. A table loaded whole is
 * converted as this browser has it (offline too); a windowed table's blocks are converted as the
 * server has them, each one not open here opened for it, converted once synced, and let go again.
 */
import type * as Y from "yjs";
import type { ColumnDef, ColumnType } from "../../schema/tables";
import { cellOf, type DocName, rowsOf, setCells, setColumnType } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { convertValue } from "./convert";

/** Converts one block's values of `columnId` to `type`, in one transaction. */
function convertBlock(doc: Y.Doc, columnId: string, type: ColumnType): void {
  doc.transact(() => {
    for (const [rowId, row] of rowsOf(doc)) {
      const value = cellOf(row, columnId);
      if (value === undefined) continue;
      const next = convertValue(value, type);
      if (JSON.stringify(next) !== JSON.stringify(value)) setCells(doc, rowId, { [columnId]: next });
    }
  });
}

/** Resolves once `block` has synced, or is no longer open (a windowed grid closed it meanwhile). */
function settled(sync: TableSync, block: DocName): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (sync.isOpen(block) && !sync.isSynced(block)) return;
      offSynced();
      offDocs();
      resolve();
    };
    const offSynced = sync.onSynced(check);
    const offDocs = sync.onDocs(check);
    check();
  });
}

/** Sets `column`'s type and converts its values; `progress` hears each block done (of how many). */
export async function changeType(
  sync: TableSync,
  column: ColumnDef,
  type: ColumnType,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  sync.manifest.transact(() => setColumnType(sync.manifest, column.id, type));
  const blocks = sync.blocks();
  if (!sync.windowed()) {
    for (const block of blocks) convertBlock(sync.open(block), column.id, type);
    return;
  }
  progress?.(0, blocks.length);
  for (const [i, block] of blocks.entries()) {
    const opened = !sync.isOpen(block);
    // Kept open while it loads (the grid's window closes blocks it does not show), and opened
    // again if it was closed before that; offline, it waits for the connection.
    const unpin = sync.pin(block);
    try {
      while (!sync.isSynced(block)) {
        if (sync.isDestroyed()) throw new Error("The table was closed before its values were all converted");
        sync.open(block);
        await settled(sync, block);
      }
      convertBlock(sync.open(block), column.id, type);
    } finally {
      unpin();
    }
    // Handed to the socket while connected; offline it stays open, with the change, until it can be sent.
    const status = sync.getStatus();
    if (opened && status.state !== "offline" && !status.pending) sync.close(block);
    progress?.(i + 1, blocks.length);
  }
}

/**
 * Undo and redo of this person's own edits only: one Y.UndoManager per block (they track local
 * transactions, not what collaborators or the server send) and a shared order of which block
 * each step belongs to, so Ctrl+Z walks back across blocks in the order edits were made.
 */
import { useEffect, useMemo } from "react";
import * as Y from "yjs";
import type { DocName } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";

/** Edits closer together than this are one undo step (typing a burst, a paste). */
const CAPTURE_MS = 400;

export class GridUndo {
  private readonly managers = new Map<DocName, Y.UndoManager>();
  private undoOrder: DocName[] = [];
  private redoOrder: DocName[] = [];

  constructor(private readonly sync: TableSync) {}

  /** Starts tracking a block's local edits (call before editing it). */
  track(block: DocName): void {
    if (this.managers.has(block)) return;
    const manager = new Y.UndoManager(this.sync.open(block).getMap("rows"), { captureTimeout: CAPTURE_MS });
    manager.on("stack-item-added", (event: { type: "undo" | "redo" }) => {
      if (event.type === "undo" && !this.replaying) {
        this.undoOrder.push(block);
        this.redoOrder = [];
      }
    });
    this.managers.set(block, manager);
  }

  /** Stops tracking blocks that were closed (a windowed table's): their steps are dropped. */
  keepOnly(blocks: readonly DocName[]): void {
    const open = new Set(blocks);
    for (const [block, manager] of this.managers) {
      if (open.has(block)) continue;
      manager.destroy();
      this.managers.delete(block);
    }
    this.undoOrder = this.undoOrder.filter((b) => open.has(b));
    this.redoOrder = this.redoOrder.filter((b) => open.has(b));
  }

  private replaying = false;

  undo(): boolean {
    return this.step(this.undoOrder, this.redoOrder, (m) => m.undo());
  }

  redo(): boolean {
    return this.step(this.redoOrder, this.undoOrder, (m) => m.redo());
  }

  private step(from: DocName[], to: DocName[], apply: (m: Y.UndoManager) => unknown): boolean {
    const block = from.pop();
    const manager = block && this.managers.get(block);
    if (!block || !manager) return false;
    this.replaying = true;
    try {
      apply(manager);
    } finally {
      this.replaying = false;
    }
    to.push(block);
    return true;
  }

  destroy(): void {
    for (const m of this.managers.values()) m.destroy();
    this.managers.clear();
  }
}

/**
 * The grid's undo, tracking every block before anything edits it: all of them, or for a windowed
 * table those open (each as it opens, so a new row's block too), let go as they close.
 */
export function useGridUndo(sync: TableSync | null): GridUndo | null {
  const undo = useMemo(() => sync && new GridUndo(sync), [sync]);
  useEffect(() => () => undo?.destroy(), [undo]);
  const blockCount = sync?.blocks().length ?? 0;
  const windowed = sync?.windowed() ?? false;
  useEffect(() => {
    if (!sync || !undo) return;
    if (!windowed) {
      if (blockCount) for (const block of sync.blocks()) undo.track(block);
      return;
    }
    const reconcile = () => {
      const open = sync.openBlocks();
      undo.keepOnly(open);
      for (const block of open) undo.track(block);
    };
    reconcile();
    return sync.onDocs(reconcile);
  }, [sync, undo, blockCount, windowed]);
  return undo;
}

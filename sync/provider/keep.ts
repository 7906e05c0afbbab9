/**
 * A doc's changes written to its IndexedDB copy as y-indexeddb writes them, but saying when each
 * is kept: its transaction has committed. A change counts as waiting in this browser only then; a
 * tab closed before that (a merge of the copy can hold the write back a while) would lose it.
 */
import { type IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from "y-indexeddb";

/** y-indexeddb's wait before merging a copy that has grown past PREFERRED_TRIM_SIZE entries. */
const TRIM_DEBOUNCE_MS = 1_000;

/**
 * Takes over `persistence`'s writing of `doc` updates (its own listener is removed, so register the
 * returned function, or call it, in its place). It resolves once the update is committed, or right
 * away with false when there was nothing to write to yet (the copy has not opened: y-indexeddb
 * writes the whole doc as it opens) or the write failed (storage full, the copy closed).
 */
export function keeper(persistence: IndexeddbPersistence): (update: Uint8Array) => Promise<boolean> {
  persistence.doc.off("update", persistence._storeUpdate);
  const keep = (update: Uint8Array): Promise<boolean> => {
    const db = persistence.db;
    if (!db || persistence._destroyed) return Promise.resolve(false);
    let tx: IDBTransaction;
    try {
      tx = db.transaction("updates", "readwrite");
      tx.objectStore("updates").add(update);
    } catch {
      return Promise.resolve(false); // the connection closed (the page is going, the table let go)
    }
    if (++persistence._dbsize >= PREFERRED_TRIM_SIZE) {
      clearTimeout(persistence._storeTimeoutId);
      persistence._storeTimeoutId = setTimeout(() => {
        persistence._storeTimeoutId = null;
        storeState(persistence, false).catch(() => {});
      }, TRIM_DEBOUNCE_MS);
    }
    return new Promise((resolve) => {
      tx.oncomplete = () => resolve(true);
      tx.onabort = () => resolve(false);
    });
  };
  // `destroy` removes whatever this names from the doc's listeners.
  persistence._storeUpdate = (update: Uint8Array) => void keep(update);
  return keep;
}

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
 * returned function, or call it, in its place). It resolves true once the update is committed
 * (before the copy has opened: once the whole doc y-indexeddb writes as it opens is), false when
 * the write failed (storage full, the copy closed).
 */
export function keeper(persistence: IndexeddbPersistence): (update: Uint8Array) => Promise<boolean> {
  persistence.doc.off("update", persistence._storeUpdate);
  const keep = (update: Uint8Array): Promise<boolean> => {
    if (persistence._destroyed) return Promise.resolve(false);
    const db = persistence.db;
    // Not open yet: y-indexeddb writes the whole doc, this change in it, as it opens.
    if (!db) return persistence._db.then(afterOpening, () => false);
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
  persistence._storeUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== persistence) void keep(update);
  };
  return keep;
}

/**
 * Resolves once the write y-indexeddb makes as the copy opens has committed: a transaction on the
 * same store made after it (this runs after y-indexeddb's own reaction to the opening) waits for it.
 */
function afterOpening(db: IDBDatabase): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const tx = db.transaction("updates", "readonly");
      tx.objectStore("updates").count();
      tx.oncomplete = () => resolve(true);
      tx.onabort = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}

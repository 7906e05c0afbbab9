/** DocStorage in memory, for tests of the room logic and the reference benchmarks. */
import type { DocName } from "../layout";
import type { DocStorage } from "./types";

export class MemoryStorage implements DocStorage {
  readonly logs = new Map<DocName, Uint8Array[]>();
  readonly snapshots = new Map<DocName, Uint8Array>();
  readonly events: string[] = [];

  load(doc: DocName) {
    return { snapshot: this.snapshots.get(doc) ?? null, updates: [...(this.logs.get(doc) ?? [])] };
  }

  append(doc: DocName, update: Uint8Array) {
    const log = this.logs.get(doc) ?? [];
    log.push(update);
    this.logs.set(doc, log);
    this.events.push(`append ${doc}`);
    return { count: log.length, bytes: log.reduce((n, u) => n + u.byteLength, 0) };
  }

  compact(doc: DocName, state: Uint8Array) {
    this.snapshots.set(doc, state);
    this.logs.set(doc, []);
    this.events.push(`compact ${doc}`);
  }

  /** All or nothing, like SQLite's: a throwing `fn` leaves logs and snapshots as they were. */
  transaction<T>(fn: () => T): T {
    const logs = new Map([...this.logs].map(([doc, log]) => [doc, [...log]]));
    const snapshots = new Map(this.snapshots);
    try {
      return fn();
    } catch (error) {
      restore(this.logs, logs);
      restore(this.snapshots, snapshots);
      throw error;
    }
  }
}

function restore<K, V>(target: Map<K, V>, saved: Map<K, V>): void {
  target.clear();
  for (const [key, value] of saved) target.set(key, value);
}

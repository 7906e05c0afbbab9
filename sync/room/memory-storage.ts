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

  transaction<T>(fn: () => T): T {
    return fn();
  }
}

/** DocStorage on the room's SQLite: the update log and snapshots split in ≤ 1 MB parts. */
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { DrizzleSqliteDODatabase } from "drizzle-orm/durable-sqlite";
import { snapshotPart, updateLog } from "../../schema/room";
import type { DocName } from "../../sync/layout";
import type { DocStorage } from "../../sync/room";

/** A DO SQLite row holds at most 2 MB; snapshots are written in parts half that size. */
export const SNAPSHOT_PART_BYTES = 1024 * 1024;

export class SqlDocStorage implements DocStorage {
  /** Each loaded doc's log size, kept here so an append costs one INSERT, not a scan. */
  private readonly logStats = new Map<DocName, { count: number; bytes: number }>();

  /** Built once: every edit appends, and building the query cost more than running it. */
  private readonly insertUpdate;

  constructor(private readonly db: DrizzleSqliteDODatabase<Record<string, unknown>>) {
    this.insertUpdate = db
      .insert(updateLog)
      .values({ doc: sql.placeholder("doc"), data: sql.placeholder("data"), bytes: sql.placeholder("bytes") })
      .prepare();
  }

  load(doc: DocName) {
    const parts = this.db
      .select()
      .from(snapshotPart)
      .where(eq(snapshotPart.doc, doc))
      .orderBy(asc(snapshotPart.part))
      .all();
    const updates = this.db.select().from(updateLog).where(eq(updateLog.doc, doc)).orderBy(asc(updateLog.id)).all();
    this.logStats.set(doc, { count: updates.length, bytes: updates.reduce((n, u) => n + u.bytes, 0) });
    return {
      snapshot: parts.length ? concat(parts.map((p) => bytes(p.data))) : null,
      updates: updates.map((u) => bytes(u.data)),
    };
  }

  append(doc: DocName, update: Uint8Array) {
    this.insertUpdate.run({ doc, data: Buffer.from(update), bytes: update.byteLength });
    const stats = this.logStats.get(doc) ?? { count: 0, bytes: 0 };
    stats.count += 1;
    stats.bytes += update.byteLength;
    this.logStats.set(doc, stats);
    return { ...stats };
  }

  compact(doc: DocName, state: Uint8Array) {
    const last = this.db
      .select({ id: sql<number | null>`max(${updateLog.id})` })
      .from(updateLog)
      .where(eq(updateLog.doc, doc))
      .get();
    this.db.transaction((tx) => {
      tx.delete(snapshotPart).where(eq(snapshotPart.doc, doc)).run();
      for (let i = 0, part = 0; i < state.byteLength || part === 0; i += SNAPSHOT_PART_BYTES, part++) {
        tx.insert(snapshotPart)
          .values({ doc, part, data: Buffer.from(state.subarray(i, i + SNAPSHOT_PART_BYTES)) })
          .run();
      }
      if (last?.id) {
        tx.delete(updateLog)
          .where(and(eq(updateLog.doc, doc), lte(updateLog.id, last.id)))
          .run();
      }
    });
    this.logStats.set(doc, { count: 0, bytes: 0 });
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(() => fn());
  }
}

function bytes(data: Buffer | ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

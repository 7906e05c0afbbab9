/** What a Room needs from its platform: storage of docs, the row index, and the peers it serves. */
import type { Origin } from "../../schema/tables";
import type { DocName, RowChange } from "../layout";

export interface DocStorage {
  /** A doc's compacted state (or null) and the updates logged since, oldest first. */
  load(doc: DocName): { snapshot: Uint8Array | null; updates: Uint8Array[] };
  /** Appends one update to the doc's log; returns the log's size after it. */
  append(doc: DocName, update: Uint8Array): { count: number; bytes: number };
  /** Replaces the doc's snapshot with `state` and empties its log. */
  compact(doc: DocName, state: Uint8Array): void;
  /** Runs `fn` atomically: the log append and the row index change commit together or not at all. */
  transaction<T>(fn: () => T): T;
}

export type ChangeBatch = { doc: DocName; origin: Origin; changes: RowChange[]; at: number };

/** A connected client. The platform keeps `state` across hibernation (socket attachment). */
export interface Peer {
  readonly id: string;
  readonly canWrite: boolean;
  readonly origin: Origin;
  readonly state: PeerState;
  send(doc: DocName, message: Uint8Array): void;
  /** Called after `state` changed, so the platform can store it. */
  saved(): void;
}

export type PeerState = {
  /** Docs this peer is subscribed to, with the awareness clients it announced there (id → clock). */
  docs: Record<string, Record<string, number>>;
  /** Whether the peer was already told that it may not write. */
  toldReadOnly: boolean;
};

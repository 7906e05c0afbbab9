/** One table's room: docs, peers, persistence, broadcasts and the row-change feed. */
export { COMPACT_BYTES, COMPACT_COUNT, DOC_BUDGET_BYTES, type ReceiveResult, Room } from "./room";
export type { ChangeBatch, DocStorage, Peer, PeerState } from "./types";

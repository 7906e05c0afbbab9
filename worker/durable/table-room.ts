/**
 * TableRoom: one Durable Object per table. A thin shell around `Room` (sync/room): hibernatable
 * WebSockets speaking y-websocket (one per doc) or the app's multiplexed protocol (one per table),
 * the update log and row index in the object's SQLite, and RPC methods for the HTTP API.
 */
import { DurableObject } from "cloudflare:workers";
import { type DrizzleSqliteDODatabase, drizzle } from "drizzle-orm/durable-sqlite";
import { migrate } from "drizzle-orm/durable-sqlite/migrator";
import { compile } from "../../schema/formula";
import { roomMeta } from "../../schema/room";
import {
  type CellValue,
  type ColumnDef,
  type Origin,
  type RowOrder,
  type RowQuery,
  type RowRecord,
  type TableDetail,
  type ViewPage,
  viewQuery,
} from "../../schema/tables";
import type { TriggerRule } from "../../schema/triggers";
import {
  addColumn,
  blocksOf,
  columnsOf,
  DEFAULT_VIEW,
  deleteRow,
  initManifest,
  isDocName,
  isWindowed,
  listViews,
  newColumnId,
  parseRoom,
  removeRule,
  rulesOf,
  setCells,
  setColumnOptions,
  setTableName,
  tableName,
  writeRule,
} from "../../sync/layout";
import { decodeFrame, decodeMessage, MAX_FRAME_BYTES } from "../../sync/protocol";
import { type ChangeBatch, Room } from "../../sync/room";
import type { Claim, RunState } from "./actions";
import { RoomAutomation } from "./automation";
import { SqlDocStorage } from "./doc-storage";
import { FrameBatch } from "./frame-batch";
import { roomMigrations } from "./migrations";
import { ProjectCountsKeeper } from "./project-counts";
import { RowIndex } from "./row-index";
import { type RowUpdate, rowUpdateCells } from "./row-update";
import { RowWriter } from "./row-writes";
import type { RuleRun, RuleRunResult } from "./rule-runs";
import type { RunEntry } from "./run-log";
import { type Attachment, type SocketActor, SocketPeer } from "./socket-peer";

/** WebSocket close codes, as clients see them. */
export const CLOSE = {
  unsupportedData: 1003,
  invalidPayload: 1007,
  tooLarge: 1009,
  unknownDoc: 4404,
} as const;

/** Header the Worker sets on upgrades it forwards: the authenticated actor, as JSON. */
export const ACTOR_HEADER = "x-rowpilot-actor";

/** Rows a claim reads at a time: the row index reads cells with one bound parameter per row. */
const CLAIM_PAGE = 500;

export type WriteResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; message: string };

export class TableRoom extends DurableObject<Env> {
  private readonly db: DrizzleSqliteDODatabase<Record<string, unknown>>;
  private room!: Room;
  private index!: RowIndex;
  private rows!: RowWriter;
  private readonly peers = new Map<WebSocket, SocketPeer>();
  private readonly changeListeners = new Set<(batch: ChangeBatch) => void>();
  private automation!: RoomAutomation;
  private readonly frames = new FrameBatch<WebSocket>(
    (ws, data) => this.handleFrame(ws, data),
    () => this.ctx.storage.sync(),
  );

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = drizzle(ctx.storage);
    ctx.blockConcurrencyWhile(async () => {
      await this.start();
      // Woken from hibernation with sockets open: rejoin their docs, which resends sync step 1.
      for (const ws of ctx.getWebSockets()) {
        const peer = this.peerOf(ws);
        for (const doc of Object.keys(peer.state.docs)) if (isDocName(doc)) this.room.join(peer, doc);
      }
    });
  }

  /** Schema up to date, an empty room over it. */
  private async start(): Promise<void> {
    await migrate(this.db, roomMigrations);
    this.index = new RowIndex(this.db);
    this.room = new Room({ storage: new SqlDocStorage(this.db) });
    this.rows = new RowWriter({ room: this.room, index: this.index });
    this.automation = new RoomAutomation({
      db: this.db,
      room: this.room,
      index: this.index,
      env: this.env,
      tableId: () => this.meta("tableId") ?? "",
      patchRow: (rowId, cells, origin) => this.patchRow(rowId, cells, origin),
    });
    const counts = new ProjectCountsKeeper({
      env: this.env,
      columns: () => columnsOf(this.room.open("manifest")),
      query: (query) => this.index.query(query, new Map()),
      cellsOf: (rowIds) => this.index.cellsOf(rowIds),
    });
    this.room.onChanges((batch) => {
      this.index.apply(batch);
      this.automation.observe(batch);
      counts.observe(batch);
      for (const listener of this.changeListeners) listener(batch);
    });
  }

  /** Listens to row changes as they commit (the trigger engine's entry point). */
  onChanges(listener: (batch: ChangeBatch) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  // ── sockets ────────────────────────────────────────────────────────────────────────────

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ error: { status: 426, message: "Expected a WebSocket upgrade" } }, { status: 426 });
    }
    const actor = JSON.parse(request.headers.get(ACTOR_HEADER) ?? "null") as SocketActor | null;
    if (!actor) return Response.json({ error: { status: 401, message: "No actor" } }, { status: 401 });
    const room = decodeURIComponent(new URL(request.url).pathname.split("/").pop() ?? "");
    const doc = room.includes(":") ? (parseRoom(room)?.doc ?? null) : null;
    if (room.includes(":") && !doc) {
      return Response.json({ error: { status: 404, message: `Unknown doc: ${room}` } }, { status: 404 });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    const attachment: Attachment = { id: crypto.randomUUID(), actor, doc, state: { docs: {}, toldReadOnly: false } };
    server.serializeAttachment(attachment);
    const peer = new SocketPeer(server, attachment);
    this.peers.set(server, peer);
    if (doc) this.room.join(peer, doc);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    if (typeof data === "string") return ws.close(CLOSE.unsupportedData, "binary frames only");
    if (data.byteLength > MAX_FRAME_BYTES) return ws.close(CLOSE.tooLarge, "frame too large");
    this.frames.push(ws, data);
  }

  /** One frame from a socket, in the turn that handles its batch (see FrameBatch). */
  private handleFrame(ws: WebSocket, data: ArrayBuffer): void {
    try {
      const peer = this.peerOf(ws);
      let doc = peer.doc;
      let payload: Uint8Array = new Uint8Array(data);
      if (!doc) {
        const frame = decodeFrame(payload);
        if (!frame) {
          ws.close(CLOSE.invalidPayload, "malformed frame");
          return;
        }
        if (!isDocName(frame.doc)) {
          ws.close(CLOSE.unknownDoc, "unknown doc");
          return;
        }
        doc = frame.doc;
        payload = frame.message;
      }
      const message = decodeMessage(payload);
      if (!message) {
        ws.close(CLOSE.invalidPayload, "malformed message");
        return;
      }
      // A doc's first frame on the multiplexed socket joins it, unless that frame leaves it.
      if (!peer.doc && message.type !== "unsubscribe" && !this.room.isJoined(peer, doc)) this.room.join(peer, doc);
      if (this.room.receive(peer, doc, message) === "malformed")
        ws.close(CLOSE.invalidPayload, "update failed to apply");
    } catch (error) {
      console.error("TableRoom: message failed", error);
      ws.close(1011, "internal error");
    }
  }

  override async webSocketClose(ws: WebSocket): Promise<void> {
    this.drop(ws);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.drop(ws);
  }

  private drop(ws: WebSocket) {
    this.frames.closedSocket(ws);
    const peer = this.peerOf(ws);
    this.peers.delete(ws);
    this.room.leave(peer);
  }

  private peerOf(ws: WebSocket): SocketPeer {
    let peer = this.peers.get(ws);
    if (!peer) {
      peer = new SocketPeer(ws, ws.deserializeAttachment() as Attachment);
      this.peers.set(ws, peer);
    }
    return peer;
  }

  // ── RPC for the HTTP API ───────────────────────────────────────────────────────────────

  /** Creates the table's manifest; a second call changes nothing. */
  init(input: { tableId: string; workspaceId: string; name: string; columns: ColumnDef[] }): void {
    if (this.meta("tableId")) return;
    this.db
      .insert(roomMeta)
      .values([
        { key: "tableId", value: input.tableId },
        { key: "workspaceId", value: input.workspaceId },
      ])
      .run();
    this.room.write("manifest", { kind: "automation", job: "create-table" }, (m) =>
      initManifest(m, input.name, input.columns),
    );
  }

  /** The table as the API lists it; `lastActivity.by` is the stored origin, named by the caller. */
  describe(): Omit<TableDetail, "id"> {
    const manifest = this.room.open("manifest");
    const counts = this.index.countsByBlock();
    const blocks = blocksOf(manifest).map((doc) => ({ doc, rows: counts.get(doc) ?? 0 }));
    const last = this.index.lastChange();
    return {
      name: tableName(manifest),
      lastActivity: last ? { at: new Date(last.at).toISOString(), by: last.origin } : null,
      columns: columnsOf(manifest),
      rowCount: this.index.total(),
      docs: ["manifest", ...blocks.map((b) => b.doc)],
      blocks,
    };
  }

  rowCount(): number {
    return this.index.total();
  }

  /** A page of rows from the index, formula columns computed (sorts and filters see stored cells only). */
  queryRows(query: RowQuery): { rows: RowRecord[]; total: number } {
    const columns = columnsOf(this.room.open("manifest"));
    const { rows, total } = this.index.query(query, new Map(columns.map((c) => [c.id, c.type])));
    return { rows: this.automation.withFormulas(rows, columns), total };
  }

  /** A page of the view's order from the index: row ids and blocks only, no cells. */
  rowOrder(query: RowQuery): RowOrder {
    const columns = columnsOf(this.room.open("manifest"));
    return this.index.order(query, new Map(columns.map((c) => [c.id, c.type])));
  }

  /**
   * The first `limit` rows of view `viewId` (the default view when it is gone) as the grid shows
   * them (sorted, filtered, grouped, on the index), with their blocks, positions and computed
   * formulas, and the view itself.
   */
  viewPage(viewId: string, limit: number): ViewPage {
    const manifest = this.room.open("manifest");
    const columns = columnsOf(manifest);
    const views = listViews(manifest);
    const { id, view } = views.find((v) => v.id === viewId) ?? views.find((v) => v.id === DEFAULT_VIEW)!;
    // A windowed grid does not group (it has not every row), so neither does its first page.
    const query = { limit, offset: 0, ...viewQuery(view, columns, !isWindowed(blocksOf(manifest).length)) };
    const { rows, total } = this.index.viewRows(query, new Map(columns.map((c) => [c.id, c.type])));
    return { viewId: id, view, rows: this.automation.withFormulas(rows, columns), total };
  }

  /** Moves on whenever the row index changes (an order's ETag). */
  indexVersion(): string {
    return this.index.version();
  }

  rowHistory(rowId: string) {
    return this.index.historyOf(rowId);
  }

  /** Adds one row at the end of the table; a refusal names the cell (`cells.Distance: …`). */
  insertRow(cells: Record<string, CellValue>, origin: Origin): WriteResult<string> {
    const written = this.rows.insert([cells], origin, () => "");
    return written.ok ? { ok: true, value: written.value[0]! } : written;
  }

  /**
   * Adds rows at the end of the table, in order, one transaction per block they land in; any
   * refused cell refuses them all (`rows[12].cells.Distance: …`). Returns their ids in order.
   */
  insertRows(rows: Record<string, CellValue>[], origin: Origin): WriteResult<string[]> {
    return this.rows.insert(rows, origin, (i) => `rows[${i}].`);
  }

  /**
   * Adds `rows` only while the table has none, in one step (the object runs one call at a time),
   * so two requests that made a feature's tables at once seed its first rows once. Returns the
   * new ids, or `[]` when the table already had rows.
   */
  seedRows(rows: Record<string, CellValue>[], origin: Origin): WriteResult<string[]> {
    return this.index.total() > 0 ? { ok: true, value: [] } : this.insertRows(rows, origin);
  }

  patchRow(rowId: string, cells: Record<string, CellValue>, origin: Origin): WriteResult<RowRecord> {
    const block = this.index.blockOf(rowId);
    if (!block) return { ok: false, status: 404, message: "Row not found" };
    const resolved = this.rows.resolver()(cells);
    if (!resolved.ok) return resolved;
    this.room.write(block, origin, (b) => setCells(b, rowId, resolved.value));
    return { ok: true, value: this.automation.withFormulas(this.index.cellsOf([rowId]))[0]! };
  }

  /**
   * Changes one row by rules read against its own cells (counters, fill-if-empty, a status that
   * only moves forward: see RowUpdate), in one step, so concurrent updates all count.
   */
  updateRow(rowId: string, update: RowUpdate, origin: Origin): WriteResult<RowRecord> {
    const [row] = this.index.cellsOf([rowId]);
    if (!row || !this.index.blockOf(rowId)) return { ok: false, status: 404, message: "Row not found" };
    const cells = rowUpdateCells(row.cells, update);
    if (!Object.keys(cells).length) return { ok: true, value: this.automation.withFormulas([row])[0]! };
    return this.patchRow(rowId, cells, origin);
  }

  /**
   * Sets cells in many rows, one transaction per block; an unknown or repeated row id or a
   * refused cell refuses them all (`rows[3].id: …`). Returns the rows as written.
   */
  patchRows(patches: { id: string; cells: Record<string, CellValue> }[], origin: Origin): WriteResult<RowRecord[]> {
    const written = this.rows.patch(patches, origin);
    return written.ok ? { ok: true, value: this.automation.withFormulas(this.index.cellsOf(written.value)) } : written;
  }

  /** Rows by id with formula columns computed; ids that are not rows are left out. */
  readRows(rowIds: string[]): RowRecord[] {
    const existing = rowIds.filter((id) => this.index.blockOf(id));
    return this.automation.withFormulas(this.index.cellsOf(existing));
  }

  /**
   * Takes up to `limit` rows matching `filters` and writes `set` into them in one step, so two
   * callers never take the same row (the object runs one call at a time). `set` must make a row
   * stop matching (a new status): rows are read a page at a time from the top until enough are
   * taken. Returns them as written.
   */
  claimRows(input: {
    filters: RowQuery["filters"];
    sort?: RowQuery["sort"];
    set: Record<string, CellValue>;
    limit: number;
    origin: Origin;
  }): RowRecord[] {
    const claimed: RowRecord[] = [];
    while (claimed.length < input.limit) {
      const { rows } = this.queryRows({
        filters: input.filters,
        sort: input.sort ?? [],
        limit: Math.min(CLAIM_PAGE, input.limit - claimed.length),
        offset: 0,
      });
      const taken = rows.flatMap((row) => {
        const written = this.patchRow(row.id, input.set, input.origin);
        return written.ok ? [written.value] : [];
      });
      // A page that could not be written would be read again forever.
      if (!taken.length) break;
      claimed.push(...taken);
    }
    return claimed;
  }

  /**
   * Writes `set` into those of `rowIds` whose `columnId` holds one of `anyOf`, in one step (see
   * `claimRows`); the others are left as they are. Returns the rows written.
   */
  claimRowsById(input: {
    rowIds: string[];
    columnId: string;
    anyOf: CellValue[];
    set: Record<string, CellValue>;
    origin: Origin;
  }): RowRecord[] {
    const claimed: RowRecord[] = [];
    for (let i = 0; i < input.rowIds.length; i += CLAIM_PAGE) {
      for (const row of this.index.cellsOf(input.rowIds.slice(i, i + CLAIM_PAGE))) {
        const value = row.cells[input.columnId] ?? null;
        if (!this.index.blockOf(row.id) || !input.anyOf.includes(value)) continue;
        const written = this.patchRow(row.id, input.set, input.origin);
        if (written.ok) claimed.push(written.value);
      }
    }
    return claimed;
  }

  /** Deletes rows by id, one transaction per block; ids that are not rows are skipped. Returns how many went. */
  deleteRows(rowIds: string[], origin: Origin): number {
    const deleted = this.rows.delete(rowIds, origin, "skip");
    return deleted.ok ? deleted.value : 0;
  }

  /** Deletes exactly these rows, one transaction per block, or none if an id is unknown or repeated (`ids[4]: …`). */
  deleteRowsExactly(rowIds: string[], origin: Origin): WriteResult<number> {
    return this.rows.delete(rowIds, origin, "refuse");
  }

  deleteRow(rowId: string, origin: Origin): WriteResult<null> {
    const block = this.index.blockOf(rowId);
    if (!block) return { ok: false, status: 404, message: "Row not found" };
    this.room.write(block, origin, (b) => deleteRow(b, rowId));
    return { ok: true, value: null };
  }

  /**
   * The first row whose column `match[i].columnId` holds `match[i].value` (tried in order, empty
   * values skipped, compared as the filters do: case-insensitively), else a new row of `cells`.
   * One step, so two callers looking for the same thing at once make one row between them.
   * Answers the row with its stored cells.
   */
  findOrInsertRow(input: {
    match: { columnId: string; value: string | null }[];
    cells: Record<string, CellValue>;
    origin: Origin;
  }): WriteResult<{ id: string; created: boolean; cells: Record<string, CellValue> }> {
    const types = new Map(columnsOf(this.room.open("manifest")).map((c) => [c.id, c.type]));
    for (const { columnId, value } of input.match) {
      if (!value) continue;
      const filters = [{ columnId, op: "eq" as const, value }];
      const [found] = this.index.query({ filters, sort: [], limit: 1, offset: 0 }, types).rows;
      if (found) return { ok: true, value: { id: found.id, created: false, cells: found.cells } };
    }
    const inserted = this.insertRow(input.cells, input.origin);
    if (!inserted.ok) return inserted;
    const cells = this.index.cellsOf([inserted.value])[0]?.cells ?? {};
    return { ok: true, value: { id: inserted.value, created: true, cells } };
  }

  /**
   * Records in the run log something a feature did for a row outside rules and buttons (a claim
   * paid), so the team sees it beside the table's other runs. Returns the entry's id.
   */
  logEvent(entry: { rowId: string; action: string; outcome: string; detail: string; source: "payments" }): number {
    return this.automation.log.add({ ...entry, ruleId: entry.source, at: Date.now() });
  }

  // ── trigger rules ───────────────────────────────────────────────────────────────────────

  listRules(): TriggerRule[] {
    return rulesOf(this.room.open("manifest"));
  }

  /**
   * Creates or replaces a rule; every save is a new version (rows may fire again). A condition
   * that does not parse, or names a column the table does not have, is refused.
   */
  saveRule(input: Omit<TriggerRule, "version">): WriteResult<TriggerRule> {
    const manifest = this.room.open("manifest");
    const condition = compile(input.when);
    if (condition.parseError) return { ok: false, status: 400, message: `when: ${condition.parseError.error.message}` };
    const names = new Set(columnsOf(manifest).map((c) => c.name));
    const unknown = condition.references.find((name) => !names.has(name));
    if (unknown) return { ok: false, status: 400, message: `when: no column named "${unknown}"` };
    const unwatched = input.watch?.find((name) => !names.has(name));
    if (unwatched) return { ok: false, status: 400, message: `watch: no column named "${unwatched}"` };
    const previous = rulesOf(manifest).find((r) => r.id === input.id);
    const rule: TriggerRule = { ...input, version: (previous?.version ?? 0) + 1 };
    this.room.write("manifest", { kind: "automation", job: "save-rule" }, (m) => writeRule(m, rule));
    return { ok: true, value: rule };
  }

  /**
   * Sets a column's options (a feature rewriting a formula from its settings), keeping the ones
   * not named; a formula that does not parse is refused and nothing is written.
   */
  updateColumnOptions(columnId: string, options: Record<string, unknown>, job: string): WriteResult<null> {
    const column = columnsOf(this.room.open("manifest")).find((c) => c.id === columnId);
    if (!column) return { ok: false, status: 404, message: "Column not found" };
    if (typeof options.formula === "string") {
      const parsed = compile(options.formula);
      if (parsed.parseError) return { ok: false, status: 400, message: `formula: ${parsed.parseError.error.message}` };
    }
    this.room.write("manifest", { kind: "automation", job }, (m) =>
      setColumnOptions(m, columnId, { ...column.options, ...options }),
    );
    return { ok: true, value: null };
  }

  /**
   * Adds each column whose `options.key` no column of the table carries yet (a template that grew
   * after the table was made); answers the keys it added.
   */
  addKeyedColumns(columns: Omit<ColumnDef, "id">[], job: string): string[] {
    const have = new Set(columnsOf(this.room.open("manifest")).map((c) => c.options.key));
    const missing = columns.filter((c) => typeof c.options.key === "string" && !have.has(c.options.key));
    if (!missing.length) return [];
    this.room.write("manifest", { kind: "automation", job }, (m) => {
      for (const column of missing) addColumn(m, { ...column, id: newColumnId() });
    });
    return missing.map((c) => String(c.options.key));
  }

  deleteRule(id: string): WriteResult<null> {
    const removed = this.room.write("manifest", { kind: "automation", job: "delete-rule" }, (m) => removeRule(m, id));
    return removed ? { ok: true, value: null } : { ok: false, status: 404, message: "Rule not found" };
  }

  /** The run log, newest first: firings and presses with their action's outcome, and refusals worth knowing. */
  triggerRuns(limit: number): Promise<{ runs: RunEntry[]; fired: number }> {
    return this.automation.runs(limit);
  }

  /** Runs a scheduled rule's tick or a webhook rule's call over every row (see rule-runs). */
  runRule(ruleId: string, run: RuleRun): Promise<WriteResult<RuleRunResult>> {
    return this.automation.runRule(ruleId, run);
  }

  // ── buttons and action jobs ─────────────────────────────────────────────────────────────

  /** Presses a button cell for `by` (a user id); refused when disabled or still busy. */
  pressButton(rowId: string, columnId: string, by: string): Promise<WriteResult<{ runId: number; state: RunState }>> {
    return this.automation.pressButton(rowId, columnId, by);
  }

  /** An action job's consumer asks to run try `attempt` of run `runId`. */
  claimAction(runId: number, attempt: number): Claim {
    return this.automation.actions.claim(runId, attempt);
  }

  /** An action job's try failed; the consumer tries again after `delaySeconds`. */
  retryingAction(runId: number, attempt: number, detail: string, delaySeconds: number): void {
    this.automation.actions.retrying(runId, attempt, detail, delaySeconds);
  }

  /** An action job is over. */
  finishAction(runId: number, outcome: "succeeded" | "failed", detail: string, attempts: number): void {
    this.automation.actions.finish(runId, outcome, detail, attempts);
  }

  rename(name: string): void {
    this.room.write("manifest", { kind: "automation", job: "rename-table" }, (m) => setTableName(m, name));
  }

  /** Deletes everything the table holds and closes its sockets; the object starts empty next time. */
  async destroy(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) ws.close(CLOSE.unknownDoc, "table deleted");
    this.peers.clear();
    await this.ctx.storage.deleteAll();
    await this.start();
  }

  /** Sends what is committed and folds every loaded doc's log into its snapshot. */
  compactNow(): void {
    this.room.compactAll();
  }

  private meta(key: string): string | null {
    return (
      this.db
        .select()
        .from(roomMeta)
        .all()
        .find((r) => r.key === key)?.value ?? null
    );
  }
}

type RpcMethods =
  | "init"
  | "listRules"
  | "saveRule"
  | "deleteRule"
  | "updateColumnOptions"
  | "triggerRuns"
  | "runRule"
  | "pressButton"
  | "claimAction"
  | "retryingAction"
  | "finishAction"
  | "describe"
  | "rowCount"
  | "queryRows"
  | "rowOrder"
  | "viewPage"
  | "indexVersion"
  | "rowHistory"
  | "insertRow"
  | "insertRows"
  | "seedRows"
  | "patchRow"
  | "patchRows"
  | "updateRow"
  | "deleteRow"
  | "readRows"
  | "claimRows"
  | "claimRowsById"
  | "findOrInsertRow"
  | "logEvent"
  | "deleteRows"
  | "deleteRowsExactly"
  | "compactNow"
  | "rename"
  | "addKeyedColumns"
  | "destroy";

/**
 * The TableRoom's RPC surface as callers see it. Derived from the class; workers-types' own stub
 * typing gives up (`never`) on recursive JSON such as cell values, so stubs are viewed through this.
 */
export type TableRoomRpc = {
  [K in RpcMethods]: (...args: Parameters<TableRoom[K]>) => Promise<ReturnType<TableRoom[K]>>;
} & { fetch(request: Request): Promise<Response> };

export function tableRoom(env: Pick<Env, "TABLE_ROOM">, tableId: string): TableRoomRpc {
  return env.TABLE_ROOM.get(env.TABLE_ROOM.idFromName(tableId)) as unknown as TableRoomRpc;
}

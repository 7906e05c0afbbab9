/**
 * The spreadsheet grid: @tanstack/react-table for the column model, @tanstack/react-virtual for
 * rows, the WAI-ARIA grid pattern (indices stay true under virtualization), Sheets-like keys,
 * inline editing, and collaborators' selected cells outlined in their color.
 * Rows are virtualized, so the grid is built of divs with ARIA roles rather than a <table>, and
 * focus stays on the grid with `aria-activedescendant` naming the active cell.
 * A windowed table's rows (`rowWindow`) include placeholders for rows not loaded yet: the grid
 * reports what is on screen so their blocks open, and will not edit, copy or move placeholders.
 */
import { columnSizingFeature, type ColumnDef as TanColumn, tableFeatures, useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type ClipboardEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { type ColumnDef, ROW_HEIGHTS, type ViewSpec } from "../../schema/tables";
import { deleteRow } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { waitingForLoad } from "../../sync/provider/inbox";
import type { Editing, EditMove } from "./cell-editor";
import { useColumnWindow } from "./column-window";
import { namedCells, writableCells } from "./computed";
import { earlyActiveCell, replayEarlyInput, useEarlyInput } from "./early-input";
import { cellId } from "./grid-cell";
import { GridHeader } from "./grid-header";
import { GridRowView, type Peer, type RowActions } from "./grid-row";
import { DEFAULT_GRID_SIZE, type GridSize, useRememberedGridSize } from "./grid-size";
import { layoutRows } from "./groups";
import { type Cell, keyCommand, moveActive } from "./navigation";
import { inputText, parseInput } from "./parse";
import { type CellRange, clearRange, copyRange, fillDown, pasteRange, readPaste } from "./range-edits";
import { columnWidth, HEADER_HEIGHT, NUMBER_COL } from "./sizes";
import { useGridUndo } from "./undo";
import { type GridRow, insertRowAfter, moveRowBetween, updateView, writeCell } from "./use-table";
import type { RowWindow } from "./use-windowed-rows";
import { moveColumn } from "./view";

const features = tableFeatures({ columnSizingFeature });
const ADD_COLUMN_WIDTH = 40;
/** Cells whose "editing" is a click on the control they show. */
const OPENS_ON_ENTER = new Set(["button", "attachment", "link"]);
/** Whether a character typed on a cell of the column opens its editor with that character. */
const takesTyping = (column: ColumnDef) =>
  !OPENS_ON_ENTER.has(column.type) && column.type !== "formula" && column.type !== "checkbox";
/** What the grid says when an action would touch rows a windowed table has not loaded. */
const NOT_LOADED = "Some of these rows are still loading: scroll to them first, or select fewer rows.";
/** What it says while the whole table is still syncing (the rows shown are those served with the page). */
const SYNCING = "The table is still loading; try again in a moment.";

type Props = {
  tableId: string;
  /** Null while the grid shows only the rows served with the page, before their blocks sync: nothing is edited then. */
  sync: TableSync | null;
  /**
   * Set while served rows stand in for a table still syncing whole, some of them live: their cells
   * are edited, but rows are not grouped, added or moved, and the columns' menus wait.
   */
  syncing?: boolean;
  viewId: string;
  view: ViewSpec;
  /** The columns shown, in order. */
  columns: ColumnDef[];
  /** Every column, hidden ones too (formulas and buttons may read them). */
  allColumns: ColumnDef[];
  rows: GridRow[];
  readOnly: boolean;
  peers: Peer[];
  onActiveChange?: (row: GridRow | null, column: ColumnDef | null) => void;
  /** The rows of the selected range, when it spans more than one row (bulk actions). */
  onSelectRows?: (rows: GridRow[]) => void;
  /** Changing it collapses the selection to the active cell (after a bulk delete). */
  selectionReset?: number;
  onExpand?: (row: GridRow) => void;
  /** A windowed table's window onto its rows (null when every row is loaded). */
  rowWindow?: RowWindow | null;
  /** The grid's size until it is measured: what the server drew (see grid-size.ts). */
  firstSize?: GridSize;
};

export function Grid(props: Props) {
  const { tableId, sync, viewId, view, columns, allColumns, rows, peers, onActiveChange, onExpand } = props;
  const { onSelectRows, selectionReset, rowWindow, syncing = false, firstSize = DEFAULT_GRID_SIZE } = props;
  /** What the columns' menus and widths write through. */
  const columnSync = syncing ? null : sync;
  const readOnly = props.readOnly || !sync;
  const rowHeight = ROW_HEIGHTS[view.rowHeight];
  const scroller = useRef<HTMLDivElement>(null);
  // Where the page's first script left the active cell, if it moved it before hydration (early-input.ts).
  const [active, setActive] = useState<Cell>(() => earlyActiveCell() ?? { row: 0, col: 0 });
  /** The other corner of the selected range (equal to `active` for a single cell). */
  const [anchor, setAnchor] = useState<Cell>(active);
  const undo = useGridUndo(sync);
  const [editing, setEditing] = useState<Editing | null>(null);

  const tanColumns = useMemo<TanColumn<typeof features, GridRow>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.name,
        size: columnWidth(c, view.widths),
        accessorFn: (row) => row.cells[c.id],
      })),
    [columns, view.widths],
  );
  const table = useTable({ features, data: rows, columns: tanColumns, getRowId: (r) => r.id });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const sizes = headers.map((h) => h.getSize());
  const sizesKey = sizes.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the sizes, so rows see one array until a width changes
  const widths = useMemo(() => sizes, [sizesKey]);
  const totalWidth = NUMBER_COL + sizes.reduce((n, w) => n + w, 0) + ADD_COLUMN_WIDTH;
  // Server rendering and hydration draw only what fits the first screen; overscan follows.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const columnWindow = useColumnWindow(scroller, widths, active.col, firstSize, hydrated);
  useRememberedGridSize(scroller, firstSize);

  // Not while the rows served with the page stand in: their groups' counts would be partial.
  const groupBy =
    columnSync && !rowWindow && view.groupBy && allColumns.some((c) => c.id === view.groupBy) ? view.groupBy : null;
  const layout = useMemo(() => layoutRows(rows, groupBy), [rows, groupBy]);
  const virtualizer = useVirtualizer({
    count: layout.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: hydrated ? 12 : 0,
    initialRect: firstSize,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new row height makes every measured size stale
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const lines = virtualizer.getVirtualItems();
  // The rows on screen, without the virtualizer's overscan: a windowed table opens their blocks.
  const [firstLine, lastLine] = [virtualizer.range?.startIndex ?? 0, virtualizer.range?.endIndex ?? 0];
  const show = rowWindow?.show;
  useEffect(
    () => show?.({ start: firstLine, end: lastLine, active: active.row }),
    [show, firstLine, lastLine, active.row],
  );
  /** Set when an action stopped at rows not loaded yet; moving the active cell clears it. */
  const [notLoaded, setNotLoaded] = useState(false);
  /** An action stopped at rows not loaded yet: the grid says so, and loading stops giving way to keys. */
  const notYet = () => {
    waitingForLoad();
    setNotLoaded(true);
  };
  /** Whether rows `from`…`to` are all loaded (or, to read them, served with the page); if not, the grid says so. */
  const loaded = (from: number, to: number, served = false) => {
    const ok = !rows.slice(from, to + 1).some((r) => r.loading && !(served && r.preview));
    if (!ok) notYet();
    return ok;
  };

  const activeRow = rows[Math.min(active.row, rows.length - 1)];
  const typingCols = columns.flatMap((c, i) => (takesTyping(c) ? [i + 1] : [])).join(",");
  const activeColumn = columns[Math.min(active.col, columns.length - 1)];
  /** The row formula editors preview their result on: the active one. */
  const sample = useMemo(
    () =>
      activeRow
        ? { label: `row ${Math.min(active.row, rows.length - 1) + 1}`, cells: namedCells(allColumns, activeRow) }
        : null,
    [activeRow, active.row, rows.length, allColumns],
  );
  useEffect(() => onActiveChange?.(activeRow ?? null, activeColumn ?? null), [activeRow, activeColumn, onActiveChange]);
  // When the synced rows replace the served ones, the active cell (and an open editor) stays on its
  // row, wherever the synced order puts it (the server's order can differ from the grid's for ties
  // and collation; an early edit can move a row): moved in the same render, before anything draws.
  const source = `${sync !== null}:${syncing}`;
  const [shownSource, setShownSource] = useState(source);
  /** The rows as last drawn: the active cell (moved since, or not) is an index into them. */
  const drawnRows = useRef(rows);
  if (shownSource !== source) {
    setShownSource(source);
    const id = drawnRows.current[active.row]?.id;
    const at = sync && id ? rows.findIndex((r) => r.id === id) : -1;
    if (at >= 0 && at !== active.row) {
      setActive({ row: at, col: active.col });
      setAnchor({ row: at, col: active.col });
    }
  }
  useEffect(() => {
    drawnRows.current = rows;
  }, [rows]);

  const focusGrid = () => scroller.current?.focus({ preventScroll: true });
  const go = (next: Cell, extend = false) => {
    setNotLoaded(false);
    setActive(next);
    if (!extend) setAnchor(next);
    virtualizer.scrollToIndex(layout.lineOf[next.row] ?? next.row, { align: "auto" });
    columnWindow.reveal(next.col);
  };
  /** Rows a page holds: PageUp/PageDown move by this many. */
  const pageRows = () => Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 400) - HEADER_HEIGHT) / rowHeight));
  useEarlyInput((input, early) => {
    const rowAt = (line: number) => {
      const item = layout.items[line];
      return item?.kind === "row" ? item.rowIndex : undefined;
    };
    const next = input.length
      ? replayEarlyInput(
          input,
          { active, anchor },
          { rows: rows.length, cols: columns.length, pageRows: pageRows(), rowAt },
        )
      : null;
    if (next) {
      go(next.active, true);
      setAnchor(next.anchor);
    }
    // The page's script had an editor open at the cell the replay ends on: it goes on here.
    const at = next?.active ?? active;
    const row = rows[at.row];
    const column = columns[at.col];
    if (!early || !row || !column || (row.loading && !row.preview) || !takesTyping(column)) return;
    const waiting = early.committed ? { move: early.move } : undefined;
    const unfocused = early.focused ? undefined : true;
    setEditing({ rowId: row.id, columnId: column.id, text: early.text, error: null, waiting, unfocused });
  });
  const range: CellRange = {
    top: Math.min(active.row, anchor.row),
    bottom: Math.max(active.row, anchor.row),
    left: Math.min(active.col, anchor.col),
    right: Math.max(active.col, anchor.col),
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the caller asks, not when the cell moves
  useEffect(() => {
    if (selectionReset) setAnchor(active);
  }, [selectionReset]);
  const spanned = range.bottom > range.top ? rows.slice(range.top, range.bottom + 1) : [];
  const selectedRows = spanned.some((r) => r.loading) ? [] : spanned;
  const selectionKey = selectedRows.map((r) => r.id).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the selected rows
  useEffect(() => onSelectRows?.(selectedRows), [selectionKey, onSelectRows]);
  const _inRange = (r: number, c: number) => r >= range.top && r <= range.bottom && c >= range.left && c <= range.right;

  /**
   * Dialogs opened from the grid (add a column, a column's menu) are portals, and React bubbles
   * their key and clipboard events up here: only events aimed at the grid itself are the grid's.
   */
  const fromGrid = (e: { target: EventTarget; currentTarget: EventTarget }) => e.target === e.currentTarget;

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || !fromGrid(e)) return;
    e.preventDefault();
    if (loaded(range.top, range.bottom, true)) e.clipboardData.setData("text/plain", copyRange(rows, columns, range));
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || props.readOnly || !fromGrid(e)) return;
    e.preventDefault();
    if (!sync) return void notYet();
    const data = readPaste(e.clipboardData.getData("text/plain"));
    if (!loaded(range.top, range.top + data.length - 1)) return;
    // Past the last row adds rows: not while the served rows stand in for the table.
    if (syncing && range.top + data.length > rows.length) return void notYet();
    const problems = pasteRange(sync, rows, columns, range, data, rowWindow?.lastPos ?? null);
    setPasteProblem(problems.length ? `${problems.length} value(s) not pasted — ${problems[0]}` : null);
  };
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);

  /** Where the edit's row and column are now (-1: not among the rows, or not shown). */
  const editRow = editing ? rows.findIndex((r) => r.id === editing.rowId) : -1;
  const editCol = editing ? columns.findIndex((c) => c.id === editing.columnId) : -1;
  /** The whole table is in (or the window onto it is): a row not found now is not coming. */
  const settled = Boolean(sync && !syncing && (!rowWindow || rowWindow.ready));
  /**
   * Saves the edit to the row and column it was opened on, wherever they are now; false while it
   * stays open: refused, or waiting for its row to sync.
   */
  const commit = (text: string, move: EditMove | null = null): boolean => {
    if (!editing) return true;
    const refuse = (error: string) => {
      setEditing({ ...editing, text, error, waiting: undefined });
      return false;
    };
    if (props.readOnly) return refuse("This table is read-only for you: the edit was not saved.");
    const row = rows[editRow];
    const column = allColumns.find((c) => c.id === editing.columnId);
    if (!column) return refuse("This column was deleted: the edit was not saved.");
    if (!sync || !row || row.loading) {
      if (settled && !row) return refuse("This row is no longer in this view: the edit was not saved.");
      // Typed before the row synced: saved, and the move made, once it has (the effect below).
      if (!editing.waiting) setEditing({ ...editing, text, error: null, waiting: { move } });
      return false;
    }
    const parsed = parseInput(column.type, text);
    if (!parsed.ok) return refuse(parsed.error);
    writeCell(sync, row, column.id, parsed.value);
    setEditing(null);
    return true;
  };
  /** After a save: focus back to the grid (when it came from the editor) and the move Enter or Tab asked for. */
  const saved = (move: EditMove | null, refocus: boolean) => {
    if (refocus) focusGrid();
    if (move)
      go(moveActive(active, { key: move, ctrl: false, shift: false }, rows.length, columns.length, 1) ?? active);
  };
  const edit = (row: GridRow, column: ColumnDef, text: string) =>
    setEditing({ rowId: row.id, columnId: column.id, text, error: null });

  const startEditing = (initial?: string) => {
    if (activeRow && activeColumn && OPENS_ON_ENTER.has(activeColumn.type)) {
      // Enter on a button cell presses it; on an attachment or link cell it opens the viewer or picker.
      document.getElementById(cellId(activeRow.id, active.col))?.querySelector("button")?.click();
      return;
    }
    // A character typed on a row shown (served or synced) opens the editor, synced or not yet:
    // it replaces the cell's text, so the row's other cells need not have arrived.
    if (initial !== undefined && !props.readOnly && activeRow && activeColumn && takesTyping(activeColumn)) {
      if (activeRow.loading && !activeRow.preview) return void notYet();
      return edit(activeRow, activeColumn, initial);
    }
    if (!sync && !props.readOnly) return void notYet();
    if (readOnly || !sync || !activeRow || !activeColumn || activeColumn.type === "formula") return;
    if (!loaded(active.row, active.row)) return;
    if (activeColumn.type === "checkbox") {
      writeCell(sync, activeRow, activeColumn.id, activeRow.cells[activeColumn.id] !== true);
      return;
    }
    edit(activeRow, activeColumn, initial ?? inputText(activeRow.cells[activeColumn.id]));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !fromGrid(e)) return;
    const command = keyCommand({ key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey }, active, {
      rows: rows.length,
      cols: columns.length,
      pageRows: pageRows(),
      checkbox: activeColumn?.type === "checkbox",
    });
    // Delete in a table that cannot be written is left to the browser, as it always was.
    if (!command || (command.do === "clear" && (readOnly || !sync))) return;
    e.preventDefault();
    switch (command.do) {
      case "move":
        return go(command.to, command.extend);
      case "undo":
      case "redo":
        if (!readOnly && undo) undo[command.do]();
        return;
      case "fillDown":
        if (!readOnly && sync && loaded(range.top, range.bottom)) fillDown(sync, rows, columns, range);
        return;
      case "expand":
        if (activeRow) onExpand?.(activeRow);
        return;
      case "clear":
        if (sync && loaded(range.top, range.bottom)) clearRange(sync, rows, columns, range);
        return;
      case "edit":
        return startEditing(command.text);
    }
  };

  // The editor stays on its row and column when rows or columns move under it (a windowed
  // table's rows arriving in their synced order, a column moved by someone else).
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the edit's row and column only
  useEffect(() => {
    if (editRow < 0 || editCol < 0 || (editRow === active.row && editCol === active.col)) return;
    setActive({ row: editRow, col: editCol });
    setAnchor({ row: editRow, col: editCol });
  }, [editRow, editCol]);

  // An edit committed before its row could take it is saved once the row has synced (or refused,
  // saying why: the table turned out read-only, the row left the view). Focus comes back to the
  // grid only from the editor: a person who went on elsewhere meanwhile keeps their place.
  const waiting = editing?.waiting;
  const canSave = Boolean(waiting && sync && rows[editRow] && !rows[editRow]?.loading);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the edit starts waiting or its row becomes writable
  useEffect(() => {
    if (!waiting || !editing || !(canSave || settled || props.readOnly)) return;
    const fromEditor = scroller.current?.contains(document.activeElement) ?? false;
    if (commit(editing.text, waiting.move)) saved(waiting.move, fromEditor);
  }, [waiting, canSave, settled, props.readOnly]);

  const peersByRow = useMemo(() => {
    const byRow = new Map<string, Peer[]>();
    for (const peer of peers) if (peer.rowId) byRow.set(peer.rowId, [...(byRow.get(peer.rowId) ?? []), peer]);
    return byRow;
  }, [peers]);
  /** Rows keep the order people give them only while no sort or grouping decides it. */
  const manualOrder = !readOnly && !syncing && view.sorts.length === 0 && !groupBy;
  const [dropRow, setDropRow] = useState<number | null>(null);
  /** Moves the row at `from` to where the row at `to` is (before it going up, after it going down). */
  const moveRowTo = (from: number, to: number) => {
    const row = rows[from];
    if (!sync || !row || to < 0 || to >= rows.length || to === from) return;
    if (syncing) return void notYet();
    if (!loaded(Math.max(0, Math.min(from, to) - 1), Math.max(from, to) + 1)) return;
    const others = rows.filter((r) => r.id !== row.id);
    const at = to;
    moveRowBetween(sync, row, others[at - 1], others[at]);
    go({ row: to, col: active.col });
  };
  const deleteRows = (from: number, to: number) => {
    if (!sync || !loaded(from, to)) return;
    const doomed = rows.slice(from, to + 1);
    for (const row of doomed) {
      const doc = sync.open(row.block);
      doc.transact(() => deleteRow(doc, row.id));
    }
    go({ row: Math.max(0, Math.min(from, rows.length - doomed.length - 1)), col: active.col });
  };

  /** What rows do, kept current every render so the rows themselves need not render again. */
  const actions = useRef<RowActions>(null!);
  actions.current = {
    cellMouseDown: (rowIndex, col, shift) => {
      if (editing && !commit(editing.text)) return;
      go({ row: rowIndex, col }, shift);
    },
    cellDoubleClick: () => startEditing(),
    editText: (text) => setEditing((e) => e && { ...e, text, error: null }),
    commitEdit: (text, move) => {
      if (commit(text, move)) saved(move, true);
    },
    cancelEdit: () => {
      setEditing(null);
      focusGrid();
    },
    expand: (row) => onExpand?.(row),
    insert: (rowIndex, copy) => {
      const row = rows[rowIndex];
      if (!sync || !row || !loaded(rowIndex, rowIndex + 1)) return;
      if (syncing) return void notYet();
      insertRowAfter(sync, row, rows[rowIndex + 1], copy ? writableCells(allColumns, row.cells) : {});
      go({ row: rowIndex + 1, col: active.col });
    },
    deleteAt: (rowIndex) =>
      rowIndex >= range.top && rowIndex <= range.bottom
        ? deleteRows(range.top, range.bottom)
        : deleteRows(rowIndex, rowIndex),
    moveRow: moveRowTo,
    dropRowOn: (rowIndex, draggedId) => {
      setDropRow(null);
      const moved = rows.findIndex((r) => r.id === draggedId);
      if (moved >= 0 && moved !== rowIndex) moveRowTo(moved, rowIndex);
    },
    markDrop: setDropRow,
    write: (row, columnId, value) => {
      if (sync && !row.loading) writeCell(sync, row, columnId, value);
    },
  };

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label="Table rows"
      aria-rowcount={layout.items.length + 1}
      aria-colcount={columns.length}
      aria-readonly={readOnly || undefined}
      // The columns a typed character edits, for the page's first script (early-input.ts).
      data-typing-cols={props.readOnly ? undefined : typingCols}
      aria-busy={!sync || syncing || (rowWindow && !rowWindow.ready) || undefined}
      data-open-blocks={rowWindow?.openBlocks}
      aria-activedescendant={activeRow ? cellId(activeRow.id, active.col) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      onPaste={onPaste}
      className="relative h-full overflow-auto rounded-lg border border-line bg-surface text-[13px] outline-none focus-visible:ring-1 focus-visible:ring-accent/50"
    >
      <div style={{ width: totalWidth, height: HEADER_HEIGHT + layout.items.length * rowHeight }} className="relative">
        <GridHeader
          sync={columnSync}
          viewId={viewId}
          columns={columns.map((column, i) => ({ column, width: headers[i]?.getSize() ?? columnWidth(column, {}) }))}
          slots={columnWindow.slots}
          allColumns={allColumns}
          height={HEADER_HEIGHT}
          numberWidth={NUMBER_COL}
          readOnly={readOnly || syncing}
          sample={sample}
          onResize={(id, width) =>
            columnSync && updateView(columnSync, viewId, (v) => ({ ...v, widths: { ...v.widths, [id]: width } }))
          }
          onMove={(id, target) =>
            columnSync &&
            updateView(columnSync, viewId, (v) => ({ ...v, order: moveColumn(allColumns, v.order, id, target) }))
          }
        />
        {lines.map((line) => {
          const entry = layout.items[line.index]!;
          if (entry.kind === "group") {
            const name = allColumns.find((c) => c.id === groupBy)?.name ?? "";
            return (
              <div
                key={`group:${entry.key}`}
                role="row"
                aria-rowindex={line.index + 2}
                className="absolute left-0 flex items-end border-b border-line bg-surface-2"
                style={{ top: HEADER_HEIGHT + line.index * rowHeight, height: rowHeight, width: totalWidth }}
              >
                <div
                  role="gridcell"
                  aria-colspan={columns.length}
                  data-group={entry.label}
                  className="sticky left-0 flex h-8 items-center gap-2 px-3 text-[13px]"
                >
                  <span className="text-xs text-muted">{name}</span>
                  <span className="font-semibold">{entry.label}</span>
                  <span className="rounded-full bg-surface px-2 text-xs text-muted tabular-nums">
                    {entry.count.toLocaleString()}
                  </span>
                </div>
              </div>
            );
          }
          const { rowIndex } = entry;
          const row = rows[rowIndex]!;
          const inSelection = rowIndex >= range.top && rowIndex <= range.bottom;
          return (
            <GridRowView
              key={row.id}
              row={row}
              rowIndex={rowIndex}
              line={line.index}
              top={HEADER_HEIGHT + line.index * rowHeight}
              height={rowHeight}
              totalWidth={totalWidth}
              columns={columns}
              allColumns={allColumns}
              widths={widths}
              slots={columnWindow.slots}
              tableId={tableId}
              readOnly={readOnly || Boolean(row.loading)}
              rowHeight={view.rowHeight}
              activeCol={rowIndex === active.row ? active.col : -1}
              editing={rowIndex === active.row ? editing : null}
              selLeft={inSelection ? range.left : -1}
              selRight={inSelection ? range.right : -1}
              rangeRows={inSelection ? range.bottom - range.top + 1 : 1}
              peers={peersByRow.get(row.id)}
              manualOrder={manualOrder}
              dropTarget={dropRow === rowIndex}
              actions={actions}
            />
          );
        })}
      </div>
      {notLoaded ? (
        <div
          role="alert"
          className="sticky bottom-2 left-2 z-30 inline-block rounded bg-fg px-2 py-1 text-xs text-surface"
        >
          {rowWindow ? NOT_LOADED : SYNCING}
        </div>
      ) : null}
      {pasteProblem ? (
        <div
          role="alert"
          className="sticky bottom-2 left-2 z-30 inline-block rounded bg-danger px-2 py-1 text-xs text-white"
        >
          {pasteProblem}
        </div>
      ) : null}
    </div>
  );
}

/**
 * One row of the grid, memoized: while the grid scrolls, rows already on screen keep their
 * elements and only rows coming into view render. Everything a row does goes through `actions`,
 * a ref the grid keeps current, so the row's props stay equal between frames.
 */
import clsx from "clsx";
import { memo, type RefObject } from "react";
import type { CellValue, ColumnDef, RowHeight } from "../../schema/tables";
import type { Editing, EditMove } from "./cell-editor";
import type { ColumnSlot } from "./column-window";
import { GridCellView } from "./grid-cell";
import { RowMenu } from "./row-menu";
import { NUMBER_COL } from "./sizes";
import type { GridRow } from "./use-table";

/** What a dragged row number carries. */
export const ROW_DRAG = "application/x-rowpilot-row";

export type Peer = { clientId: number; name: string; color: string; rowId: string | null; colId: string | null };

export type RowActions = {
  cellMouseDown(rowIndex: number, col: number, shift: boolean): void;
  cellDoubleClick(): void;
  editText(text: string): void;
  commitEdit(text: string, move: EditMove | null): void;
  cancelEdit(): void;
  expand(row: GridRow): void;
  insert(rowIndex: number, copy: boolean): void;
  deleteAt(rowIndex: number): void;
  moveRow(from: number, to: number): void;
  dropRowOn(rowIndex: number, draggedId: string): void;
  markDrop(rowIndex: number | null): void;
  write(row: GridRow, columnId: string, value: CellValue): void;
};

type Props = {
  row: GridRow;
  rowIndex: number;
  /** The display line (group headers take lines too): what ARIA and the position count. */
  line: number;
  top: number;
  height: number;
  totalWidth: number;
  columns: ColumnDef[];
  allColumns: ColumnDef[];
  widths: readonly number[];
  /** The columns drawn (see `column-window`). */
  slots: readonly ColumnSlot[];
  tableId: string;
  readOnly: boolean;
  rowHeight: RowHeight;
  /** The active cell's column on this row, or -1. */
  activeCol: number;
  editing: Editing | null;
  /** The selected range's columns when this row is in it, else -1; and how many rows it spans. */
  selLeft: number;
  selRight: number;
  rangeRows: number;
  peers: readonly Peer[] | undefined;
  manualOrder: boolean;
  dropTarget: boolean;
  actions: RefObject<RowActions>;
};

export const GridRowView = memo(function GridRowView(props: Props) {
  const { row, rowIndex, columns, readOnly, activeCol, editing, selLeft, selRight, actions } = props;
  const act = () => actions.current!;
  const inRange = (col: number) => selLeft >= 0 && col >= selLeft && col <= selRight;
  return (
    <div
      role="row"
      aria-rowindex={props.line + 2}
      aria-busy={row.loading}
      // Drawn before its cells are known (the page's first script opens no editor on it).
      data-placeholder={(row.loading && !row.preview) || undefined}
      // Each row is its own compositor layer, opaque: scrolling paints only the rows it brings in.
      // A row is also a stacking context, so the row being edited is lifted over the next (its
      // error shows).
      className={clsx(
        "absolute left-0 flex border-b border-line bg-surface will-change-transform hover:bg-surface-2/60",
        editing && "z-[5]",
      )}
      style={{ top: props.top, height: props.height, width: props.totalWidth }}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drag handle for pointers; the row menu moves rows by keyboard */}
      <div
        className={clsx(
          "sticky left-0 z-10 flex shrink-0 items-center justify-end border-r border-line bg-surface pr-2 text-xs text-muted tabular-nums",
          props.manualOrder && "cursor-grab",
          props.dropTarget && "shadow-[inset_0_2px_0_var(--accent)]",
        )}
        style={{ width: NUMBER_COL }}
        draggable={props.manualOrder}
        data-row-handle={rowIndex + 1}
        onDragStart={(e) => {
          e.dataTransfer.setData(ROW_DRAG, row.id);
          e.dataTransfer.effectAllowed = "move";
        }}
        onDragOver={(e) => {
          if (!props.manualOrder || !e.dataTransfer.types.includes(ROW_DRAG)) return;
          e.preventDefault();
          act().markDrop(rowIndex);
        }}
        onDragLeave={() => act().markDrop(null)}
        onDrop={(e) => act().dropRowOn(rowIndex, e.dataTransfer.getData(ROW_DRAG))}
      >
        <RowMenu
          number={rowIndex + 1}
          count={selLeft >= 0 ? props.rangeRows : 1}
          readOnly={readOnly}
          onExpand={() => act().expand(row)}
          onInsert={(copy) => act().insert(rowIndex, copy)}
          onDelete={() => act().deleteAt(rowIndex)}
          onMove={props.manualOrder ? (by) => act().moveRow(rowIndex, rowIndex + by) : undefined}
        />
      </div>
      {props.slots.map(({ col: colIndex, spacer }) => {
        const column = columns[colIndex]!;
        const isActive = colIndex === activeCol;
        const peer = props.peers?.find((p) => p.colId === column.id);
        return [
          spacer ? <div key={`skip-${column.id}`} aria-hidden className="shrink-0" style={{ width: spacer }} /> : null,
          <GridCellView
            key={column.id}
            row={row}
            rowIndex={rowIndex}
            colIndex={colIndex}
            column={column}
            width={props.widths[colIndex]!}
            active={isActive}
            inRange={inRange(colIndex)}
            editing={isActive ? editing : null}
            peer={peer}
            readOnly={readOnly}
            rowHeight={props.rowHeight}
            tableId={props.tableId}
            allColumns={props.allColumns}
            actions={actions}
          />,
        ];
      })}
    </div>
  );
});

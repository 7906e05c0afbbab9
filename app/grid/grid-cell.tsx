/**
 * One cell of the grid, memoized: a row that renders again (its selection changed, a column
 * scrolled into view) renders only the cells whose own props changed.
 */
import clsx from "clsx";
import { memo, type RefObject } from "react";
import type { CellValue, ColumnDef, RowHeight } from "../../schema/tables";
import { AttachmentCell } from "./attachment-cell";
import { ButtonCell } from "./button-cell";
import { CellDisplay } from "./cell-display";
import { CellEditor, type Editing } from "./cell-editor";
import { namedCells } from "./computed";
import type { Peer, RowActions } from "./grid-row";
import { LinkCell } from "./link-cell";
import { NUMBER_COL } from "./sizes";
import type { GridRow } from "./use-table";

export const cellId = (rowId: string, col: number) => `cell-${rowId}-${col}`;

type Props = {
  row: GridRow;
  rowIndex: number;
  colIndex: number;
  column: ColumnDef;
  width: number;
  active: boolean;
  /** Inside the selected range. */
  inRange: boolean;
  /** The edit under way, when this is the active cell. */
  editing: Editing | null;
  /** A collaborator whose selected cell this is. */
  peer: Peer | undefined;
  readOnly: boolean;
  rowHeight: RowHeight;
  tableId: string;
  allColumns: ColumnDef[];
  actions: RefObject<RowActions>;
};

export const GridCellView = memo(function GridCellView(props: Props) {
  const { row, rowIndex, colIndex, column, width, active, inRange, editing, peer, readOnly, rowHeight } = props;
  const { tableId, allColumns, actions } = props;
  const act = () => actions.current!;
  const value = row.cells[column.id];
  return (
    <div
      role="gridcell"
      id={cellId(row.id, colIndex)}
      aria-colindex={colIndex + 1}
      aria-selected={active}
      className={clsx(
        // Content clips itself rather than the cell: a clipping cell made every scrolled frame
        // costlier to composite (about twice the dropped frames in Chromium).
        "group relative flex shrink-0 border-r border-line px-2 [&>*]:min-w-0 [&>*]:overflow-hidden",
        // Taller rows wrap text onto the lines they have, like Airtable's medium and tall rows.
        rowHeight === "short"
          ? "items-center whitespace-nowrap"
          : clsx(
              "items-start py-1.5 [&_.truncate]:whitespace-normal [&_.truncate]:break-words",
              rowHeight === "medium" ? "[&_.truncate]:line-clamp-2" : "[&_.truncate]:line-clamp-4",
            ),
        !active && inRange && "bg-accent-soft",
        // The first column stays in view while scrolling sideways, like Airtable's primary field.
        colIndex === 0 && "sticky z-[2]",
        colIndex === 0 && (active || !inRange) && "bg-surface",
      )}
      style={{
        ...(colIndex === 0 ? { left: NUMBER_COL } : {}),
        width: width,
        ...(peer && !active ? { boxShadow: `inset 0 0 0 2px ${peer.color}` } : {}),
      }}
      onMouseDown={(e) => act().cellMouseDown(rowIndex, colIndex, e.shiftKey)}
      onDoubleClick={() => act().cellDoubleClick()}
    >
      {row.loading && !row.preview ? (
        // A quiet bar the height of a line of text, so filling in moves nothing.
        <span aria-hidden className="my-auto h-2.5 w-3/5 rounded-full bg-line/70" />
      ) : active && editing ? (
        <CellEditor
          text={editing.text}
          error={editing.error}
          waiting={Boolean(editing.waiting)}
          focus={!editing.unfocused}
          onChange={(text) => act().editText(text)}
          onCommit={(text, move) => act().commitEdit(text, move)}
          onCancel={() => act().cancelEdit()}
        />
      ) : column.type === "link" ? (
        <LinkCell
          column={column}
          value={value}
          readOnly={readOnly}
          onChange={(ids) => act().write(row, column.id, ids)}
        />
      ) : column.type === "attachment" ? (
        <AttachmentCell
          tableId={tableId}
          column={column}
          value={value}
          readOnly={readOnly}
          onChange={(files) => act().write(row, column.id, files)}
        />
      ) : column.type === "button" ? (
        <ButtonCell
          tableId={tableId}
          rowId={row.id}
          column={column}
          value={value}
          named={namedCells(allColumns, row)}
          readOnly={readOnly}
        />
      ) : (
        <CellDisplay column={column} value={value as CellValue | undefined} />
      )}
      {peer ? (
        <span
          data-presence=""
          className="absolute -top-0 right-0 z-[2] rounded-bl px-1 text-[10px] leading-4 text-white"
          style={{ background: peer.color }}
        >
          {peer.name}
        </span>
      ) : null}
    </div>
  );
});

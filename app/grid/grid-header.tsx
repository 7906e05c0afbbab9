/**
 * The grid's header row: column names with their menus, a handle on each right edge to resize
 * (drag; the width is saved in the view), headers dragged onto each other to reorder, and the
 * add-column button.
 */
import clsx from "clsx";
import { type PointerEvent as ReactPointerEvent, useState } from "react";
import type { ColumnDef } from "../../schema/tables";
import type { TableSync } from "../../sync/provider";
import { AddColumn } from "./add-column";
import { ColumnMenu } from "./column-menus";
import type { ColumnSlot } from "./column-window";
import type { Sample } from "./computed-fields";
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from "./sizes";

const DRAG_TYPE = "application/x-rowpilot-column";

type Props = {
  /** Null before the table syncs: no column menus then. */
  sync: TableSync | null;
  viewId: string;
  /** The columns shown, in order, with their widths. */
  columns: { column: ColumnDef; width: number }[];
  /** The columns drawn (see `column-window`). */
  slots: readonly ColumnSlot[];
  allColumns: ColumnDef[];
  height: number;
  numberWidth: number;
  readOnly: boolean;
  sample: Sample;
  onResize: (columnId: string, width: number) => void;
  /** Moves a column to where another one is. */
  onMove: (columnId: string, target: string) => void;
};

export function GridHeader(props: Props) {
  const { sync, viewId, columns, slots, allColumns, height, numberWidth, readOnly, sample } = props;
  const last = slots[slots.length - 1]?.col ?? -1;
  const trailing = columns.slice(last + 1).reduce((n, c) => n + c.width, 0);
  /** A resize in progress: shown at once, saved when the pointer is let go. */
  const [live, setLive] = useState<{ id: string; width: number } | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const startResize = (e: ReactPointerEvent<HTMLDivElement>, id: string, width: number) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const widthAt = (x: number) =>
      Math.round(Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, width + x - startX)));
    const move = (ev: PointerEvent) => setLive({ id, width: widthAt(ev.clientX) });
    const up = (ev: PointerEvent) => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      setLive(null);
      if (ev.clientX !== startX) props.onResize(id, widthAt(ev.clientX));
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
  };

  return (
    <div
      role="row"
      aria-rowindex={1}
      className="sticky top-0 z-20 flex border-b border-line bg-surface-2"
      style={{ height }}
    >
      <div className="sticky left-0 z-10 shrink-0 border-r border-line bg-surface-2" style={{ width: numberWidth }} />
      {slots.map(({ col: i, spacer }) => {
        const { column, width: saved } = columns[i]!;
        const width = live?.id === column.id ? live.width : saved;
        return [
          spacer ? <div key={`skip-${column.id}`} aria-hidden className="shrink-0" style={{ width: spacer }} /> : null,
          <div
            key={column.id}
            role="columnheader"
            aria-colindex={i + 1}
            draggable={!readOnly}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, column.id);
              e.dataTransfer.effectAllowed = "move";
            }}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              setDropAt(i);
            }}
            onDragLeave={() => setDropAt(null)}
            onDrop={(e) => {
              const id = e.dataTransfer.getData(DRAG_TYPE);
              setDropAt(null);
              if (id && id !== column.id) props.onMove(id, column.id);
            }}
            className={clsx(
              "relative flex shrink-0 items-center border-r border-line bg-surface-2 px-2 font-medium text-muted",
              i === 0 && "sticky z-10",
              dropAt === i && "shadow-[inset_2px_0_0_var(--accent)]",
            )}
            style={{ width, ...(i === 0 ? { left: numberWidth } : {}) }}
          >
            <span className="truncate">{column.name}</span>
            {sync ? (
              <ColumnMenu
                sync={sync}
                viewId={viewId}
                column={column}
                columns={allColumns}
                shown={columns.map((c) => c.column)}
                width={width}
                readOnly={readOnly}
                sample={sample}
              />
            ) : null}
            {readOnly ? null : (
              // A pointer-only handle: the column menu widens and narrows by keyboard.
              <div
                aria-hidden
                data-resize={column.name}
                onPointerDown={(e) => startResize(e, column.id, width)}
                className="absolute top-0 -right-1 z-10 h-full w-2 cursor-col-resize hover:bg-accent/40"
              />
            )}
          </div>,
        ];
      })}
      {trailing ? <div aria-hidden className="shrink-0" style={{ width: trailing }} /> : null}
      {readOnly || !sync ? null : <AddColumn sync={sync} existing={allColumns} sample={sample} />}
    </div>
  );
}

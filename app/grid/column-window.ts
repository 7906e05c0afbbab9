/**
 * Column virtualization: the grid draws the columns on screen and a couple either side, plus the
 * frozen first column and the active one (which `aria-activedescendant` names), and a spacer for
 * each run of columns it skips, so every drawn cell sits where it would if all were drawn.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { type RefObject, useEffect, useMemo } from "react";
import { NUMBER_COL } from "./sizes";

/** Columns drawn past either edge of the screen, so a sideways scroll rarely shows a gap. */
const OVERSCAN = 2;
/**
 * The drawn range moves in steps of this many columns: each move redraws every row on screen, so
 * a sideways scroll does that once per four columns rather than once per column.
 */
const STEP = 4;

/** One drawn column (`col`, its index) or the spacer standing for the columns before it. */
export type ColumnSlot = { col: number; spacer: number };

/** The drawn columns in order, each with the width skipped since the previous drawn one. */
export function columnSlots(widths: readonly number[], drawn: Iterable<number>): ColumnSlot[] {
  const cols = [...new Set(drawn)].filter((c) => c >= 0 && c < widths.length).sort((a, b) => a - b);
  const slots: ColumnSlot[] = [];
  let next = 0;
  for (const col of cols) {
    let spacer = 0;
    for (let c = next; c < col; c++) spacer += widths[c]!;
    slots.push({ col, spacer });
    next = col + 1;
  }
  return slots;
}

/**
 * The columns to draw and a way to bring one into view. `initialRect` is the grid's size before it
 * is measured (server rendering); `overscan` is false until the page has hydrated, so the first
 * render draws only what fits.
 */
export function useColumnWindow(
  scroller: RefObject<HTMLDivElement | null>,
  widths: readonly number[],
  active: number,
  initialRect: { width: number; height: number },
  overscan: boolean,
) {
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: widths.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => widths[i] ?? 0,
    paddingStart: NUMBER_COL,
    // The row numbers and the frozen first column cover the left edge: a column brought into view
    // lands right of them.
    scrollPaddingStart: NUMBER_COL + (widths[0] ?? 0),
    overscan: overscan ? OVERSCAN : 0,
    initialRect,
    // Drawn after the scroll event, not inside it: the rows redraw at most once a frame.
    useFlushSync: false,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: new widths make every measured size stale
  useEffect(() => virtualizer.measure(), [virtualizer, widths]);
  const items = virtualizer.getVirtualItems();
  const from = Math.floor((items[0]?.index ?? 0) / STEP) * STEP;
  const last = items[items.length - 1]?.index ?? -1;
  const to = last < 0 ? -1 : Math.min(widths.length - 1, (Math.floor(last / STEP) + 1) * STEP - 1);
  // The active column counts only when off screen, so moving within the screen keeps rows as they are.
  const offScreen = active < from || active > to ? active : 0;
  const slots = useMemo(() => {
    const drawn = [0, offScreen];
    for (let c = from; c <= to; c++) drawn.push(c);
    return columnSlots(widths, drawn);
  }, [widths, offScreen, from, to]);
  return {
    slots,
    /** Scrolls sideways so column `col` is in view (the frozen first one always is). */
    reveal: (col: number) => {
      if (col > 0) virtualizer.scrollToIndex(col, { align: "auto" });
    },
  };
}

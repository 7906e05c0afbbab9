/**
 * Which blocks a windowed grid keeps open: those of the rows on screen (always), then those of
 * the rows around them, nearest first, up to a limit; blocks nobody needs close least recently
 * used first, so memory stays bounded however far the view scrolls.
 */
import type { DocName } from "../../sync/layout";

/**
 * Rows either side of the viewport whose blocks open ahead of time: a brisk fling (~3 rows a
 * frame) crosses 300 rows in ~1.7 s, about what a block (~430 KB of Yjs updates) takes to load.
 */
export const OVERSCAN_ROWS = 300;

/**
 * Blocks open at most, beyond those the screen itself shows: 100 open blocks took 397 MB of heap
 * and 43 MB over the socket, so ~4 MB and ~430 KB each; 8 keep a windowed page near 40 MB.
 * In manual order 8 blocks are 8,000 neighbouring rows; a sort on a column unrelated to the order
 * rows were added in can spread one screen over many blocks, and those stay open while on screen.
 */
export const MAX_OPEN_BLOCKS = 8;

export type RowRange = {
  /** First and last row index on screen. */
  start: number;
  end: number;
  /** The active cell's row (kept open so an edit in progress has its block), or -1. */
  active: number;
};

/**
 * The blocks to have open, most needed first: the screen's and the active row's, then the blocks
 * of rows ever farther from the screen until `limit` is reached.
 */
export function blocksWanted(
  blockOf: readonly DocName[],
  range: RowRange,
  limit = MAX_OPEN_BLOCKS,
  overscan = OVERSCAN_ROWS,
): DocName[] {
  const wanted = new Set<DocName>();
  const last = blockOf.length - 1;
  for (let i = Math.max(0, range.start); i <= Math.min(last, range.end); i++) wanted.add(blockOf[i]!);
  if (range.active >= 0 && range.active <= last) wanted.add(blockOf[range.active]!);
  for (let d = 1; d <= overscan && wanted.size < limit; d++) {
    const above = range.start - d;
    const below = range.end + d;
    if (above < 0 && below > last) break;
    // The screen may be past the rows placed so far (an order still coming): only known rows count.
    if (above >= 0 && above <= last) wanted.add(blockOf[above]!);
    if (below <= last && wanted.size < limit) wanted.add(blockOf[below]!);
  }
  return [...wanted];
}

/**
 * Open blocks to close: those not wanted, least recently used first, until at most `limit`
 * (or every wanted one, if that is more) stay open.
 */
export function blocksToClose(
  open: readonly DocName[],
  wanted: readonly DocName[],
  lastUsed: ReadonlyMap<DocName, number>,
  limit = MAX_OPEN_BLOCKS,
): DocName[] {
  const keep = new Set(wanted);
  const spare = open.filter((b) => !keep.has(b)).sort((a, b) => (lastUsed.get(a) ?? 0) - (lastUsed.get(b) ?? 0));
  const excess = open.length - Math.max(limit, keep.size);
  return excess > 0 ? spare.slice(0, excess) : [];
}

/**
 * Ids for the rows a room adds itself (API inserts, imports by jobs): in the order they are made,
 * so that a batch's rows land side by side at the end of the row index's B-trees, which are keyed
 * by row id. Random ids (`newRowId`, which browsers use so that offline clients never collide)
 * spread a 1,000-row insert's 15,000 cells over every page of the cell index, so each batch
 * dirtied pages in proportion to the table's size: bench:api's 20,000 rows took the server
 * 309–373 ms of CPU per 1,000 with random ids, 223–288 ms with these (three runs each).
 *
 * Same shape as `newRowId`: "r" and 16 characters, here 9 of the millisecond in base 36, 3 of a
 * counter within it, and 4 random hex so ids made elsewhere at the same moment stay apart.
 */

/** Ids one millisecond can hold before the clock is moved on by one (three base-36 digits). */
const PER_MS = 36 ** 3;

export class RowIds {
  private ms = 0;
  private count = 0;

  /** The next id, after every id this instance made before (even if the clock went back). */
  next(now = Date.now()): string {
    if (now > this.ms) {
      this.ms = now;
      this.count = 0;
    } else if (++this.count >= PER_MS) {
      this.ms += 1;
      this.count = 0;
    }
    const random = crypto.getRandomValues(new Uint16Array(1))[0]!.toString(16).padStart(4, "0");
    return `r${this.ms.toString(36).padStart(9, "0")}${this.count.toString(36).padStart(3, "0")}${random}`;
  }
}

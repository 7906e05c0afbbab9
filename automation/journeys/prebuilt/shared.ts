/**
 * What every prebuilt journey shares: its shape, day lengths and the canvas layout helper that
 * places nodes top to bottom so a journey opens tidy in the builder.
 */
import type { JourneyDefinitionInput } from "../../../schema/journeys";

export type PrebuiltTables = { leads: string; businesses: string | null; dealerships: string | null };
/** A journey people start from, built for the workspace's tables (ids). */
export type PrebuiltJourney = {
  key: string;
  name: string;
  description: string;
  build(tables: PrebuiltTables): JourneyDefinitionInput;
};

const DAY = 86_400;
/** `n` days in seconds, the unit waits are given in. */
export const days = (n: number) => n * DAY;
/** Canvas spacing: a node card is ~100 px tall and ~200 px wide. */
const ROW_GAP = 160;
const COLUMN_GAP = 260;

/** Positions for rows of node ids, top to bottom, each row centred on x = 0. */
export function layout(rows: string[][]): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  rows.forEach((ids, row) => {
    ids.forEach((id, i) => {
      out[id] = { x: (i - (ids.length - 1) / 2) * COLUMN_GAP, y: row * ROW_GAP };
    });
  });
  return out;
}

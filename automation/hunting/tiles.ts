/**
 * Searching a territory past a map search's cap: Google Maps answers at most about 120 places a
 * query, so a search that comes back full is split into smaller circles (tiles) and each is
 * searched again, recursively, de-duplicated by place id (else by name and address). The report
 * says how many tiles were searched against how many places they found.
 */
import type { BusinessRecord } from "../../schema/hunting";
import { offsetMiles } from "../discovery/geo";
import type { BusinessSearch, BusinessSource } from "./sources/types";

/** Levels of splitting: 7 tiles, then 49; past that a "full" answer is a dense city block, not a cap. */
export const MAX_TILE_DEPTH = 2;
/** Tiles one territory may search, so a dense metro cannot run up a provider bill unseen. */
export const MAX_TILES = 57;
/** Below this radius a tile is as small as a map search is useful for. */
export const MIN_TILE_MILES = 0.25;

type Center = BusinessSearch["center"];

/**
 * Seven circles of half the radius that cover the circle: one at the centre and six around it at
 * √3/2 of the radius (the optimal covering of a disc by seven equal discs).
 * @example tilesOf({ lat: 30.27, lng: -97.74 }, 10).length // 7
 */
export function tilesOf(center: Center, radiusMiles: number): { center: Center; radiusMiles: number }[] {
  const ring = (radiusMiles * Math.sqrt(3)) / 2;
  const out = [{ center, radiusMiles: radiusMiles / 2 }];
  for (let k = 0; k < 6; k++) {
    const bearing = (k * Math.PI) / 3;
    out.push({
      center: offsetMiles(center, ring * Math.cos(bearing), ring * Math.sin(bearing)),
      radiusMiles: radiusMiles / 2,
    });
  }
  return out;
}

export interface TiledResult {
  records: BusinessRecord[];
  /** Searches made: 1 when the first answer was not full. */
  tilesSearched: number;
  /** Tiles still full at the deepest level or past the tile budget: places may be missing there. */
  fullTiles: number;
  /** Summed provider cost; null when no search reported one. */
  costUsd: number | null;
}

const keyOf = (r: BusinessRecord) =>
  r.placeId ?? `${r.name.trim().toLowerCase()}|${r.address.trim().toLowerCase()}|${r.zip.trim()}`;

/**
 * Searches the territory, splitting each full answer into tiles until the answers are not full,
 * the depth or the tile budget is reached.
 */
export async function searchTiled(source: BusinessSource, search: BusinessSearch): Promise<TiledResult> {
  const byKey = new Map<string, BusinessRecord>();
  let tilesSearched = 0;
  let fullTiles = 0;
  let cost: number | null = null;
  const queue: { center: Center; radiusMiles: number; depth: number }[] = [
    { center: search.center, radiusMiles: search.radiusMiles, depth: 0 },
  ];
  for (let tile = queue.shift(); tile; tile = queue.shift()) {
    if (tilesSearched >= MAX_TILES) {
      fullTiles += 1;
      continue;
    }
    const answer = await source.search({ ...search, center: tile.center, radiusMiles: tile.radiusMiles });
    tilesSearched += 1;
    if (answer.costUsd !== null) cost = (cost ?? 0) + answer.costUsd;
    for (const record of answer.records) byKey.set(keyOf(record), byKey.get(keyOf(record)) ?? record);
    if (!answer.full) continue;
    if (tile.depth >= MAX_TILE_DEPTH || tile.radiusMiles / 2 < MIN_TILE_MILES) {
      fullTiles += 1;
      continue;
    }
    for (const next of tilesOf(tile.center, tile.radiusMiles)) queue.push({ ...next, depth: tile.depth + 1 });
  }
  return { records: [...byKey.values()], tilesSearched, fullTiles, costUsd: cost };
}

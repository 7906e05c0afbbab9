/**
 * Territories: made, edited and removed over the API, and read as records (when one is due is
 * `automation/hunting/pace.ts`).
 */
import { locate } from "../../automation/discovery";
import { coolingUntil } from "../../automation/hunting";
import type { CreateTerritory, TerritoryRecord, TerritoryStatus, UpdateTerritory } from "../../schema/hunting-api";
import { CreateTerritory as CreateTerritorySchema, TerritoryStatus as StatusSchema } from "../../schema/hunting-api";
import type { ProjectCenter } from "../../schema/projects";
import type { AutomationOrigin, RowRecord } from "../../schema/tables";
import { byKey, reader } from "../kinds/tables";
import { allRows } from "../projects/store";
import { HuntingBusyError, HuntingForbiddenError, HuntingInputError, HuntingMissingError } from "./errors";
import type { Hunting } from "./tables";

export const huntingOrigin = (job: string): AutomationOrigin => ({ kind: "automation", job });

/** How a location reads in the grid's Location cell. */
function locationText(location: CreateTerritory["location"]): string {
  if ("zip" in location) return location.zip;
  if ("city" in location) return `${location.city}, ${location.state.toUpperCase()}`;
  return location.address;
}

export async function territoryRow(h: Hunting, id: string): Promise<RowRecord> {
  const [row] = await h.territories.room.readRows([id]);
  if (!row) throw new HuntingMissingError("Territory not found");
  return row;
}

export type Geocode = (location: CreateTerritory["location"]) => Promise<ProjectCenter>;

export async function createTerritory(h: Hunting, input: CreateTerritory, geocode: Geocode = locate): Promise<string> {
  const body = CreateTerritorySchema.parse(input);
  const center = await geocode(body.location);
  const cells = {
    name: body.name ?? `${body.query} in ${center.label}`,
    query: body.query,
    location: locationText(body.location),
    latitude: center.lat,
    longitude: center.lng,
    radius: body.radiusMiles,
    priority: body.priority,
    status: "pending",
    found: 0,
    new: 0,
    qualified: 0,
  };
  const inserted = await h.territories.room.insertRows(
    [byKey(h.territories, cells)],
    huntingOrigin("create-territory"),
  );
  if (!inserted.ok) throw new HuntingInputError(inserted.message);
  return inserted.value[0]!;
}

export async function updateTerritory(
  h: Hunting,
  id: string,
  input: UpdateTerritory,
  options: { owner: boolean; geocode?: Geocode },
): Promise<void> {
  const geocode = options.geocode ?? locate;
  const row = await territoryRow(h, id);
  if (input.status) {
    const territory = territoryRecord(h, row);
    if (territory.status === "scraping")
      throw new HuntingBusyError("This territory is being scraped; change its status when the scrape is done");
    if (!options.owner && coolingUntil(territory, new Date()))
      throw new HuntingForbiddenError("Only owners can end a territory's cooldown early");
  }
  const center = input.location ? await geocode(input.location) : null;
  const cells = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.query !== undefined ? { query: input.query } : {}),
    ...(input.radiusMiles !== undefined ? { radius: input.radiusMiles } : {}),
    ...(input.priority !== undefined ? { priority: input.priority } : {}),
    ...(input.status ? { status: input.status, cooldownUntil: null } : {}),
    ...(input.location && center
      ? { location: locationText(input.location), latitude: center.lat, longitude: center.lng }
      : {}),
  };
  const written = await h.territories.room.patchRow(id, byKey(h.territories, cells), huntingOrigin("edit-territory"));
  if (!written.ok) throw new HuntingInputError(written.message);
}

/** Removes the territory; its businesses stay (another territory may have found them too). */
export async function deleteTerritory(h: Hunting, id: string): Promise<void> {
  await territoryRow(h, id);
  await h.territories.room.deleteRows([id], huntingOrigin("delete-territory"));
}

const iso = (value: string) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null);

/** The territory's status as the grid shows it; anything else someone typed reads as pending. */
export function statusOf(h: Hunting, row: RowRecord): TerritoryStatus {
  const parsed = StatusSchema.safeParse(reader(h.territories, row.cells).text("status"));
  return parsed.success ? parsed.data : "pending";
}

export function territoryRecord(h: Hunting, row: RowRecord): Omit<TerritoryRecord, "lastRun"> {
  const r = reader(h.territories, row.cells);
  const lat = r.number("latitude");
  const lng = r.number("longitude");
  return {
    id: row.id,
    name: r.text("name"),
    query: r.text("query"),
    location: r.text("location"),
    center: lat !== null && lng !== null ? { lat, lng } : null,
    radiusMiles: r.number("radius") ?? 0,
    priority: r.number("priority") ?? 5,
    status: statusOf(h, row),
    lastScraped: iso(r.text("lastScraped")),
    cooldownUntil: iso(r.text("cooldownUntil")),
    found: r.number("found") ?? 0,
    new: r.number("new") ?? 0,
    qualified: r.number("qualified") ?? 0,
    qualificationRate: r.number("qualificationRate"),
    costUsd: r.number("cost"),
    lastError: r.text("lastError") || null,
  };
}

export async function allTerritories(h: Hunting): Promise<Omit<TerritoryRecord, "lastRun">[]> {
  return (await allRows(h.territories, [])).map((row) => territoryRecord(h, row));
}

/**
 * Discovery for a project: ask a source for dealers around the project's center, keep those of
 * its makes within its radius, and add the ones the project does not have yet (by website
 * domain, phone, or name and address) as pending Dealerships rows linked to it. Statuses of
 * dealers already there are kept; the project becomes active.
 */
import {
  csvSource,
  type DealerSource,
  dealerKeys,
  type Geocoder,
  googleGeocoder,
  googlePlacesSource,
  newDealers,
  nominatimGeocoder,
  outscraperSource,
  overpassSource,
  sampleSource,
  selectDealers,
} from "../../automation/discovery";
import { type DiscoverRequest, type DiscoverResult, DiscoverySource } from "../../schema/projects";
import type { CellValue, RowRecord } from "../../schema/tables";
import { readWorkspaceSecret } from "../api/settings";
import type { Db } from "../db";
import { ProjectBusyError, ProjectInputError, ProjectMissingError } from "./errors";
import { projectDetail } from "./records";
import { dealershipsOf, projectOrigin, projectRow } from "./store";
import { byKey, type Outreach, reader } from "./tables";

/** Rows written per room call, to keep each Yjs transaction and RPC message small. */
const INSERT_CHUNK = 500;
/** CSV problems reported back; the rest are counted. */
const MAX_PROBLEMS = 20;

/** The workspace's provider keys, from its encrypted settings. */
export type ProviderKeys = { outscraper?: string | null; google?: string | null };

export async function providerKeys(env: Env, db: Db, workspaceId: string): Promise<ProviderKeys> {
  const [outscraper, google] = await Promise.all([
    readWorkspaceSecret(env, db, workspaceId, "outscraperApiKey"),
    readWorkspaceSecret(env, db, workspaceId, "googlePlacesApiKey"),
  ]);
  return { outscraper, google };
}

const userAgent = (env: Env) => `Rowpilot/0.1 (+${env.APP_URL})`;

/** The address geocoder: Google when the workspace has a key, else OpenStreetMap's Nominatim. */
export function geocoderFor(env: Env, keys: ProviderKeys): Geocoder {
  return keys.google
    ? googleGeocoder({ apiKey: keys.google, baseUrl: env.GOOGLE_GEOCODING_URL || undefined })
    : nominatimGeocoder({ userAgent: userAgent(env), baseUrl: env.NOMINATIM_URL || undefined });
}

function sourceFor(
  env: Env,
  request: DiscoverRequest,
  keys: ProviderKeys,
): DealerSource & { errors?: { line: number; message: string }[] } {
  switch (request.source) {
    case "sample":
      return sampleSource();
    case "overpass":
      return overpassSource({ baseUrl: env.OVERPASS_URL || undefined, userAgent: userAgent(env) });
    case "outscraper":
      if (!keys.outscraper) throw new ProjectInputError("source: add an Outscraper API key in Settings first");
      return outscraperSource({ apiKey: keys.outscraper, baseUrl: env.OUTSCRAPER_URL || undefined });
    case "google":
      if (!keys.google) throw new ProjectInputError("source: add a Google Places API key in Settings first");
      return googlePlacesSource({ apiKey: keys.google, baseUrl: env.GOOGLE_PLACES_URL || undefined });
    case "csv":
      if (!request.csv?.trim()) throw new ProjectInputError("csv: upload a CSV file of dealers");
      return csvSource(request.csv);
  }
}

/**
 * The source the project last discovered from, for discovering again on new criteria; null when
 * there was none or it was a CSV upload (whose file is not kept).
 */
export function lastSource(o: Outreach, row: RowRecord): DiscoverySource | null {
  const last = DiscoverySource.safeParse(reader(o.projects, row.cells).text("source"));
  return last.success && last.data !== "csv" ? last.data : null;
}

/** A discovery holds its project this long at most; a lock older than this was left by a dead worker. */
const DISCOVERY_LOCK_MS = 5 * 60_000;

/**
 * Runs `work` while holding the project's discovery lock (its "Discovering since" cell, taken by
 * compare-and-set in the Projects room), so two discoveries never add the same dealers twice.
 */
async function whileDiscovering<T>(o: Outreach, projectId: string, work: () => Promise<T>): Promise<T> {
  const row = await projectRow(o, projectId);
  if (!row) throw new ProjectMissingError();
  const column = o.projects.keys.discovering;
  if (!column) return work();
  const held = row.cells[column] ?? null;
  if (typeof held === "string" && Date.now() - Date.parse(held) < DISCOVERY_LOCK_MS)
    throw new ProjectBusyError("Discovery is already running for this project; try again when it is done");
  const [taken] = await o.projects.room.claimRowsById({
    rowIds: [projectId],
    columnId: column,
    anyOf: [held],
    set: { [column]: new Date().toISOString() },
    origin: projectOrigin("discover"),
  });
  if (!taken) throw new ProjectBusyError("Discovery is already running for this project; try again when it is done");
  try {
    return await work();
  } finally {
    await o.projects.room.patchRow(projectId, { [column]: null }, projectOrigin("discover"));
  }
}

export function discover(
  env: Env,
  o: Outreach,
  projectId: string,
  request: DiscoverRequest,
  keys: ProviderKeys,
): Promise<DiscoverResult> {
  return whileDiscovering(o, projectId, () => discoverNow(env, o, projectId, request, keys));
}

async function discoverNow(
  env: Env,
  o: Outreach,
  projectId: string,
  request: DiscoverRequest,
  keys: ProviderKeys,
): Promise<DiscoverResult> {
  const row = await projectRow(o, projectId);
  if (!row) throw new ProjectMissingError();
  const project = projectDetail(o, row);
  if (!project.center)
    throw new ProjectInputError("The project has no search location yet: edit it and set a ZIP code");
  if (!project.makes.length) throw new ProjectInputError("The project asks for no makes: edit it and choose some");
  const query = { center: project.center, radiusMiles: project.radiusMiles, makes: project.makes };
  const source = sourceFor(env, request, keys);
  const found = selectDealers(await source.search(query), query);
  const existing = new Set<string>();
  for (const dealer of await dealershipsOf(o, projectId)) {
    const r = reader(o.dealerships, dealer.cells);
    for (const key of dealerKeys({
      name: r.text("name"),
      address: r.text("address"),
      phone: r.text("phone"),
      website: r.text("website"),
    }))
      existing.add(key);
  }
  const fresh = newDealers(found, existing);
  const rows = fresh.map((d) =>
    byKey(o.dealerships, {
      name: d.name,
      project: [projectId],
      status: "pending",
      makes: d.makes,
      distance: Math.round(d.distanceMiles * 10) / 10,
      website: d.website,
      phone: d.phone,
      address: [d.address, [d.city, [d.state, d.zip].filter(Boolean).join(" ")].filter(Boolean).join(", ")]
        .filter(Boolean)
        .join(", "),
      city: d.city,
      latitude: d.latitude,
      longitude: d.longitude,
      attempts: 0,
      source: d.source,
    } satisfies Record<string, CellValue>),
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted = await o.dealerships.room.insertRows(rows.slice(i, i + INSERT_CHUNK), projectOrigin("discover"));
    if (!inserted.ok) throw new ProjectInputError(inserted.message);
  }
  await o.projects.room.patchRow(
    projectId,
    byKey(o.projects, { source: request.source, ...(project.status === "draft" ? { status: "active" } : {}) }),
    projectOrigin("discover"),
  );
  const errors = source.errors ?? [];
  return {
    found: found.length,
    added: fresh.length,
    skipped: found.length - fresh.length,
    source: request.source,
    problems: errors.slice(0, MAX_PROBLEMS).map((e) => `line ${e.line}: ${e.message}`),
  };
}

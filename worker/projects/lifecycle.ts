/**
 * A project's life: created as a draft (its place geocoded on the way in), edited, duplicated,
 * completed or archived, and deleted with its dealerships, attempts and screenshots.
 */

import { normalizeMake } from "../../automation/discovery/makes";
import { unknownPlaceholders } from "../../schema/message-template";
import {
  type CreateProject,
  MAKES,
  type Make,
  type ProjectCenter,
  type ProjectDetail,
  type ProjectRun,
  type UpdateProject,
} from "../../schema/projects";
import type { RowRecord } from "../../schema/tables";
import { deleteFiles } from "../r2";
import { ProjectInputError, ProjectMissingError } from "./errors";
import { projectCells, projectDetail } from "./records";
import { attemptsOf, countDealers, dealershipsOf, projectOrigin, projectRow } from "./store";
import { byKey, type Outreach, reader } from "./tables";

/** The requested makes as the product names them, in its order; an unknown make is refused by name. */
export function normalizeRequestedMakes(makes: string[]): Make[] {
  const out = new Set<Make>();
  for (const raw of makes) {
    const make = normalizeMake(raw);
    if (!make) throw new ProjectInputError(`makes: "${raw}" is not a make we know (${MAKES.slice(0, 6).join(", ")}…)`);
    out.add(make);
  }
  return MAKES.filter((m) => out.has(m));
}

export function checkMessage(message: string): void {
  const unknown = unknownPlaceholders(message);
  if (unknown.length)
    throw new ProjectInputError(
      `message: unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `{{${u}}}`).join(", ")}`,
    );
}

const centerCells = (center: ProjectCenter) => ({ centerLat: center.lat, centerLng: center.lng, place: center.label });

/** Writes a new draft project; `center` is its geocoded search location. */
export async function createProject(o: Outreach, input: CreateProject, center: ProjectCenter): Promise<string> {
  const makes = normalizeRequestedMakes(input.makes);
  checkMessage(input.message);
  const cells = {
    ...projectCells({ ...input, makes }),
    ...centerCells(center),
    status: "draft",
    created: new Date().toISOString(),
    total: 0,
    pending: 0,
    inProgress: 0,
    success: 0,
    failed: 0,
    manual: 0,
  };
  const inserted = await o.projects.room.insertRows([byKey(o.projects, cells)], projectOrigin("create-project"));
  if (!inserted.ok) throw new ProjectInputError(inserted.message);
  return inserted.value[0]!;
}

/** Applies an edit; says whether the search criteria changed (discovery should run again). */
export async function updateProject(
  o: Outreach,
  projectId: string,
  input: UpdateProject,
  center: ProjectCenter | null,
): Promise<{ criteriaChanged: boolean }> {
  const makes = input.makes ? normalizeRequestedMakes(input.makes) : undefined;
  if (input.message !== undefined) checkMessage(input.message);
  const before = await projectRow(o, projectId);
  if (!before) throw new ProjectMissingError();
  const old = projectDetail(o, before);
  const settings = input.settings ? { ...old.settings, ...input.settings } : undefined;
  const cells = {
    ...projectCells({ ...input, makes, settings }),
    ...(center ? centerCells(center) : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  const written = await o.projects.room.patchRow(projectId, byKey(o.projects, cells), projectOrigin("edit-project"));
  if (!written.ok) throw new ProjectInputError(written.message);
  const criteriaChanged =
    (input.radiusMiles !== undefined && input.radiusMiles !== old.radiusMiles) ||
    (makes !== undefined && [...makes].sort().join() !== [...old.makes].sort().join()) ||
    (center !== null && (center.lat !== old.center?.lat || center.lng !== old.center?.lng));
  return { criteriaChanged };
}

/** A copy of the project as a new draft: same criteria, sender and message, no dealerships. */
export async function duplicateProject(o: Outreach, projectId: string): Promise<string> {
  const row = await projectRow(o, projectId);
  if (!row) throw new ProjectMissingError();
  const p = projectDetail(o, row);
  const copy: CreateProject = {
    name: `${p.name} (copy)`.slice(0, 120),
    description: p.description,
    location: p.location,
    radiusMiles: p.radiusMiles,
    makes: p.makes,
    sender: p.sender,
    message: p.message,
    settings: p.settings,
  };
  return createProject(o, copy, p.center ?? { lat: 0, lng: 0, label: "" });
}

/** Deletes the project, its dealerships and attempts, and their screenshots in R2. */
export async function deleteProject(
  env: Env,
  o: Outreach,
  projectId: string,
): Promise<{ dealerships: number; attempts: number; files: number }> {
  if (!(await projectRow(o, projectId))) throw new ProjectMissingError();
  const origin = projectOrigin("delete-project");
  const dealers = await dealershipsOf(o, projectId);
  const attempts = await attemptsOf(o, projectId);
  let files = 0;
  for (const d of dealers) files += await deleteFiles(env.FILES, `contact/${o.ids.dealerships}/${d.id}/`);
  for (const d of dealers) files += await deleteFiles(env.FILES, `contact/${o.ids.attempts}/${d.id}/`);
  await o.attempts.room.deleteRows(
    attempts.map((a) => a.id),
    origin,
  );
  await o.dealerships.room.deleteRows(
    dealers.map((d) => d.id),
    origin,
  );
  await o.projects.room.deleteRows([projectId], origin);
  return { dealerships: dealers.length, attempts: attempts.length, files };
}

/** The current run's pace and ETA, from the attempts finished since it started. */
export function runOf(
  o: Outreach,
  project: RowRecord,
  attempts: RowRecord[],
  detail: Omit<ProjectDetail, "run">,
): ProjectRun | null {
  const r = reader(o.projects, project.cells);
  const startedAt = r.text("runStarted");
  if (!startedAt) return null;
  const durations = attempts
    .map((a) => reader(o.attempts, a.cells))
    .filter((a) => a.text("started") >= startedAt)
    .map((a) => a.number("duration"))
    .filter((d): d is number => d !== null);
  // The mean, not the median: instant failures (no website, a fictional dealer) would pull a
  // median to zero while real forms still take seconds each.
  const secondsPerSite = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null;
  const left = detail.counts.queued + detail.counts.running;
  const etaSeconds =
    secondsPerSite === null ? null : Math.round((left * secondsPerSite) / Math.max(1, detail.settings.concurrency));
  return { startedAt, dryRun: r.get("dryRun") === true, secondsPerSite, etaSeconds: left ? etaSeconds : 0 };
}

/** The project as `GET /api/projects/:id` gives it, counted from its dealerships as they are now. */
export async function readProject(o: Outreach, projectId: string): Promise<ProjectDetail> {
  const row = await projectRow(o, projectId);
  if (!row) throw new ProjectMissingError();
  const counts = countDealers(o, await dealershipsOf(o, projectId));
  const detail = projectDetail(o, row, counts);
  return { ...detail, run: runOf(o, row, await attemptsOf(o, projectId), detail) };
}

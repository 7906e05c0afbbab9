/**
 * Keeps the Projects table's counts (Dealerships, Pending, In progress, Success, Failed, Manual)
 * true whoever changes a dealership: the contact jobs, the API, or a person editing a status in
 * the grid. Runs in the Dealerships table's room: when a row's status or project changes, the
 * projects it touched are recounted from the row index shortly after and written into their
 * Projects rows. Other tables have no keyed status and project columns and are left alone.
 */
import { countCells, countStatuses } from "../../schema/projects";
import type { ColumnDef, Origin, RowQuery, RowRecord } from "../../schema/tables";
import type { ChangeBatch } from "../../sync/room";
import { tableRoom } from "./table-room";

/** Recounts wait this long, so a burst of changes (a discovery, a bulk override) costs one. */
const RECOUNT_DELAY_MS = 300;
/** Rows read per index query (one bound parameter per row). */
const PAGE = 500;

const ORIGIN: Origin = { kind: "automation", job: "project-counts" };

type Deps = {
  env: Env;
  columns(): ColumnDef[];
  query(query: RowQuery): { rows: RowRecord[]; total: number };
  cellsOf(rowIds: string[]): RowRecord[];
};

const keyed = (columns: ColumnDef[], key: string) => columns.find((c) => c.options.key === key);
const ids = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export class ProjectCountsKeeper {
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: Deps) {}

  observe(batch: ChangeBatch): void {
    const columns = this.deps.columns();
    const status = keyed(columns, "status");
    const project = keyed(columns, "project");
    if (!status || !project || typeof project.options.table !== "string") return;
    for (const change of batch.changes) {
      if (change.kind === "insert") for (const id of ids(change.cells[project.id])) this.dirty.add(id);
      else if (change.kind === "delete") for (const id of ids(change.old[project.id])) this.dirty.add(id);
      else {
        const moved = change.cells[project.id];
        if (moved) for (const id of [...ids(moved.old), ...ids(moved.new)]) this.dirty.add(id);
        if (change.cells[status.id]) for (const id of this.projectsOf(change.rowId, project.id)) this.dirty.add(id);
      }
    }
    if (this.dirty.size && !this.timer) this.timer = setTimeout(() => void this.flush(), RECOUNT_DELAY_MS);
  }

  private projectsOf(rowId: string, projectCol: string): string[] {
    return ids(this.deps.cellsOf([rowId])[0]?.cells[projectCol]);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const projects = [...this.dirty];
    this.dirty.clear();
    const columns = this.deps.columns();
    const status = keyed(columns, "status");
    const project = keyed(columns, "project");
    if (!status || !project || typeof project.options.table !== "string") return;
    const room = tableRoom(this.deps.env, project.options.table);
    try {
      const keys = Object.fromEntries(
        (await room.describe()).columns.flatMap((c) =>
          typeof c.options.key === "string" ? [[c.options.key, c.id]] : [],
        ),
      );
      for (const projectId of projects) await this.recount(room, keys, project.id, status.id, projectId);
    } catch (error) {
      console.error(`rowpilot: could not recount projects ${projects.join(", ")}: ${(error as Error).message}`);
    }
  }

  /** Counts one project's dealers by status and writes them into its Projects row; a failure is logged, not spread. */
  private async recount(
    room: ReturnType<typeof tableRoom>,
    keys: Record<string, string>,
    projectCol: string,
    statusCol: string,
    projectId: string,
  ): Promise<void> {
    try {
      const statuses: unknown[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = this.deps.query({
          filters: [{ columnId: projectCol, op: "contains", value: projectId }],
          sort: [],
          limit: PAGE,
          offset,
        });
        for (const row of page.rows)
          if (ids(row.cells[projectCol]).includes(projectId)) statuses.push(row.cells[statusCol]);
        if (offset + PAGE >= page.total || !page.rows.length) break;
      }
      const cells = Object.fromEntries(
        Object.entries(countCells(countStatuses(statuses))).flatMap(([key, value]) =>
          keys[key] ? [[keys[key], value]] : [],
        ),
      );
      await room.patchRow(projectId, cells, ORIGIN);
    } catch (error) {
      console.error(`rowpilot: could not recount project ${projectId}: ${(error as Error).message}`);
    }
  }
}

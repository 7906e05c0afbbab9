/** A project's name, status and criteria, and everything one can do to it. */
import * as Menu from "@radix-ui/react-dropdown-menu";
import {
  Archive,
  CheckCircle2,
  Copy,
  Download,
  MoreHorizontal,
  Pencil,
  Play,
  RotateCcw,
  Search,
  Square,
  Table2,
  Trash2,
} from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import type { DiscoverRequest, DiscoverResult, ProjectDetail, ProjectStatus } from "../../../schema/projects";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { MenuContent, menuItemClass } from "../../components/menu";
import { Button, DateTime } from "../../components/ui";
import { projectApi } from "../api";
import { ProjectStatusChip } from "../chips";
import { inFlight, locationText } from "../format";
import { DiscoverDialog } from "./discover-dialog";
import { StartDialog } from "./start-dialog";

export type ProjectActions = {
  discover: (request: DiscoverRequest) => Promise<DiscoverResult>;
  start: (dryRun: boolean) => Promise<void>;
  stop: () => void;
  retryFailed: () => void;
  setStatus: (status: ProjectStatus) => void;
  duplicate: () => void;
  remove: () => void;
};

type Props = { slug: string; project: ProjectDetail; canEdit: boolean; busy: boolean; actions: ProjectActions };

export function ProjectHeader({ slug, project, canEdit, busy, actions }: Props) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const live = inFlight(project.counts) > 0;
  const { sender } = project;
  const exportUrl = (format: "csv" | "xlsx") => projectApi(slug, project.id, "/export", { format });
  return (
    <header className="mb-5 flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs text-muted">
            <Link to={`/w/${slug}/projects`} className="hover:text-accent">
              Projects
            </Link>{" "}
            / created <DateTime iso={project.createdAt} />
          </p>
          <h1 className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight">
            {project.name} <ProjectStatusChip status={project.status} />
          </h1>
          {project.description ? <p className="mt-1 max-w-2xl text-[13px] text-muted">{project.description}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canEdit ? (
            <>
              <DiscoverDialog
                onDiscover={actions.discover}
                trigger={
                  <Button variant={project.counts.total ? "secondary" : "primary"} disabled={busy}>
                    <Search className="h-4 w-4" aria-hidden /> Find dealerships
                  </Button>
                }
              />
              {live ? (
                <Button variant="danger" onClick={actions.stop} disabled={busy}>
                  <Square className="h-4 w-4" aria-hidden /> Stop
                </Button>
              ) : (
                <StartDialog
                  project={project}
                  onStart={actions.start}
                  trigger={
                    <Button
                      variant={project.counts.total ? "primary" : "secondary"}
                      disabled={busy || project.counts.pending === 0}
                      title={project.counts.pending === 0 ? "No pending dealerships: find some first" : undefined}
                    >
                      <Play className="h-4 w-4" aria-hidden /> Start automation
                    </Button>
                  }
                />
              )}
              {project.counts.failed && !live ? (
                <Button onClick={actions.retryFailed} disabled={busy}>
                  <RotateCcw className="h-4 w-4" aria-hidden /> Retry {project.counts.failed} failed
                </Button>
              ) : null}
            </>
          ) : null}
          <Menu.Root>
            <Menu.Trigger asChild>
              <Button>
                <Download className="h-4 w-4" aria-hidden /> Export
              </Button>
            </Menu.Trigger>
            <MenuContent align="end">
              <Menu.Item asChild>
                <a href={exportUrl("csv")} download className={menuItemClass}>
                  CSV
                </a>
              </Menu.Item>
              <Menu.Item asChild>
                <a href={exportUrl("xlsx")} download className={menuItemClass}>
                  Excel (.xlsx)
                </a>
              </Menu.Item>
            </MenuContent>
          </Menu.Root>
          <Menu.Root>
            <Menu.Trigger asChild>
              <Button aria-label="More actions" className="px-2">
                <MoreHorizontal className="h-4 w-4" aria-hidden />
              </Button>
            </Menu.Trigger>
            <MenuContent align="end" wide>
              {canEdit ? (
                <Menu.Item asChild>
                  <Link to={`/w/${slug}/projects/${project.id}/edit`} className={menuItemClass}>
                    <Pencil className="h-4 w-4" aria-hidden /> Edit project
                  </Link>
                </Menu.Item>
              ) : null}
              <Menu.Item asChild>
                <Link to={`/w/${slug}/t/${project.tables.dealerships}`} className={menuItemClass}>
                  <Table2 className="h-4 w-4" aria-hidden /> Open in grid
                </Link>
              </Menu.Item>
              {canEdit ? (
                <>
                  <Menu.Item className={menuItemClass} onSelect={actions.duplicate}>
                    <Copy className="h-4 w-4" aria-hidden /> Duplicate
                  </Menu.Item>
                  {project.status !== "completed" ? (
                    <Menu.Item className={menuItemClass} onSelect={() => actions.setStatus("completed")}>
                      <CheckCircle2 className="h-4 w-4" aria-hidden /> Mark completed
                    </Menu.Item>
                  ) : null}
                  {project.status !== "archived" ? (
                    <Menu.Item className={menuItemClass} onSelect={() => actions.setStatus("archived")}>
                      <Archive className="h-4 w-4" aria-hidden /> Archive
                    </Menu.Item>
                  ) : (
                    <Menu.Item className={menuItemClass} onSelect={() => actions.setStatus("active")}>
                      <Archive className="h-4 w-4" aria-hidden /> Unarchive
                    </Menu.Item>
                  )}
                  <Menu.Separator className="my-1 h-px bg-line" />
                  <Menu.Item className={`${menuItemClass} text-danger`} onSelect={() => setConfirmDelete(true)}>
                    <Trash2 className="h-4 w-4" aria-hidden /> Delete project
                  </Menu.Item>
                </>
              ) : null}
            </MenuContent>
          </Menu.Root>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-line bg-surface px-4 py-3 text-[13px] md:grid-cols-4">
        <div>
          <dt className="text-xs text-muted">Around</dt>
          <dd>
            {project.center?.label ?? locationText(project.location)}{" "}
            <span className="whitespace-nowrap">· {project.radiusMiles} mi</span>
          </dd>
        </div>
        <div className="col-span-2 md:col-span-1">
          <dt className="text-xs text-muted">Makes</dt>
          <dd>{project.makes.join(", ")}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-muted">Sender</dt>
          <dd className="truncate" title={`${sender.email} · ${sender.phone}`}>
            {sender.firstName} {sender.lastName} · {sender.email}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Pace</dt>
          <dd>
            {project.settings.concurrency} at once, batches of {project.settings.batchSize}
          </dd>
        </div>
      </dl>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete “${project.name}”?`}
        body={`Its ${project.counts.total.toLocaleString()} dealerships, every contact attempt and every screenshot are deleted. This cannot be undone; export the results first if you need them.`}
        action="Delete project"
        onConfirm={actions.remove}
      />
    </header>
  );
}

import { Download, Filter, Plus, X } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, type ShouldRevalidateFunction, useLoaderData, useRouteLoaderData, useSearchParams } from "react-router";
import { type ColumnDef, type TableDetail, type ViewPage, ViewSpec } from "../../schema/tables";
import { DEFAULT_VIEW, isDocName, isWindowed } from "../../sync/layout";
import { earlySocketScript } from "../../sync/provider/early";
import { RouteError } from "../components/route-error";
import { Badge, Button, countOf } from "../components/ui";
import { BulkBar } from "../grid/bulk-bar";
import { useComputedRows } from "../grid/computed";
import { earlyInputScript } from "../grid/early-input";
import { download, toCsv, toXlsx } from "../grid/export";
import {
  FIRST_ROWS,
  firstRows,
  servedBlocks,
  servedBlocksFirst,
  servedById,
  useLatch,
  useLiveFirstRows,
  withFirstRows,
} from "../grid/first-rows";
import { Grid } from "../grid/Grid";
import { gridSizeFrom } from "../grid/grid-size";
import { ImportDialog } from "../grid/import-dialog";
import { RowPanel } from "../grid/row-panel";
import { SyncBadge } from "../grid/sync-badge";
import { TriggerPanel } from "../grid/trigger-panel";
import { FILTER_PARAM, filterFromParam } from "../grid/url-filter";
import { usePresence } from "../grid/use-presence";
import { addRow, type GridRow, useTableSync, useTableView } from "../grid/use-table";
import { firstScreenIn, useWindowedRows } from "../grid/use-windowed-rows";
import { applyView, orderColumns } from "../grid/view";
import { ViewBar } from "../grid/view-bar";
import { ViewTabs } from "../grid/view-tabs";
import { apiCall, apiGet } from "../lib/api.server";
import { KEPT, serverOrKept, useKeep } from "../offline/kept";
import { holdServiceWorker } from "../offline/service-worker";
import type { Route } from "./+types/table";
import type { loader as workspaceLoader } from "./workspace";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const table = `/api/tables/${encodeURIComponent(params.tableId)}`;
  const viewId = new URL(request.url).searchParams.get("view") ?? DEFAULT_VIEW;
  // The view's first rows come with the page, so the grid is drawn (and navigable) before it syncs;
  // without them the page still opens, drawing placeholders until then.
  const [detail, served] = await Promise.all([
    apiGet<TableDetail>(context, request, table),
    apiCall(context, `${table}/views/${encodeURIComponent(viewId)}/rows?limit=${FIRST_ROWS}`)
      .then((res) => (res.ok ? (res.json() as Promise<ViewPage>) : null))
      .catch(() => null),
  ]);
  const firstPage: ViewPage = served ?? { viewId, view: ViewSpec.parse({}), rows: [], total: detail.rowCount };
  // The page draws the rows and columns that fit the reader's grid, as last measured.
  return { ...detail, firstPage, gridSize: gridSizeFrom(request.headers.get("Cookie")) };
}

/**
 * With no server, the table as this device last saw it (its contents then come from IndexedDB);
 * a table never opened here says so.
 */
export function clientLoader({ params, serverLoader }: Route.ClientLoaderArgs) {
  return serverOrKept(
    KEPT.table(params.tableId),
    serverLoader,
    "This table was never opened on this device, so there is no copy of it here. Reconnect to open it.",
  );
}

/** A table that cannot open (not found, or never opened here when offline) says so inside the workspace. */
export function ErrorBoundary({ error, params }: Route.ErrorBoundaryProps) {
  return (
    <div className="grid h-full place-items-center p-6">
      <RouteError error={error} back={{ to: `/w/${params.slug}`, label: "Back to tables" }} />
    </div>
  );
}

/** Switching views changes only `?view=`: the page already has the table, so nothing is fetched again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => (!formMethod && currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate);

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.name ?? "Table"} · Rowpilot` }];

/** One table's page; another table is a new one (its sync, latches and caches start afresh). */
export default function TablePage(props: Route.ComponentProps) {
  return <Table key={props.params.tableId} {...props} />;
}

function Table({ params }: Route.ComponentProps) {
  const detail = useLoaderData<typeof loader>();
  useKeep(KEPT.table(params.tableId), detail);
  const ws = useRouteLoaderData<typeof workspaceLoader>("routes/workspace");
  const me = useMemo(() => ({ id: ws?.me.user.id ?? "anonymous", name: ws?.me.user.name ?? "Someone" }), [ws]);
  // The blocks of the rows served with the page load first: those rows take edits once theirs has synced.
  const blocks = useMemo(
    () => servedBlocksFirst(detail.blocks.map((b) => b.doc).filter(isDocName), detail.firstPage),
    [detail],
  );
  // The page's HTML asks for the manifest and those blocks before its scripts have loaded (a large
  // table's page opens its blocks from the view's window instead).
  const earlySocket = useMemo(
    () =>
      earlySocketScript(detail.id, [
        "manifest",
        ...(isWindowed(blocks.length) ? [] : servedBlocks(blocks, detail.firstPage)),
      ]),
    [detail, blocks],
  );
  const { sync, status } = useTableSync(detail.id, blocks);
  const [searchParams, setSearchParams] = useSearchParams();
  const viewId = searchParams.get("view") ?? DEFAULT_VIEW;
  const settled = useLatch(sync, status.state !== "syncing");
  const synced = useTableView(sync, viewId, settled);
  // Until the manifest arrives, the view is the one served with the page (and cannot be changed:
  // a change would be made to an empty view, and overwrite the real one when they merge).
  const viewsSynced = synced.columns.length > 0;
  const view = viewsSynced ? synced : { ...synced, view: detail.firstPage.view };
  /** What the view tabs and bar write through: nothing until the views have synced. */
  const viewSync = viewsSynced ? sync : null;
  const switchView = useCallback(
    (id: string) => setSearchParams(id === DEFAULT_VIEW ? {} : { view: id }, { replace: true }),
    [setSearchParams],
  );
  const { peers, select } = usePresence(sync, me);
  const readOnly = ws?.workspace.role === "viewer" || status.readOnly;
  const allColumns = view.columns.length ? view.columns : detail.columns;
  const columns = useMemo(
    () => orderColumns(allColumns, view.view.order).filter((c) => !view.view.hidden.includes(c.id)),
    [allColumns, view.view],
  );
  // A filter from the URL (a dashboard number's rows) narrows what is shown, never the saved view.
  const urlFilter = useMemo(
    () => filterFromParam(searchParams.get(FILTER_PARAM), allColumns),
    [searchParams, allColumns],
  );
  const shownView = useMemo(
    () => (urlFilter ? { ...view.view, filters: [...view.view.filters, urlFilter] } : view.view),
    [view.view, urlFilter],
  );
  const clearUrlFilter = useCallback(
    () =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(FILTER_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  const [search, setSearch] = useState("");
  const [expanded, setExpanded] = useState<string | null>(null);
  const [selected, setSelected] = useState<GridRow[]>([]);
  const [selectionReset, setSelectionReset] = useState(0);
  const fileBase = (view.name || detail.name).replace(/[^\w -]+/g, "") || "table";
  // A large table's rows come ordered, filtered and partly loaded from its window instead.
  const rowWindow = useWindowedRows(sync, detail.id, shownView, allColumns, isWindowed(detail.blocks.length));
  const first = useMemo(() => firstRows(detail.firstPage), [detail.firstPage]);
  const servedLeft = useMemo(() => servedById(detail.firstPage), [detail.firstPage]);
  // The synced rows once the first sync has settled (offline: once IndexedDB's copy has rows).
  const loaded = useLatch(sync, !rowWindow && settled && (status.state === "online" || view.rows.length > 0));
  // Until then, each served row is live once its block has synced (and the manifest, for undo and columns).
  const liveFirst = useLiveFirstRows(sync, first, viewsSynced && !rowWindow && !loaded);
  const baseRows = useMemo(
    () => (rowWindow?.ready ? withFirstRows(rowWindow.rows, servedLeft) : loaded ? view.rows : liveFirst),
    [rowWindow, loaded, view.rows, liveFirst, servedLeft],
  );
  // The service worker's first install waits until the rows (a large table's first screen of them)
  // are in (app/offline/service-worker.ts).
  const rowsIn = loaded || (rowWindow !== null && firstScreenIn(rowWindow));
  useEffect(() => (rowsIn ? undefined : holdServiceWorker()), [rowsIn]);
  const rows = useComputedRows(allColumns, baseRows);
  const loadedRows = useMemo(() => rows.filter((r) => !r.loading), [rows]);
  const shownRows = useMemo(
    () => (loaded ? applyView(rows, allColumns, shownView, search) : rows),
    [loaded, rows, allColumns, shownView, search],
  );
  const rowCount = rowWindow?.ready ? rows.length : loaded ? view.rows.length : detail.firstPage.total;
  const exportNote = rowWindow ? "Export needs every row in the browser; this table is too large to load whole" : "";
  const onActive = useCallback(
    (row: GridRow | null, column: ColumnDef | null) => select(row?.id ?? null, column?.id ?? null),
    [select],
  );

  return (
    <div className="flex h-[calc(100vh-7rem)] flex-col gap-3 md:h-[calc(100vh-4rem)]">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a script built from the table's id and doc names, `<` escaped */}
      <script dangerouslySetInnerHTML={{ __html: earlySocket }} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <Link to={`/w/${params.slug}`} className="text-[13px] text-muted hover:text-fg">
            Tables
          </Link>
          <span className="text-muted">/</span>
          <h1 className="text-lg font-semibold tracking-tight">{view.name || detail.name}</h1>
          <span className="text-[13px] text-muted">{countOf(rowCount, "row")}</span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ul className="flex -space-x-1.5" aria-label="People on this table">
            {peers.map((p) => (
              <li
                key={p.clientId}
                title={p.name}
                className="grid h-7 w-7 place-items-center rounded-full border-2 border-surface text-[11px] font-semibold text-white"
                style={{ background: p.color }}
              >
                {p.name.slice(0, 1).toUpperCase()}
              </li>
            ))}
          </ul>
          <SyncBadge state={status.state} pending={status.pending} outdated={status.outdated} />
          {readOnly ? <Badge>Read only</Badge> : null}
          <TriggerPanel tableId={detail.id} columns={allColumns} rows={loadedRows} readOnly={readOnly} />
          {sync && !readOnly ? (
            <ImportDialog
              sync={sync}
              columns={columns}
              rows={view.rows}
              canSkipDuplicates={loaded}
              initiallyOpen={searchParams.get("import") === "1"}
            />
          ) : null}
          <Button
            disabled={!loaded}
            title={exportNote || undefined}
            onClick={() => download(`${fileBase}.csv`, toCsv(columns, shownRows))}
          >
            <Download className="h-4 w-4" aria-hidden /> Export CSV
          </Button>
          <Button
            disabled={!loaded}
            title={exportNote || undefined}
            onClick={async () =>
              download(`${fileBase}.xlsx`, await toXlsx(columns, shownRows, view.name || detail.name))
            }
          >
            <Download className="h-4 w-4" aria-hidden /> Excel
          </Button>
          <Button
            variant="primary"
            disabled={!sync || readOnly}
            onClick={() => sync && addRow(sync, {}, rowWindow?.lastPos ?? null)}
          >
            <Plus className="h-4 w-4" aria-hidden /> Add row
          </Button>
        </div>
      </div>
      {/* Drawn with the page, inert until the table's views have synced: the grid does not move when they can act. */}
      <ViewTabs
        sync={viewSync}
        views={viewsSynced ? view.views : [{ id: viewId, view: view.view }]}
        current={viewsSynced && !view.views.some((v) => v.id === viewId) ? DEFAULT_VIEW : viewId}
        readOnly={readOnly}
        onSwitch={switchView}
      />
      <ViewBar
        sync={viewSync}
        viewId={viewId}
        columns={allColumns}
        view={view.view}
        search={search}
        onSearch={setSearch}
        shown={shownRows.length}
        total={rowWindow || !loaded ? shownRows.length : view.rows.length}
        windowed={rowWindow ? { rows: rowCount, error: rowWindow.error } : null}
      />
      {urlFilter ? (
        <p className="flex w-fit items-center gap-1.5 rounded-full bg-accent-soft px-2.5 py-1 text-xs text-accent">
          <Filter className="h-3.5 w-3.5" aria-hidden /> Filtered from the pipeline
          <span aria-hidden>·</span>
          <button
            type="button"
            onClick={clearUrlFilter}
            className="flex items-center gap-0.5 font-medium hover:underline"
          >
            clear <X className="h-3 w-3" aria-hidden />
          </button>
        </p>
      ) : null}
      {sync && !readOnly && selected.length > 1 ? (
        <BulkBar
          sync={sync}
          rows={selected}
          columns={columns}
          fileBase={fileBase}
          onDone={() => setSelectionReset((n) => n + 1)}
        />
      ) : null}
      <RowPanel
        tableId={detail.id}
        row={loadedRows.find((r) => r.id === expanded) ?? null}
        columns={allColumns}
        onClose={() => setExpanded(null)}
      />
      <div className="min-h-0 flex-1">
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that keeps clicks and keys until the grid hydrates */}
        <script dangerouslySetInnerHTML={{ __html: earlyInputScript }} />
        <Grid
          tableId={detail.id}
          sync={loaded || rowWindow || liveFirst !== first ? sync : null}
          syncing={!loaded && !rowWindow}
          viewId={viewId}
          view={view.view}
          columns={columns}
          allColumns={allColumns}
          rows={shownRows}
          readOnly={readOnly}
          peers={peers}
          onActiveChange={onActive}
          onSelectRows={setSelected}
          selectionReset={selectionReset}
          onExpand={(row) => setExpanded(row.id)}
          rowWindow={rowWindow}
          firstSize={detail.gridSize}
        />
      </div>
    </div>
  );
}

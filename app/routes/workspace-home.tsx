import { Plus, Table2 } from "lucide-react";
import { useState } from "react";
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "react-router";
import type { TableSummary } from "../../schema/tables";
import { TABLE_TEMPLATES, templateById } from "../../schema/templates";
import { ActionForm } from "../components/action-form";
import { Button, Card, EmptyState, Input, Notice, PageHeader, Select } from "../components/ui";
import { formatAgo } from "../grid/time";
import { apiGet, apiSend } from "../lib/api.server";
import { KEPT, serverOrKept, useKeep } from "../offline/kept";
import { useOnline } from "../offline/online";
import type { Route } from "./+types/workspace-home";
import type { loader as workspaceLoader } from "./workspace";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return apiGet<TableSummary[]>(context, request, `/api/tables?workspace=${encodeURIComponent(params.slug)}`);
}

/** With no server, the list of tables as this device last saw it. */
export function clientLoader({ params, serverLoader }: Route.ClientLoaderArgs) {
  return serverOrKept(
    KEPT.tables(params.slug),
    serverLoader,
    "This workspace's tables were never listed on this device, so there is no copy of them here. Reconnect to see them.",
  );
}

/** "Import a file": a blank table that opens with its import dialog. */
const FROM_FILE = "file";

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "rename" || intent === "delete") {
    const path = `/api/tables/${encodeURIComponent(String(form.get("id")))}`;
    const done =
      intent === "rename"
        ? await apiSend(context, "PATCH", path, { name: String(form.get("name") ?? "") })
        : await apiSend(context, "DELETE", path);
    return done.ok
      ? { done: intent === "rename" ? "Table renamed." : "Table deleted." }
      : { error: done.error.message };
  }
  const start = String(form.get("template") ?? "blank");
  const template = templateById(start === FROM_FILE ? "blank" : start);
  if (!template) return { error: "Choose what the table starts from." };
  const result = await apiSend<{ id: string }>(
    context,
    "POST",
    `/api/tables?workspace=${encodeURIComponent(params.slug)}`,
    // A table made from a file takes its columns from the file.
    { name: String(form.get("name") ?? ""), columns: start === FROM_FILE ? [] : template.columns },
  );
  if (!result.ok) return { error: result.error.message };
  throw redirect(`/w/${params.slug}/t/${result.value.id}${start === FROM_FILE ? "?import=1" : ""}`);
}

function TableItem({ table, href, canEdit }: { table: TableSummary; href: string; canEdit: boolean }) {
  const [renaming, setRenaming] = useState(false);
  return (
    <li className="flex items-center gap-3 py-2">
      {renaming ? (
        <Form method="post" className="flex flex-1 gap-2" onSubmit={() => setRenaming(false)}>
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="id" value={table.id} />
          <Input
            name="name"
            defaultValue={table.name}
            aria-label={`New name for ${table.name}`}
            required
            maxLength={120}
            autoFocus
          />
          <Button type="submit" variant="primary">
            Save
          </Button>
          <Button variant="ghost" onClick={() => setRenaming(false)}>
            Cancel
          </Button>
        </Form>
      ) : (
        <Link to={href} className="flex flex-1 items-center justify-between py-1 hover:text-accent">
          <span className="flex items-center gap-2 font-medium">
            <Table2 className="h-4 w-4 text-muted" aria-hidden /> {table.name}
          </span>
          <span className="text-right text-[13px] text-muted">
            {table.rowCount.toLocaleString()} {table.rowCount === 1 ? "row" : "rows"}
            {table.lastActivity ? (
              <span className="block text-xs" title={`${table.lastActivity.by}, ${table.lastActivity.at}`}>
                {/* A relative time can read differently by the time the page hydrates; React then keeps
                    the server's text instead of drawing the page again (and losing what was typed). */}
                edited{" "}
                <time dateTime={table.lastActivity.at} suppressHydrationWarning>
                  {formatAgo(table.lastActivity.at)}
                </time>
              </span>
            ) : null}
          </span>
        </Link>
      )}
      {canEdit && !renaming ? (
        <>
          <Button variant="ghost" onClick={() => setRenaming(true)} aria-label={`Rename ${table.name}`}>
            Rename
          </Button>
          <ActionForm
            intent="delete"
            fields={{ id: table.id }}
            variant="danger"
            confirm={{
              title: `Delete “${table.name}”?`,
              body: `Its ${table.rowCount.toLocaleString()} rows and their history are deleted for everyone. This cannot be undone.`,
              action: "Delete table",
            }}
          >
            Delete
          </ActionForm>
        </>
      ) : null}
    </li>
  );
}

/** Recent activity: the tables changed last, newest first, with who changed them. */
function RecentActivity({ tables, slug }: { tables: TableSummary[]; slug: string }) {
  const recent = tables
    .flatMap((t) => (t.lastActivity ? [{ table: t, ...t.lastActivity }] : []))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, RECENT_TABLES);
  if (!recent.length) return null;
  return (
    <section aria-labelledby="recent-activity" className="mt-6">
      <h2 id="recent-activity" className="mb-2 text-[13px] font-semibold text-muted">
        Recent activity
      </h2>
      <Card>
        <ul className="divide-y divide-line">
          {recent.map(({ table, at, by }) => (
            <li key={table.id} className="flex items-center justify-between gap-3 py-2 text-[13px]">
              <span>
                <Link to={`/w/${slug}/t/${table.id}`} className="font-medium hover:text-accent">
                  {table.name}
                </Link>{" "}
                <span className="text-muted">changed by {by}</span>
              </span>
              <time dateTime={at} title={at} className="shrink-0 text-muted" suppressHydrationWarning>
                {formatAgo(at)}
              </time>
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}

/** Tables the recent activity lists. */
const RECENT_TABLES = 5;

export default function WorkspaceHome({ params }: Route.ComponentProps) {
  const tables = useLoaderData<typeof loader>();
  useKeep(KEPT.tables(params.slug), tables);
  const online = useOnline();
  const result = useActionData<typeof action>();
  const data = useRouteLoaderData<typeof workspaceLoader>("routes/workspace");
  const busy = useNavigation().state === "submitting";
  const canCreate = data?.workspace.role !== "viewer";
  return (
    <>
      <PageHeader
        title="Tables"
        description={`Everything ${data?.workspace.name ?? "this workspace"} works on.`}
        actions={
          canCreate ? (
            <Form method="post" className="flex gap-2">
              <Input
                name="name"
                placeholder="New table name"
                aria-label="New table name"
                required
                maxLength={120}
                className="w-56"
              />
              <Select name="template" aria-label="Start from" defaultValue="blank" title="What the table starts with">
                {TABLE_TEMPLATES.map((t) => (
                  <option key={t.id} value={t.id} title={t.description}>
                    {t.id === "blank" ? "Blank table" : `${t.name} template`}
                  </option>
                ))}
                <option value={FROM_FILE}>From a CSV or Excel file</option>
              </Select>
              <Button type="submit" variant="primary" disabled={busy || !online}>
                <Plus className="h-4 w-4" aria-hidden /> New table
              </Button>
            </Form>
          ) : null
        }
      />
      {online ? null : (
        <div className="mb-4">
          <Notice tone="info">
            You're offline: these are the tables as this device last saw them. Those opened here before open and take
            edits; creating, renaming and deleting tables needs the network.
          </Notice>
        </div>
      )}
      {result && "error" in result ? (
        <div className="mb-4">
          <Notice tone="error">{result.error}</Notice>
        </div>
      ) : null}
      {result && "done" in result ? (
        <div className="mb-4">
          <Notice tone="success">{result.done}</Notice>
        </div>
      ) : null}
      <Card>
        {tables.length === 0 ? (
          <EmptyState icon={<Table2 className="h-8 w-8" />} title="No tables yet">
            {canCreate ? "Name a table above to create it." : "Tables created by editors appear here."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-line">
            {tables.map((t) => (
              <TableItem key={t.id} table={t} href={`/w/${params.slug}/t/${t.id}`} canEdit={canCreate} />
            ))}
          </ul>
        )}
      </Card>
      <RecentActivity tables={tables} slug={params.slug} />
    </>
  );
}

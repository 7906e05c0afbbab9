/**
 * The journeys list: each journey's status, version, entry in words and its counts (enrolled,
 * active, converted), and "New journey" — blank, or from one of the prebuilt templates.
 */
import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, Route as RouteIcon } from "lucide-react";
import { data, Link, redirect, useNavigation, useRouteLoaderData, useSubmit } from "react-router";
import type { JourneyDefinitionInput, JourneyItem } from "../../schema/journeys";
import type { TableSummary } from "../../schema/tables";
import { MenuContent, menuItemClass } from "../components/menu";
import { Button, Card, EmptyState, Notice, PageHeader } from "../components/ui";
import { journeysApi } from "../journeys/api";
import { StatusChip } from "../journeys/status-chip";
import { entryInWords } from "../journeys/summary";
import { apiGet, apiSend } from "../lib/api.server";
import type { Route } from "./+types/journeys";
import type { loader as workspaceLoader } from "./workspace";

export const meta: Route.MetaFunction = () => [{ title: "Journeys · Rowpilot" }];

type Template = { key: string; name: string; description: string };

/** A list the API gives bare or wrapped (`{ journeys: [...] }`). */
const listOf = <T,>(body: unknown, key: string): T[] =>
  Array.isArray(body) ? (body as T[]) : (((body as Record<string, unknown> | null)?.[key] as T[] | undefined) ?? []);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const [journeys, templates] = await Promise.all([
    apiGet<unknown>(context, request, journeysApi(params.slug, "/api/journeys")),
    apiSend<unknown>(context, "GET", journeysApi(params.slug, "/api/journeys/templates")),
  ]);
  return {
    journeys: listOf<JourneyItem>(journeys, "journeys"),
    templates: templates.ok ? listOf<Template>(templates.value, "templates") : [],
  };
}

/** A blank journey: by hand, on the Leads table (else the first table), ending at once until nodes are added. */
function blankJourney(table: string): JourneyDefinitionInput {
  return {
    name: "Untitled journey",
    table,
    entry: { kind: "manual" },
    start: "exit-1",
    nodes: [{ id: "exit-1", kind: "exit" }],
    layout: { __entry: { x: 0, y: 0 }, "exit-1": { x: 0, y: 200 } },
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await request.formData();
  const template = String(form.get("template") ?? "");
  let created: Awaited<ReturnType<typeof apiSend<{ id: string }>>>;
  if (template) {
    created = await apiSend<{ id: string }>(context, "POST", journeysApi(params.slug, "/api/journeys/from-template"), {
      key: template,
    });
  } else {
    const tables = await apiSend<TableSummary[]>(
      context,
      "GET",
      `/api/tables?${new URLSearchParams({ workspace: params.slug })}`,
    );
    const all = tables.ok ? tables.value : [];
    const table = all.find((t) => t.name === "Leads") ?? all[0];
    if (!table) return data({ error: "Make a table first: a journey runs on the rows of a table." }, { status: 400 });
    created = await apiSend<{ id: string }>(
      context,
      "POST",
      journeysApi(params.slug, "/api/journeys"),
      blankJourney(table.id),
    );
  }
  if (!created.ok)
    return data({ error: `Could not make the journey: ${created.error.message}` }, { status: created.error.status });
  return redirect(`/w/${params.slug}/journeys/${encodeURIComponent(created.value.id)}`);
}

function NewJourneyMenu({ templates }: { templates: Template[] }) {
  const busy = useNavigation().state === "submitting";
  const submit = useSubmit();
  const make = (template: string) => void submit({ template }, { method: "post" });
  return (
    <Menu.Root>
      <Menu.Trigger asChild>
        <Button variant="primary" disabled={busy}>
          {busy ? "Making…" : "New journey"} <ChevronDown className="h-4 w-4" aria-hidden />
        </Button>
      </Menu.Trigger>
      <MenuContent align="end" wide>
        <Menu.Item className={menuItemClass} onSelect={() => make("")}>
          Blank journey
        </Menu.Item>
        {templates.length > 0 ? <Menu.Separator className="my-1 h-px bg-line" /> : null}
        {templates.map((t) => (
          <Menu.Item key={t.key} className={`${menuItemClass} h-auto py-1.5`} onSelect={() => make(t.key)}>
            <span className="flex flex-col">
              <span className="font-medium">{t.name}</span>
              <span className="max-w-72 text-xs text-muted">{t.description}</span>
            </span>
          </Menu.Item>
        ))}
      </MenuContent>
    </Menu.Root>
  );
}

export default function JourneysPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { journeys, templates } = loaderData;
  const canWrite = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role !== "viewer";
  return (
    <>
      <PageHeader
        title="Journeys"
        description="Nurture leads over time: messages on email, SMS and chat, waits, conditions and handoffs, drawn on a canvas."
        actions={canWrite ? <NewJourneyMenu templates={templates} /> : null}
      />
      {actionData && "error" in actionData ? (
        <div className="mb-4">
          <Notice tone="error">{actionData.error}</Notice>
        </div>
      ) : null}
      {journeys.length === 0 ? (
        <Card>
          <EmptyState icon={<RouteIcon className="h-8 w-8" aria-hidden />} title="No journeys yet">
            Start from a template — a welcome series, a re-engagement, the pitch journey — or a blank canvas with{" "}
            <span className="font-medium text-fg">New journey</span>. Publish it, then enroll leads or let its entry
            bring them in.
          </EmptyState>
        </Card>
      ) : (
        <Card className="overflow-hidden [&>div]:p-0">
          <div className="overflow-x-auto">
            <table aria-label="Journeys" className="w-full text-[13px]">
              <thead className="bg-surface-2 text-left text-xs text-muted">
                <tr>
                  <th className="px-4 py-2 font-medium">Name</th>
                  <th className="px-2 py-2 font-medium">Status</th>
                  <th className="px-2 py-2 font-medium">Version</th>
                  <th className="px-2 py-2 font-medium">Entry</th>
                  <th className="px-2 py-2 text-right font-medium">Enrolled</th>
                  <th className="px-2 py-2 text-right font-medium">Active</th>
                  <th className="px-4 py-2 text-right font-medium">Converted</th>
                </tr>
              </thead>
              <tbody>
                {journeys.map((j) => (
                  <tr key={j.id} className="h-9 border-t border-line hover:bg-surface-2">
                    <td className="px-4">
                      <Link
                        to={`/w/${params.slug}/journeys/${encodeURIComponent(j.id)}`}
                        className="font-medium text-accent hover:underline"
                      >
                        {j.name}
                      </Link>
                      {j.changed && j.version > 0 ? (
                        <span className="ml-2 text-xs text-muted">unpublished changes</span>
                      ) : null}
                    </td>
                    <td className="px-2">
                      <StatusChip status={j.status} />
                    </td>
                    <td className="px-2 tabular-nums text-muted">{j.version > 0 ? `v${j.version}` : "—"}</td>
                    <td className="px-2 text-muted">{entryInWords(j.definition.entry)}</td>
                    <td className="px-2 text-right tabular-nums">{j.counts.enrolled}</td>
                    <td className="px-2 text-right tabular-nums">{j.counts.active}</td>
                    <td className="px-4 text-right tabular-nums">{j.counts.converted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}

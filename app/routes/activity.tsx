import { History } from "lucide-react";
import { useLoaderData } from "react-router";
import type { AuditEntry } from "../../schema/api";
import { Card, DateTime, EmptyState, PageHeader } from "../components/ui";
import { apiGet } from "../lib/api.server";
import type { Route } from "./+types/activity";

export const meta: Route.MetaFunction = () => [{ title: "Activity · Rowpilot" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return apiGet<{ entries: AuditEntry[] }>(
    context,
    request,
    `/api/workspaces/${encodeURIComponent(params.slug)}/audit`,
  );
}

const LABELS: Record<string, string> = {
  "workspace.created": "created the workspace",
  "workspace.renamed": "renamed the workspace",
  "member.role_changed": "changed a member's role",
  "member.removed": "removed a member",
  "invitation.created": "created an invitation link",
  "invitation.revoked": "revoked an invitation link",
  "invitation.accepted": "joined through an invitation",
  "token.created": "created an API token",
  "token.revoked": "revoked an API token",
  "settings.secrets_changed": "changed provider keys",
  "table.deleted": "deleted a table",
};

function describe(entry: AuditEntry): string {
  const d = entry.detail ?? {};
  if (entry.action === "member.role_changed") return `changed a member's role from ${d.from} to ${d.to}`;
  if (entry.action === "workspace.renamed") return `renamed the workspace from “${d.from}” to “${d.to}”`;
  if (entry.action === "token.created") return `created the API token “${d.name}” (${d.role})`;
  if (entry.action === "settings.secrets_changed") {
    const keys = [...((d.changed as string[]) ?? []), ...((d.cleared as string[]) ?? [])];
    return `changed provider keys: ${keys.join(", ")}`;
  }
  return LABELS[entry.action] ?? entry.action;
}

export default function ActivityPage() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Activity" description="Changes to members, invitations, API tokens and settings." />
      <Card>
        {entries.length === 0 ? (
          <EmptyState icon={<History className="h-7 w-7" />} title="Nothing yet" />
        ) : (
          <ol className="divide-y divide-line">
            {entries.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2.5 text-[13px]">
                <span>
                  <strong className="font-medium">{e.actor ?? "Someone"}</strong> {describe(e)}
                </span>
                <span className="text-xs text-muted">
                  <DateTime iso={e.createdAt} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}

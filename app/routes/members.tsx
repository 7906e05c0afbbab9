import { UserPlus } from "lucide-react";
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "react-router";
import type { InvitationSummary, Member, WorkspaceSummary } from "../../schema/api";
import { ActionForm } from "../components/action-form";
import { CopyField } from "../components/copy-field";
import { Badge, Button, Card, DateTime, Notice, PageHeader, Select } from "../components/ui";
import { apiGet, apiSend } from "../lib/api.server";
import type { Route } from "./+types/members";
import type { loader as workspaceLoader } from "./workspace";

export const meta: Route.MetaFunction = () => [{ title: "Members · Rowpilot" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const base = `/api/workspaces/${encodeURIComponent(params.slug)}`;
  const [workspace, { members }] = await Promise.all([
    apiGet<WorkspaceSummary>(context, request, base),
    apiGet<{ members: Member[] }>(context, request, `${base}/members`),
  ]);
  const invitations =
    workspace.role === "owner"
      ? (await apiGet<{ invitations: InvitationSummary[] }>(context, request, `${base}/invitations`)).invitations
      : [];
  return { workspace, members, invitations };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const base = `/api/workspaces/${encodeURIComponent(params.slug)}`;
  const intent = form.get("intent");
  if (intent === "invite") {
    const result = await apiSend<{ url: string; role: string }>(context, "POST", `${base}/invitations`, {
      role: form.get("role"),
    });
    return result.ok ? { invite: result.value } : { error: result.error.message };
  }
  if (intent === "revoke") {
    const result = await apiSend(context, "DELETE", `${base}/invitations/${form.get("id")}`);
    return result.ok ? { done: "Invitation revoked." } : { error: result.error.message };
  }
  if (intent === "role") {
    const result = await apiSend(context, "PATCH", `${base}/members/${form.get("userId")}`, { role: form.get("role") });
    return result.ok ? { done: "Role updated." } : { error: result.error.message };
  }
  if (intent === "remove") {
    const result = await apiSend(context, "DELETE", `${base}/members/${form.get("userId")}`);
    return result.ok ? { done: "Member removed." } : { error: result.error.message };
  }
  return { error: "Unknown action" };
}

export default function Members() {
  const { workspace, members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const owner = workspace.role === "owner";
  const me = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.me.user.id;
  return (
    <>
      <PageHeader title="Members" description="Owners manage people and settings, editors change data, viewers read." />
      <div className="flex flex-col gap-6">
        {result && "error" in result ? <Notice tone="error">{result.error}</Notice> : null}
        {result && "done" in result ? <Notice tone="success">{result.done}</Notice> : null}
        {owner ? (
          <Card
            title="Invite people"
            description="Anyone with the link can join once, within 7 days."
            actions={
              <Form method="post" className="flex items-center gap-2">
                <input type="hidden" name="intent" value="invite" />
                <Select name="role" defaultValue="editor" aria-label="Role for the invitation">
                  <option value="editor">Editor</option>
                  <option value="viewer">Viewer</option>
                </Select>
                <Button type="submit" variant="primary" disabled={busy}>
                  <UserPlus className="h-4 w-4" aria-hidden /> Create invite link
                </Button>
              </Form>
            }
          >
            {result && "invite" in result && result.invite ? (
              <div className="flex flex-col gap-2">
                <p className="text-[13px]">
                  New {result.invite.role} invitation. Send this link to the person you invite:
                </p>
                <CopyField value={result.invite.url} label="invitation link" />
              </div>
            ) : null}
            {invitations.length ? (
              <ul className="mt-3 divide-y divide-line">
                {invitations.map((inv) => (
                  <li key={inv.id} className="flex items-center justify-between py-2 text-[13px]">
                    <span>
                      <Badge tone="accent">{inv.role}</Badge>{" "}
                      <span className="text-muted">
                        expires <DateTime iso={inv.expiresAt} />
                      </span>
                    </span>
                    <ActionForm intent="revoke" fields={{ id: inv.id }} variant="ghost">
                      Revoke
                    </ActionForm>
                  </li>
                ))}
              </ul>
            ) : result && "invite" in result ? null : (
              <p className="text-[13px] text-muted">No pending invitations.</p>
            )}
          </Card>
        ) : null}
        <Card title={`${members.length} ${members.length === 1 ? "member" : "members"}`}>
          <table className="w-full text-[13px]">
            <thead>
              <tr className="text-left text-xs text-muted">
                <th className="pb-2 font-medium">Name</th>
                <th className="pb-2 font-medium">Role</th>
                <th className="hidden pb-2 font-medium sm:table-cell">Joined</th>
                {owner ? <th className="pb-2" /> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {members.map((m) => (
                <tr key={m.userId}>
                  <td className="py-2.5">
                    <div className="font-medium">{m.name}</div>
                    <div className="text-xs text-muted">{m.email}</div>
                  </td>
                  <td className="py-2.5">
                    {owner ? (
                      <Form method="post" className="flex gap-2">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <Select
                          name="role"
                          defaultValue={m.role}
                          aria-label={`Role of ${m.name}`}
                          onChange={(e) => e.currentTarget.form?.requestSubmit()}
                        >
                          <option value="owner">Owner</option>
                          <option value="editor">Editor</option>
                          <option value="viewer">Viewer</option>
                        </Select>
                      </Form>
                    ) : (
                      <Badge>{m.role}</Badge>
                    )}
                  </td>
                  <td className="hidden py-2.5 text-muted sm:table-cell">
                    <DateTime iso={m.joinedAt} />
                  </td>
                  {owner ? (
                    <td className="py-2.5 text-right">
                      {m.userId === me ? null : (
                        <ActionForm
                          intent="remove"
                          fields={{ userId: m.userId }}
                          variant="danger"
                          confirm={{
                            title: `Remove ${m.name}?`,
                            body: `${m.name} loses access to ${workspace.name} at once. You can invite them again later.`,
                            action: "Remove",
                          }}
                        >
                          Remove
                        </ActionForm>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}

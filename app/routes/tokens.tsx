import { KeyRound } from "lucide-react";
import { Form, useActionData, useLoaderData, useNavigation } from "react-router";
import type { ApiTokenSummary } from "../../schema/api";
import { ActionForm } from "../components/action-form";
import { CopyField } from "../components/copy-field";
import { Badge, Button, Card, DateTime, EmptyState, Field, Input, Notice, PageHeader, Select } from "../components/ui";
import { apiGet, apiSend } from "../lib/api.server";
import type { Route } from "./+types/tokens";

export const meta: Route.MetaFunction = () => [{ title: "API tokens · Rowpilot" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return apiGet<{ tokens: ApiTokenSummary[] }>(
    context,
    request,
    `/api/workspaces/${encodeURIComponent(params.slug)}/tokens`,
  );
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const base = `/api/workspaces/${encodeURIComponent(params.slug)}/tokens`;
  if (form.get("intent") === "revoke") {
    const result = await apiSend(context, "DELETE", `${base}/${form.get("id")}`);
    return result.ok ? { done: "Token revoked. Scripts using it stop working now." } : { error: result.error.message };
  }
  const result = await apiSend<{ token: string; name: string }>(context, "POST", base, {
    name: form.get("name"),
    role: form.get("role"),
  });
  return result.ok ? { created: result.value } : { error: result.error.message };
}

export default function Tokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            For scripts and sync clients: send as <code>Authorization: Bearer &lt;token&gt;</code> or{" "}
            <code>?token=&lt;token&gt;</code>.
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {result && "error" in result ? <Notice tone="error">{result.error}</Notice> : null}
        {result && "done" in result ? <Notice tone="success">{result.done}</Notice> : null}
        {result && "created" in result && result.created ? (
          <Notice tone="success">
            <div className="flex flex-col gap-2">
              <span>Token “{result.created.name}” created. Copy it now: it is not shown again.</span>
              <CopyField value={result.created.token} label="API token" />
            </div>
          </Notice>
        ) : null}
        <Card title="New token">
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <div className="min-w-56 flex-1">
              <Field label="Name">
                <Input name="name" placeholder="Nightly import script" required maxLength={80} />
              </Field>
            </div>
            <Field label="Role">
              <Select name="role" defaultValue="editor">
                <option value="editor">Editor</option>
                <option value="viewer">Viewer (read only)</option>
              </Select>
            </Field>
            <Button type="submit" variant="primary" disabled={busy}>
              Create token
            </Button>
          </Form>
        </Card>
        <Card title="Active tokens">
          {tokens.length === 0 ? (
            <EmptyState icon={<KeyRound className="h-7 w-7" />} title="No tokens yet">
              Create one above to let a script read or write this workspace.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {tokens.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-[13px]">
                  <div>
                    <div className="font-medium">
                      {t.name} <Badge tone="accent">{t.role}</Badge>
                    </div>
                    <div className="text-xs text-muted">
                      <code>{t.prefix}…</code> · created <DateTime iso={t.createdAt} /> · last used{" "}
                      {t.lastUsedAt ? <DateTime iso={t.lastUsedAt} /> : "never"}
                    </div>
                  </div>
                  <ActionForm
                    intent="revoke"
                    fields={{ id: t.id }}
                    variant="danger"
                    confirm={{
                      title: `Revoke “${t.name}”?`,
                      body: "Scripts and clients using this token stop working at once. This cannot be undone.",
                      action: "Revoke token",
                    }}
                  >
                    Revoke
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

import { Form, redirect, useActionData, useNavigation } from "react-router";
import type { Me, WorkspaceSummary } from "../../schema/api";
import { Button, Field, Input, Notice } from "../components/ui";
import { apiGet, apiSend } from "../lib/api.server";
import type { Route } from "./+types/new-workspace";

export const meta: Route.MetaFunction = () => [{ title: "New workspace · Rowpilot" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  return apiGet<Me>(context, request, "/api/me");
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await apiSend<WorkspaceSummary>(context, "POST", "/api/workspaces", {
    name: String(form.get("name") ?? ""),
  });
  if (!result.ok) return { error: result.error.message };
  throw redirect(`/w/${result.value.slug}`);
}

export default function NewWorkspace() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1 className="text-lg font-semibold">Create a workspace</h1>
      <p className="mt-1 text-[13px] text-muted">
        A workspace holds your tables and the people you work with. You can invite them next.
      </p>
      <Form method="post" className="mt-6 flex flex-col gap-4">
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
        <Field label="Workspace name">
          <Input name="name" placeholder="Acme Motors outreach" required autoFocus maxLength={80} />
        </Field>
        <Button type="submit" variant="primary" disabled={busy}>
          Create workspace
        </Button>
      </Form>
    </>
  );
}

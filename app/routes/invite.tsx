import { Form, Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Me } from "../../schema/api";
import { Button, Notice } from "../components/ui";
import { apiCall, apiSend, errorOf } from "../lib/api.server";
import type { Route } from "./+types/invite";

export const meta: Route.MetaFunction = () => [{ title: "Invitation · Rowpilot" }];

type InvitationView = { workspace: { name: string; slug: string }; role: string; status: string };

export async function loader({ context, params }: Route.LoaderArgs) {
  const res = await apiCall(context, `/api/invitations/${encodeURIComponent(params.token)}`);
  if (!res.ok) return { invitation: null, error: (await errorOf(res)).message, me: null };
  const meRes = await apiCall(context, "/api/me");
  const me = meRes.ok ? ((await meRes.json()) as Me) : null;
  return { invitation: (await res.json()) as InvitationView, error: null, me };
}

export async function action({ context, params }: Route.ActionArgs) {
  const result = await apiSend<{ workspace: { slug: string } }>(
    context,
    "POST",
    `/api/invitations/${encodeURIComponent(params.token)}/accept`,
  );
  if (!result.ok) return { error: result.error.message };
  throw redirect(`/w/${result.value.workspace.slug}`);
}

const STATUS_TEXT: Record<string, string> = {
  used: "This invitation link was already used. Ask the workspace owner for a new one.",
  expired: "This invitation link has expired. Ask the workspace owner for a new one.",
  revoked: "This invitation link was revoked by the workspace owner.",
};

export default function Invite({ params }: Route.ComponentProps) {
  const { invitation, error, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!invitation) {
    return (
      <>
        <h1 className="text-lg font-semibold">Invitation not found</h1>
        <p className="mt-2 text-[13px] text-muted">{error}</p>
      </>
    );
  }
  const here = `/invite/${params.token}`;
  return (
    <>
      <p className="text-[13px] text-muted">You are invited to</p>
      <h1 className="mt-1 text-lg font-semibold">{invitation.workspace.name}</h1>
      <p className="mt-1 text-[13px] text-muted">
        as {invitation.role === "viewer" ? "a viewer (read only)" : "an editor"}
      </p>
      <div className="mt-6 flex flex-col gap-3">
        {actionData?.error ? <Notice tone="error">{actionData.error}</Notice> : null}
        {invitation.status !== "valid" ? (
          <Notice tone="error">{STATUS_TEXT[invitation.status]}</Notice>
        ) : me ? (
          <Form method="post" className="flex flex-col gap-3">
            <p className="text-[13px]">
              Signed in as <strong>{me.user.email}</strong>.
            </p>
            <Button type="submit" variant="primary">
              Join {invitation.workspace.name}
            </Button>
          </Form>
        ) : (
          <>
            <Link
              to={`/sign-up?next=${encodeURIComponent(here)}`}
              className="inline-flex h-9 items-center justify-center rounded-md bg-accent text-[13px] font-medium text-accent-fg hover:bg-accent-hover"
            >
              Create an account to join
            </Link>
            <Link
              to={`/sign-in?next=${encodeURIComponent(here)}`}
              className="inline-flex h-9 items-center justify-center rounded-md border border-line text-[13px] font-medium hover:bg-surface-2"
            >
              I already have an account
            </Link>
          </>
        )}
      </div>
    </>
  );
}

/**
 * The Inbox: conversations by counterpart across email, SMS and chat (unread counts on each), the
 * open one's messages (`?thread=<counterpart>`; opening it marks it read), and a reply box. The
 * page reads itself again every few seconds, so a new chat or reply shows without a reload.
 */
import { Inbox } from "lucide-react";
import { useEffect } from "react";
import { data, useRevalidator, useRouteLoaderData } from "react-router";
import type { InboxList, InboxThreadDetail } from "../../schema/inbox-api";
import type { HandoffItem } from "../../schema/journeys";
import { Card, countOf, EmptyState, PageHeader } from "../components/ui";
import { HandoffsSection } from "../inbox/handoffs";
import { ThreadList } from "../inbox/thread-list";
import { ThreadView } from "../inbox/thread-view";
import { apiGet, apiSend } from "../lib/api.server";
import type { Route } from "./+types/inbox";
import type { loader as workspaceLoader } from "./workspace";

/** A visitor waits for an answer: five seconds is as soon as a person would glance again. */
const POLL_MS = 5_000;

export const meta: Route.MetaFunction = () => [{ title: "Inbox · Rowpilot" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ws = `workspace=${encodeURIComponent(params.slug)}`;
  const thread = new URL(request.url).searchParams.get("thread");
  // The thread first: opening it marks it read, and the list read after it counts that.
  const detail = thread
    ? await apiGet<InboxThreadDetail>(context, request, `/api/inbox/${encodeURIComponent(thread)}?${ws}`).catch(
        () => null,
      )
    : null;
  const [list, handoffs] = await Promise.all([
    apiGet<InboxList>(context, request, `/api/inbox?${ws}`),
    apiSend<HandoffItem[]>(context, "GET", `/api/journeys/handoffs?${ws}&status=waiting`),
  ]);
  return { list, detail, thread, handoffs: handoffs.ok && Array.isArray(handoffs.value) ? handoffs.value : [] };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const id = String(form.get("messageId") ?? "");
  const body = String(form.get("body") ?? "");
  const path = `/api/messages/${encodeURIComponent(id)}/reply?workspace=${encodeURIComponent(params.slug)}`;
  const sent = await apiSend<{ id: string; status: string }>(context, "POST", path, { body });
  if (!sent.ok) return data({ ok: false as const, error: sent.error.message }, { status: sent.error.status });
  return { ok: true as const };
}

export default function InboxPage({ loaderData, params }: Route.ComponentProps) {
  const { list, detail, thread, handoffs } = loaderData;
  const workspace = useRouteLoaderData<typeof workspaceLoader>("routes/workspace");
  const canReply = workspace?.workspace.role !== "viewer";
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (state !== "idle") return;
    const timer = setTimeout(() => void revalidate(), POLL_MS);
    return () => clearTimeout(timer);
  }, [state, revalidate]);

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Replies to your emails and texts, and chats from your sites' visitors, by person."
      />
      <HandoffsSection items={handoffs} me={workspace?.me.user.email ?? ""} slug={params.slug} canTake={canReply} />
      {list.threads.length === 0 ? (
        <Card>
          <EmptyState icon={<Inbox className="h-8 w-8" />} title="No conversations yet">
            When someone answers an email or text, or writes in the chat on one of your published sites, the
            conversation shows here.
          </EmptyState>
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-[18rem_1fr]">
          <Card className="overflow-hidden [&>div]:p-0">
            <p className="border-b border-line px-3 py-2 text-xs text-muted" aria-live="polite">
              {countOf(list.threads.length, "conversation")}, {list.unread} unread
            </p>
            <ThreadList threads={list.threads} openId={detail?.thread.id ?? null} slug={params.slug} />
          </Card>
          {detail ? (
            <ThreadView key={detail.thread.id} detail={detail} canReply={canReply} />
          ) : (
            <Card>
              <EmptyState title={thread ? "That conversation is not here" : "Pick a conversation"}>
                Its messages, across email, SMS and chat, show here with a box to reply.
              </EmptyState>
            </Card>
          )}
        </div>
      )}
    </>
  );
}

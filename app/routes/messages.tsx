/**
 * The Messages page: the workspace's messages (filtered by status in the URL, read again while any
 * is queued) beside the "Write a message" panel, and the Outbox tab (`?tab=outbox`) showing what the
 * keyless outbox holds. Viewers see both, read-only.
 */
import { Mail } from "lucide-react";
import { useEffect } from "react";
import { Link, useLoaderData, useRevalidator, useRouteLoaderData, useSearchParams } from "react-router";
import type { SecretStatus } from "../../schema/api";
import type { MessageRecord, OutboxEntry } from "../../schema/messaging-api";
import { MESSAGE_STATUSES } from "../../schema/messaging-tables";
import { Card, cn, countOf, EmptyState, Notice, PageHeader, Select } from "../components/ui";
import { apiGet } from "../lib/api.server";
import { messagesApi, outboxApi } from "../messages/api";
import { Composer } from "../messages/composer";
import { isPending, MESSAGE_STATUS_LABEL } from "../messages/format";
import { MessageList } from "../messages/message-list";
import { Outbox } from "../messages/outbox";
import { loadRecipients } from "../messages/recipients";
import type { Route } from "./+types/messages";
import type { loader as workspaceLoader } from "./workspace";

/** A queued message is usually sent within a second or two; the list is read again this often until then. */
const QUEUED_POLL_MS = 2_000;

export const meta: Route.MetaFunction = () => [{ title: "Messages · Rowpilot" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const tab: "messages" | "outbox" = url.searchParams.get("tab") === "outbox" ? "outbox" : "messages";
  const wanted = url.searchParams.get("status") ?? "";
  const status = (MESSAGE_STATUSES as readonly string[]).includes(wanted) ? wanted : "";
  const get = <T,>(path: string) => apiGet<T>(context, request, path);
  if (tab === "outbox") {
    const { messages } = await get<{ messages: OutboxEntry[] }>(outboxApi(params.slug));
    return { tab, status, outbox: messages, messages: [], recipients: [], hasKey: false };
  }
  const [list, recipients, settings] = await Promise.all([
    get<{ messages: MessageRecord[] }>(messagesApi(params.slug, "", status ? { status } : {})),
    loadRecipients(get, params.slug),
    get<{ secrets: SecretStatus[] }>(`/api/workspaces/${encodeURIComponent(params.slug)}/settings`),
  ]);
  const hasKey = settings.secrets.some((s) => s.key === "anthropicApiKey" && s.set);
  // The table keeps rows in the order they were written: newest first reads better.
  return { tab, status, outbox: [], messages: list.messages.toReversed(), recipients, hasKey };
}

function Tabs({ tab }: { tab: "messages" | "outbox" }) {
  const item = (to: string, label: string, current: boolean) => (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      className={cn(
        "-mb-px border-b-2 px-3 py-2 text-[13px] font-medium",
        current ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg",
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Messages views" className="mb-5 flex gap-1 border-b border-line">
      {item("?", "Messages", tab === "messages")}
      {item("?tab=outbox", "Outbox", tab === "outbox")}
    </nav>
  );
}

export default function MessagesPage({ params }: Route.ComponentProps) {
  const { tab, status, outbox, messages, recipients, hasKey } = useLoaderData<typeof loader>();
  const canEdit = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role !== "viewer";
  const { revalidate, state } = useRevalidator();
  const [search, setSearch] = useSearchParams();
  const pending = messages.some((m) => isPending(m.status));
  useEffect(() => {
    if (!pending || state !== "idle") return;
    const timer = setTimeout(() => void revalidate(), QUEUED_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, state, revalidate]);

  const filter = (next: string) => {
    const params = new URLSearchParams(search);
    if (next) params.set("status", next);
    else params.delete("status");
    setSearch(params, { preventScrollReset: true });
  };

  return (
    <>
      <PageHeader
        title="Messages"
        description="Pitch emails to your businesses and leads: write them, send them, and see how they do."
      />
      <Tabs tab={tab} />
      {tab === "outbox" ? (
        <Outbox entries={outbox} />
      ) : (
        <div className="flex min-w-0 flex-col gap-6">
          <section aria-label="Message list" className="flex min-w-0 flex-col gap-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-[13px] text-muted" aria-live="polite">
                {countOf(messages.length, "message")}
                {status ? ` ${MESSAGE_STATUS_LABEL[status as keyof typeof MESSAGE_STATUS_LABEL].toLowerCase()}` : ""}
              </p>
              <div className="flex items-center gap-2 text-[13px]">
                <label htmlFor="message-status" className="text-muted">
                  Status
                </label>
                <Select id="message-status" value={status} onChange={(e) => filter(e.target.value)}>
                  <option value="">All</option>
                  {MESSAGE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {MESSAGE_STATUS_LABEL[s]}
                    </option>
                  ))}
                </Select>
              </div>
            </div>
            {messages.length ? (
              <MessageList messages={messages} />
            ) : (
              <Card>
                <EmptyState
                  icon={<Mail className="h-8 w-8" />}
                  title={status ? "No messages with this status" : "No messages yet"}
                >
                  {status ? (
                    <button
                      type="button"
                      onClick={() => filter("")}
                      className="font-medium text-accent hover:underline"
                    >
                      Show every message
                    </button>
                  ) : canEdit ? (
                    <p>Choose a recipient in “Write a message” and press Write with AI.</p>
                  ) : (
                    <p>Messages the workspace writes show here.</p>
                  )}
                </EmptyState>
              </Card>
            )}
          </section>
          {canEdit ? (
            <Composer slug={params.slug} recipients={recipients} hasKey={hasKey} onChanged={() => void revalidate()} />
          ) : (
            <Notice tone="info">
              You can read messages here; writing and sending them needs an editor of this workspace.
            </Notice>
          )}
        </div>
      )}
    </>
  );
}

/**
 * One conversation: its messages oldest first (in on the left, out on the right, each with its
 * channel and status) and the reply box, which answers the newest inbound message on its channel.
 */
import { useEffect, useRef } from "react";
import { useFetcher } from "react-router";
import type { InboxMessage, InboxThreadDetail } from "../../schema/inbox-api";
import { Badge, Button, Card, cn, DateTime, Notice } from "../components/ui";
import { ChannelIcon, counterpartLabel } from "./channel";

type ReplyResult = { ok: true } | { ok: false; error: string };

const FAILED = new Set(["failed", "bounced", "suppressed", "complained"]);

function MessageBubble({ m }: { m: InboxMessage }) {
  const out = m.direction === "out";
  return (
    <li className={cn("flex flex-col gap-1", out ? "items-end" : "items-start")}>
      <div
        className={cn(
          "max-w-[85%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-[13px]",
          out ? "bg-accent text-accent-fg" : "bg-surface-2 text-fg",
        )}
      >
        {m.subject && m.channel === "email" ? <p className="mb-1 font-semibold">{m.subject}</p> : null}
        {m.body}
      </div>
      <span className="flex items-center gap-1.5 text-[11px] text-muted">
        <ChannelIcon channel={m.channel} />
        <DateTime iso={m.sentAt} />
        <Badge tone={FAILED.has(m.status) ? "danger" : out ? "accent" : "neutral"}>{m.status}</Badge>
      </span>
      {m.error ? <span className="text-[11px] text-danger">{m.error}</span> : null}
    </li>
  );
}

export function ThreadView({ detail, canReply }: { detail: InboxThreadDetail; canReply: boolean }) {
  const fetcher = useFetcher<ReplyResult>();
  const form = useRef<HTMLFormElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const answering = [...detail.messages].reverse().find((m) => m.direction === "in");
  const sending = fetcher.state !== "idle";
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) form.current?.reset();
  }, [fetcher.state, fetcher.data]);
  const count = detail.messages.length;
  useEffect(() => {
    // A new message scrolls the conversation to its end.
    if (count) list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [count]);
  return (
    <Card title={counterpartLabel(detail.thread.counterpart)} className="flex min-h-0 flex-col">
      <ol aria-label="Messages" ref={list} className="flex max-h-[60vh] flex-col gap-3 overflow-y-auto">
        {detail.messages.map((m) => (
          <MessageBubble key={m.id} m={m} />
        ))}
      </ol>
      {canReply && answering ? (
        <fetcher.Form method="post" ref={form} className="mt-4 flex flex-col gap-2 border-t border-line pt-3">
          <input type="hidden" name="messageId" value={answering.id} />
          <label className="flex flex-col gap-1.5">
            <span className="flex items-center gap-1.5 text-[13px] font-medium">
              Reply by <ChannelIcon channel={answering.channel} /> {answering.channel}
            </span>
            <textarea
              name="body"
              required
              rows={3}
              className="rounded-md border border-line bg-surface px-3 py-2 text-[13px] focus:border-accent focus:outline-none"
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
          </label>
          {fetcher.data && !fetcher.data.ok ? <Notice tone="error">{fetcher.data.error}</Notice> : null}
          <div className="flex items-center justify-end gap-2">
            <span className="text-xs text-muted">Ctrl+Enter sends</span>
            <Button type="submit" variant="primary" disabled={sending}>
              {sending ? "Sending…" : "Send reply"}
            </Button>
          </div>
        </fetcher.Form>
      ) : null}
    </Card>
  );
}

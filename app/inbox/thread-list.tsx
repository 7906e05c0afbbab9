/** The Inbox's conversations, newest first: counterpart, channels, last line and unread count. */
import { Link } from "react-router";
import type { InboxThread } from "../../schema/inbox-api";
import { cn, DateTime } from "../components/ui";
import { ChannelIcon, counterpartLabel } from "./channel";

export function ThreadList({ threads, openId, slug }: { threads: InboxThread[]; openId: string | null; slug: string }) {
  return (
    <ul aria-label="Conversations" className="divide-y divide-line">
      {threads.map((t) => (
        <li key={t.id}>
          <Link
            to={`/w/${slug}/inbox?thread=${encodeURIComponent(t.id)}`}
            aria-current={t.id === openId ? "page" : undefined}
            className={cn("flex flex-col gap-0.5 px-3 py-2.5 hover:bg-surface-2", t.id === openId && "bg-accent-soft")}
          >
            <span className="flex items-center gap-1.5">
              {t.channels.map((c) => (
                <ChannelIcon key={c} channel={c} />
              ))}
              <span className={cn("min-w-0 flex-1 truncate text-[13px]", t.unread ? "font-semibold" : "font-medium")}>
                {counterpartLabel(t.counterpart)}
              </span>
              {t.unread ? (
                <span
                  className="rounded-full bg-accent px-1.5 text-[11px] font-semibold text-accent-fg"
                  data-testid="unread"
                >
                  {t.unread}
                  <span className="sr-only"> unread</span>
                </span>
              ) : null}
            </span>
            <span className="truncate text-xs text-muted">
              {t.lastDirection === "out" ? "You: " : ""}
              {t.lastBody}
            </span>
            <span className="text-[11px] text-muted">
              <DateTime iso={t.lastAt} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

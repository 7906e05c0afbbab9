/** A message's status as a colored badge; a queued one pulses while it waits to be sent. */
import { MESSAGE_STATUSES, type MessageStatus } from "../../schema/messaging-tables";
import { cn } from "../components/ui";
import { isPending, MESSAGE_STATUS_LABEL, MESSAGE_STATUS_TONE } from "./format";

const isStatus = (status: string): status is MessageStatus => (MESSAGE_STATUSES as readonly string[]).includes(status);

export function MessageStatusBadge({ status }: { status: string }) {
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium",
        isStatus(status) ? MESSAGE_STATUS_TONE[status] : "bg-surface-2 text-muted",
      )}
    >
      {isPending(status) ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-current" aria-hidden /> : null}
      {isStatus(status) ? MESSAGE_STATUS_LABEL[status] : status}
    </span>
  );
}

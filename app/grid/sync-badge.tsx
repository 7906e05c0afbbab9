/** Where a table's sync stands, beside its name: saved, syncing, offline, or turned away as outdated. */
import { CloudOff, RefreshCw, Wifi } from "lucide-react";
import type { SyncStatus } from "../../sync/provider";

export function SyncBadge({ state, pending, outdated }: Pick<SyncStatus, "state" | "pending" | "outdated">) {
  if (outdated) {
    return (
      <span role="status" className="flex items-center gap-1 rounded bg-danger-soft px-1.5 py-0.5 text-xs text-danger">
        <CloudOff className="h-3.5 w-3.5" aria-hidden /> Rowpilot was updated: reload this page to keep syncing
        {pending ? ` (${pending} ${pending === 1 ? "change" : "changes"} kept here)` : ""}
        <button type="button" className="ml-1 font-semibold underline" onClick={() => window.location.reload()}>
          Reload
        </button>
      </span>
    );
  }
  if (state === "online") {
    return (
      <span role="status" className="flex items-center gap-1 text-xs text-success">
        <Wifi className="h-3.5 w-3.5" aria-hidden /> Saved
      </span>
    );
  }
  if (state === "syncing") {
    return (
      <span role="status" className="flex items-center gap-1 text-xs text-muted">
        <RefreshCw className="h-3.5 w-3.5 animate-spin" aria-hidden /> Syncing
      </span>
    );
  }
  return (
    <span role="status" className="flex items-center gap-1 rounded bg-danger-soft px-1.5 py-0.5 text-xs text-danger">
      <CloudOff className="h-3.5 w-3.5" aria-hidden /> Offline
      {pending ? ` · ${pending} ${pending === 1 ? "change" : "changes"} waiting` : ""}
    </span>
  );
}

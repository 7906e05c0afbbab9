/** A gallery card: the desktop screenshot, the business, status, vibe and fallback badge; a button that opens the panel. */
import { ImageOff, Loader2 } from "lucide-react";
import { SITE_AGENT_LABELS } from "../../schema/site-agents";
import { isBusySite, type SiteSummary } from "../../schema/sites-api";
import { vibeLabel } from "./format";
import { FallbackBadge, SiteStatusChip } from "./status-chip";

type Props = { site: SiteSummary; onOpen: (id: string) => void };

/** The gallery reads the list again while any site is being made (one request for all cards). */
export function SiteCard({ site, onOpen }: Props) {
  const { status, running, runningTokens: tokens } = site;
  const name = site.businessName ?? site.slug;
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpen(site.id)}
        aria-label={`${name}, ${status}`}
        className="group flex w-full flex-col overflow-hidden rounded-lg border border-line bg-surface text-left transition-colors hover:border-accent focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent"
      >
        <div className="relative aspect-[16/10] w-full overflow-hidden border-b border-line bg-surface-2">
          {site.screenshot ? (
            <img src={site.screenshot} alt="" loading="lazy" className="h-full w-full object-cover object-top" />
          ) : (
            <div className="grid h-full place-items-center text-muted">
              {isBusySite(status) ? (
                <Loader2 className="h-6 w-6 animate-spin" aria-hidden />
              ) : (
                <ImageOff className="h-6 w-6" aria-hidden />
              )}
            </div>
          )}
          {isBusySite(status) ? (
            <div className="absolute inset-x-0 bottom-0 bg-surface/90 px-3 py-1.5 text-xs font-medium text-accent">
              {running
                ? `${SITE_AGENT_LABELS[running]} at work…${tokens ? ` ${tokens.toLocaleString()} tokens written` : ""}`
                : status === "queued"
                  ? "Waiting in the queue…"
                  : "Starting…"}
            </div>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5 px-3 py-2.5">
          <span className="truncate text-[13px] font-medium" title={name}>
            {name}
          </span>
          <span className="flex flex-wrap items-center gap-1.5">
            <SiteStatusChip status={status} />
            {site.vibe ? <span className="text-xs text-muted">{vibeLabel(site.vibe)}</span> : null}
            {site.fallback ? <FallbackBadge /> : null}
            {site.version ? <span className="ml-auto text-xs text-muted tabular-nums">v{site.version}</span> : null}
          </span>
        </div>
      </button>
    </li>
  );
}

/** A site's status as a colored chip; while the agents work it names the running stage. */
import { SITE_AGENT_LABELS, type SiteAgent } from "../../schema/site-agents";
import { isBusySite } from "../../schema/sites-api";
import { cn } from "../components/ui";
import { isSiteStatus, SITE_STATUS_LABEL, SITE_STATUS_TONE } from "./format";

const CHIP = "inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium";

export function SiteStatusChip({ status, running = null }: { status: string; running?: SiteAgent | null }) {
  const known = isSiteStatus(status);
  const busy = isBusySite(status);
  return (
    <span className={cn(CHIP, known ? SITE_STATUS_TONE[status] : "bg-surface-2 text-muted")} data-status={status}>
      {busy ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-current" aria-hidden /> : null}
      {known ? SITE_STATUS_LABEL[status] : status}
      {running ? <span className="font-normal">· {SITE_AGENT_LABELS[running]}</span> : null}
    </span>
  );
}

/** The badge of a version the fallback generator made (no key, or a stage that failed for good). */
export function FallbackBadge() {
  return (
    <span
      className={cn(CHIP, "border border-line bg-surface text-muted")}
      title="Made by the template generator, not the agents"
    >
      Fallback
    </span>
  );
}

/**
 * A site's side panel: its phone and desktop screenshots, the stage timeline, Quality, and what
 * can be done with it. Read from `GET /api/sites/:id`, again every 2 s while it is being made.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useEffect, useState } from "react";
import { isBusySite, type SiteSummary } from "../../schema/sites-api";
import { DateTime, Notice } from "../components/ui";
import { qualityFindings, vibeLabel } from "./format";
import { SiteActions } from "./site-actions";
import { StageTimeline } from "./stage-timeline";
import { FallbackBadge, SiteStatusChip } from "./status-chip";
import { useLiveSite } from "./use-live-site";

type Props = {
  slug: string;
  /** The card that was opened, shown until the site's detail arrives. */
  summary: SiteSummary | null;
  id: string | null;
  canEdit: boolean;
  hasKey: boolean;
  onClose: () => void;
  /** The site changed (an action, or it finished generating): the list reloads. */
  onChanged: () => void;
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{title}</h3>
      {children}
    </section>
  );
}

export function SitePanel({ slug, summary, id, canEdit, hasKey, onClose, onChanged }: Props) {
  const { site, error, stale, refresh } = useLiveSite(slug, id, false, onChanged);
  const [said, setSaid] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  useEffect(() => {
    setSaid(null);
    if (id) void refresh();
  }, [id, refresh]);

  const name = site?.business?.name ?? summary?.businessName ?? summary?.slug ?? "Site";
  const findings = qualityFindings(site?.quality ?? null);
  const after = async (text: string) => {
    await refresh();
    setSaid({ tone: "success", text });
    onChanged();
  };

  return (
    <Dialog.Root open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        {/* Below the confirmation dialogs (z-40/50), so their overlay dims the panel too. */}
        <Dialog.Overlay className="fixed inset-0 z-30 bg-black/30" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed top-0 right-0 z-40 flex h-full w-[min(100vw,560px)] flex-col gap-5 overflow-y-auto border-l border-line bg-surface p-5 shadow-xl"
        >
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <Dialog.Title className="truncate text-base font-semibold">{name}</Dialog.Title>
              <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                {site ? <SiteStatusChip status={site.status} running={site.running} /> : null}
                {site?.fallback ? <FallbackBadge /> : null}
                {site?.vibe ? <span>{vibeLabel(site.vibe)}</span> : null}
                {site?.version ? <span>· v{site.version}</span> : null}
                {site?.business ? (
                  <span>· {[site.business.category, site.business.city].filter(Boolean).join(", ")}</span>
                ) : null}
              </p>
            </div>
            <Dialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-surface-2">
              <X className="h-4 w-4" />
            </Dialog.Close>
          </div>

          {error ? <Notice tone="error">Could not read this site: {error}</Notice> : null}
          {said ? <Notice tone={said.tone === "error" ? "error" : "success"}>{said.text}</Notice> : null}
          {stale ? (
            <Notice tone="info">Still being made after 10 minutes; close and open the panel to look again.</Notice>
          ) : null}

          {site ? (
            <>
              {site.error ? <Notice tone="error">{site.error}</Notice> : null}
              {canEdit ? (
                <SiteActions
                  slug={slug}
                  site={site}
                  hasKey={hasKey}
                  onDone={(text) => void after(text)}
                  onError={(text) => setSaid({ tone: "error", text })}
                />
              ) : site.url ? (
                <a href={site.url} target="_blank" rel="noopener noreferrer" className="text-[13px] text-accent">
                  Open page
                </a>
              ) : null}

              <Section title="Screenshots">
                {site.screenshots.desktop || site.screenshots.mobile ? (
                  <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)] items-start gap-3 sm:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
                    {site.screenshots.desktop ? (
                      <img
                        src={site.screenshots.desktop}
                        alt={`${name} at desktop size`}
                        className="w-full rounded border border-line"
                      />
                    ) : null}
                    {site.screenshots.mobile ? (
                      <img
                        src={site.screenshots.mobile}
                        alt={`${name} on a phone`}
                        className="w-full rounded border border-line"
                      />
                    ) : null}
                  </div>
                ) : (
                  <p className="text-[13px] text-muted">
                    {isBusySite(site.status)
                      ? "Taken once this version is made."
                      : "This version was not seen in a browser."}
                  </p>
                )}
              </Section>

              <Section title="Stages">
                <StageTimeline site={site} />
              </Section>

              <Section title="Quality">
                {site.quality ? (
                  <>
                    <p className="text-[13px]">
                      {findings.length ? `${findings.length} to look at before publishing` : "Nothing flagged"}
                    </p>
                    <ul className="flex flex-col gap-1 text-xs text-muted">
                      {site.quality.split(" · ").map((part) => (
                        <li key={part} className={findings.includes(part) ? "text-danger" : undefined}>
                          {part}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="text-[13px] text-muted">Not checked yet.</p>
                )}
              </Section>

              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs">
                <dt className="text-muted">Address</dt>
                <dd className="truncate">/s/{site.slug}/</dd>
                <dt className="text-muted">Generated</dt>
                <dd>
                  <DateTime iso={site.generated} />
                </dd>
                <dt className="text-muted">Published</dt>
                <dd>
                  <DateTime iso={site.published} />
                </dd>
              </dl>
            </>
          ) : error ? null : (
            <p className="text-[13px] text-muted">Loading…</p>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

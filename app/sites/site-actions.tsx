/**
 * What a person does with a site from its panel: open the public page, publish (asking first, and
 * saying so when Quality flags something), unpublish (asking first), regenerate from one agent
 * (needs the workspace's Anthropic key), or generate a new version.
 */
import * as Tooltip from "@radix-ui/react-tooltip";
import { ExternalLink, RefreshCw, Sparkles, Undo2, Upload } from "lucide-react";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { SITE_AGENT_LABELS, SITE_AGENTS, type SiteAgent } from "../../schema/site-agents";
import { isBusySite, type SiteDetail } from "../../schema/sites-api";
import { ConfirmDialog } from "../components/confirm-dialog";
import { Button, Select } from "../components/ui";
import { apiJson } from "../lib/api-client";
import { siteApi, sitesApi } from "./api";
import { qualityFindings } from "./format";

type Props = {
  slug: string;
  site: SiteDetail;
  hasKey: boolean;
  /** After an action: what it did, for the panel to say, and the site to read again. */
  onDone: (message: string) => void;
  onError: (message: string) => void;
};

/** A disabled control with the reason it is disabled on hover and focus. */
function WhyDisabled({ reason, children }: { reason: string | null; children: ReactNode }) {
  if (!reason) return <>{children}</>;
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a disabled button cannot take focus; its wrapper does, to show why */}
        <span tabIndex={0} className="inline-flex rounded-md">
          {children}
        </span>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content
          side="bottom"
          sideOffset={6}
          className="z-[60] max-w-64 rounded-md bg-fg px-2.5 py-1.5 text-xs text-bg shadow-lg"
        >
          {reason}
          <Tooltip.Arrow className="fill-fg" />
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}

export function SiteActions({ slug, site, hasKey, onDone, onError }: Props) {
  const [working, setWorking] = useState<string | null>(null);
  const [stage, setStage] = useState<SiteAgent>("analyst");
  const busy = isBusySite(site.status) || working !== null;
  const findings = qualityFindings(site.quality);

  const run = async (label: string, path: string, body: unknown, done: string) => {
    setWorking(label);
    try {
      await apiJson(path, { method: "POST", body });
      onDone(done);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setWorking(null);
    }
  };
  // The dialog before this names the findings, so a version that has some is published as confirmed.
  const publish = () =>
    run("publish", siteApi(slug, site.id, "/publish"), { confirm: true, version: site.version }, "Published.");
  const unpublish = () => run("unpublish", siteApi(slug, site.id, "/unpublish"), undefined, "Taken offline.");
  const regenerate = () =>
    run(
      "regenerate",
      siteApi(slug, site.id, "/regenerate"),
      { stage },
      `Regenerating from the ${SITE_AGENT_LABELS[stage]}.`,
    );
  const generate = () =>
    run("generate", sitesApi(slug, "/generate"), { businessRowId: site.businessRowId }, "A new version is being made.");

  const regenerateWhy = !hasKey
    ? "Regenerating a stage needs an Anthropic API key: add one in Settings. Generate again makes a new template version."
    : site.version === 0
      ? "Nothing to regenerate yet: the first version is still being made."
      : null;

  return (
    <Tooltip.Provider delayDuration={200}>
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-2">
          {site.url ? (
            <a
              href={site.url}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex h-9 items-center gap-1.5 rounded-md border border-line bg-surface px-3 text-[13px] font-medium hover:bg-surface-2"
            >
              <ExternalLink className="h-4 w-4" aria-hidden /> Open page
            </a>
          ) : (
            <WhyDisabled reason="The page has a public address once it is published.">
              <Button disabled>
                <ExternalLink className="h-4 w-4" aria-hidden /> Open page
              </Button>
            </WhyDisabled>
          )}
          {site.status === "published" ? (
            <ConfirmDialog
              trigger={
                <Button variant="danger" disabled={busy}>
                  <Undo2 className="h-4 w-4" aria-hidden /> {working === "unpublish" ? "Unpublishing…" : "Unpublish"}
                </Button>
              }
              title="Take this site offline?"
              body={`Its address /s/${site.slug}/ stops answering. You can publish it again later.`}
              action="Unpublish"
              onConfirm={() => void unpublish()}
            />
          ) : (
            <ConfirmDialog
              trigger={
                <Button variant="primary" disabled={busy || site.status !== "review"}>
                  <Upload className="h-4 w-4" aria-hidden /> {working === "publish" ? "Publishing…" : "Publish"}
                </Button>
              }
              title="Publish this site?"
              body={
                findings.length ? (
                  <>
                    Quality lists {findings.length === 1 ? "a finding" : `${findings.length} findings`} for this
                    version: {findings.join("; ")}. It will be public at /s/{site.slug}/ anyway.
                  </>
                ) : (
                  <>It will be public at /s/{site.slug}/, for anyone with the address.</>
                )
              }
              action={findings.length ? "Publish anyway" : "Publish"}
              variant="primary"
              onConfirm={() => void publish()}
            />
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Select
            aria-label="Regenerate from"
            value={stage}
            onChange={(e) => setStage(e.target.value as SiteAgent)}
            disabled={busy || regenerateWhy !== null}
          >
            {SITE_AGENTS.map((agent) => (
              <option key={agent} value={agent}>
                From the {SITE_AGENT_LABELS[agent]}
              </option>
            ))}
          </Select>
          <WhyDisabled reason={regenerateWhy}>
            <Button disabled={busy || regenerateWhy !== null} onClick={() => void regenerate()}>
              <RefreshCw className="h-4 w-4" aria-hidden /> {working === "regenerate" ? "Queuing…" : "Regenerate"}
            </Button>
          </WhyDisabled>
          <Button disabled={busy || !site.businessRowId} onClick={() => void generate()}>
            <Sparkles className="h-4 w-4" aria-hidden /> {working === "generate" ? "Generating…" : "Generate again"}
          </Button>
        </div>
        {!hasKey ? (
          <p className="text-xs text-muted">
            Without an Anthropic key each version comes from the template generator.{" "}
            <Link to={`/w/${slug}/settings`} className="text-accent hover:underline">
              Add a key in Settings
            </Link>
          </p>
        ) : null}
      </div>
    </Tooltip.Provider>
  );
}

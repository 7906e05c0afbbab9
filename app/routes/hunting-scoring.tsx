/** Lead scoring and the pace of hunting: weights, thresholds, requirements, cooldown and the scrape schedule. Owners change them. */
import { ArrowLeft } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Link, useLoaderData, useRouteLoaderData } from "react-router";
import type { HuntingSettings } from "../../schema/hunting-api";
import { Button, Card, Notice, PageHeader } from "../components/ui";
import { huntingApi } from "../hunting/api";
import { fromDraft, type SettingsDraft, toDraft } from "../hunting/scoring/draft";
import { PaceFields } from "../hunting/scoring/pace-fields";
import { ThresholdFields, WeightFields } from "../hunting/scoring/scoring-fields";
import type { PageMessage } from "../hunting/use-scrapes";
import { apiGet } from "../lib/api.server";
import { ApiError, apiJson } from "../lib/api-client";
import type { Route } from "./+types/hunting-scoring";
import type { loader as workspaceLoader } from "./workspace";

export const meta: Route.MetaFunction = () => [{ title: "Lead scoring · Hunting · Rowpilot" }];

const OWNERS_ONLY = "Only owners can change lead scoring.";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return apiGet<HuntingSettings>(context, request, huntingApi(params.slug, "/api/hunting/settings"));
}

export default function LeadScoringPage({ params }: Route.ComponentProps) {
  const settings = useLoaderData<typeof loader>();
  const owner = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role === "owner";
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(settings));
  const [message, setMessage] = useState<PageMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const readOnly = !owner;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = fromDraft(draft);
    if (!body.ok) return setMessage({ tone: "error", text: body.error });
    setBusy(true);
    try {
      const saved = await apiJson<HuntingSettings>(huntingApi(params.slug, "/api/hunting/settings"), {
        method: "PUT",
        body: body.value,
      });
      setDraft(toDraft(saved));
      setMessage({
        tone: "success",
        text: "Saved. The Score and Qualified formulas of the Businesses table now use these.",
      });
    } catch (error) {
      const forbidden = error instanceof ApiError && error.status === 403;
      setMessage({ tone: "error", text: forbidden ? OWNERS_ONLY : (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Link
        to={`/w/${params.slug}/hunting`}
        className="mb-3 inline-flex items-center gap-1 text-[13px] text-muted hover:text-fg"
      >
        <ArrowLeft className="h-3.5 w-3.5" aria-hidden /> Hunting
      </Link>
      <PageHeader
        title="Lead scoring"
        description="Score 0–100 from the parts below. Saving rewrites the Score and Qualified formula columns of the Businesses table, so the grid, rules, the API and exports all see the same score."
      />
      <form aria-label="Lead scoring" onSubmit={save} className="flex flex-col gap-4">
        {readOnly ? <Notice tone="info">{OWNERS_ONLY}</Notice> : null}
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        <Card
          title="Weights"
          description="Points each part adds to a business's score, together at most 100. A Facebook or Instagram page given as the website counts as no website."
        >
          <WeightFields draft={draft} readOnly={readOnly} change={change} />
        </Card>
        <Card
          title="Qualified leads"
          description="The thresholds of the rating and reviews parts, and who counts as qualified."
        >
          <ThresholdFields draft={draft} readOnly={readOnly} change={change} />
        </Card>
        <Card title="Pace" description="How often territories are scraped, and from where.">
          <PaceFields draft={draft} readOnly={readOnly} change={change} />
        </Card>
        {readOnly ? null : (
          <div>
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? "Saving…" : "Save"}
            </Button>
          </div>
        )}
      </form>
    </>
  );
}

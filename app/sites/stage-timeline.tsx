/**
 * The version's four agents in order: status, model, seconds, tokens, cost and error each; the
 * running one marked while the site is generating. A fallback made without a key has none.
 */
import { CheckCircle2, CircleDashed, Loader2, RotateCcw, XCircle } from "lucide-react";
import { SITE_AGENT_LABELS, SITE_AGENTS, type SiteAgent } from "../../schema/site-agents";
import type { SiteDetail, SiteStage } from "../../schema/sites-api";
import { cn } from "../components/ui";
import { cost, seconds } from "./format";

const ICON = {
  complete: <CheckCircle2 className="h-4 w-4 text-success" aria-hidden />,
  failed: <XCircle className="h-4 w-4 text-danger" aria-hidden />,
  reused: <RotateCcw className="h-4 w-4 text-muted" aria-hidden />,
  running: <Loader2 className="h-4 w-4 animate-spin text-accent" aria-hidden />,
  waiting: <CircleDashed className="h-4 w-4 text-muted" aria-hidden />,
};

type Step = { agent: SiteAgent; state: keyof typeof ICON; stage: SiteStage | null };

/** While generating, the agents before the running one are done, the ones after it wait. */
function steps(site: SiteDetail): Step[] {
  if (site.running) {
    const at = SITE_AGENTS.indexOf(site.running);
    return SITE_AGENTS.map((agent, i) => ({
      agent,
      state: i < at ? "complete" : i === at ? "running" : "waiting",
      stage: null,
    }));
  }
  return site.stages.map((stage) => ({ agent: stage.name, state: stage.status, stage }));
}

export function StageTimeline({ site }: { site: SiteDetail }) {
  const list = steps(site);
  if (list.length === 0) {
    return (
      <p className="text-[13px] text-muted">
        {site.status === "queued"
          ? "Waiting in the queue for the agents."
          : "No agents ran for this version: the template generator made it."}
      </p>
    );
  }
  return (
    <ol aria-label="Stages" className="flex flex-col">
      {list.map(({ agent, state, stage }, i) => (
        <li key={`${agent}${stage?.repair ? "-repair" : ""}`} className="relative flex gap-3 pb-3 last:pb-0">
          {i < list.length - 1 ? (
            <span className="absolute top-5 bottom-0 left-[7px] w-px bg-line" aria-hidden />
          ) : null}
          <span className="relative mt-0.5 bg-surface">{ICON[state]}</span>
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-baseline gap-x-2 text-[13px]">
              <span className="font-medium">
                {SITE_AGENT_LABELS[agent]}
                {stage?.repair ? " (repair)" : ""}
              </span>
              <span className={cn("text-xs", state === "failed" ? "text-danger" : "text-muted")}>
                {state === "running"
                  ? `running…${site.runningTokens ? ` ${site.runningTokens.toLocaleString("en-US")} tokens` : ""}`
                  : state}
                {stage?.batch ? " · batch, half price" : ""}
              </span>
            </p>
            {stage ? (
              <p className="mt-0.5 text-xs text-muted tabular-nums">
                {stage.model} · {seconds(stage.ms)} · {stage.tokens.toLocaleString("en-US")} tokens ·{" "}
                {cost(stage.costUsd, stage.tokens)}
              </p>
            ) : null}
            {stage?.error ? <p className="mt-1 text-xs break-words text-danger">{stage.error}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

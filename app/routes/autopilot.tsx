/**
 * The pipeline dashboard, the admin home of business hunting: the Autopilot switch and "Run one
 * cycle", the funnel from territories to paid (each number opens its rows in the grid), what waits
 * at each stage, throughput per day, the last cycles with the running one live, health lights,
 * open alerts and spend against budget. It reads `GET /api/autopilot` every 2 s while a cycle
 * runs (else every 15 s) and `GET /api/pipeline` every 5 s while one runs, so it follows a cycle.
 */
import { useState } from "react";
import { useLoaderData, useRouteLoaderData } from "react-router";
import type { AutopilotStatus, PipelineAnswer } from "../../schema/autopilot";
import { autopilotApi, autopilotClient } from "../autopilot/api";
import { AutopilotSwitch, NextRuns, RunCycleButton } from "../autopilot/controls";
import { CycleList, RunningCycle } from "../autopilot/cycles";
import { PipelineFunnel } from "../autopilot/funnel";
import { SettingsDialog } from "../autopilot/settings-dialog";
import { Throughput } from "../autopilot/throughput";
import { HealthLights, OpenAlerts, SpendBars } from "../autopilot/watch";
import { Card, Notice, PageHeader } from "../components/ui";
import { usePolled } from "../journeys/use-live";
import { apiSend } from "../lib/api.server";
import type { Route } from "./+types/autopilot";
import type { loader as workspaceLoader } from "./workspace";

export const meta: Route.MetaFunction = () => [{ title: "Autopilot · Rowpilot" }];

/** While a cycle runs the page follows it closely; idle, a slow read keeps schedules and health fresh. */
const STATUS_RUNNING_MS = 2_000;
const STATUS_IDLE_MS = 15_000;
const PIPELINE_RUNNING_MS = 5_000;
const PIPELINE_IDLE_MS = 60_000;

type Loaded<T> = { value: T; error: null } | { value: null; error: string };

export async function loader({ context, params }: Route.LoaderArgs) {
  const get = async <T,>(path: string, what: string): Promise<Loaded<T>> => {
    const result = await apiSend<T>(context, "GET", autopilotApi(params.slug, path));
    return result.ok
      ? { value: result.value, error: null }
      : { value: null, error: `Could not read ${what}: ${result.error.message}` };
  };
  const [status, pipeline] = await Promise.all([
    get<AutopilotStatus>("/api/autopilot", "Autopilot's status"),
    get<PipelineAnswer>("/api/pipeline", "the pipeline"),
  ]);
  return { status, pipeline };
}

export default function AutopilotPage({ params }: Route.ComponentProps) {
  const slug = params.slug;
  const served = useLoaderData<typeof loader>();
  const canEdit = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role !== "viewer";
  const client = autopilotClient(slug);
  const [runningSeen, setRunningSeen] = useState(served.status.value?.running != null);
  const statusPoll = usePolled(client.status, runningSeen ? STATUS_RUNNING_MS : STATUS_IDLE_MS);
  const status = statusPoll.value ?? served.status.value;
  const running = status?.running ?? null;
  if ((running !== null) !== runningSeen) setRunningSeen(running !== null);
  const pipelinePoll = usePolled(client.pipeline, running ? PIPELINE_RUNNING_MS : PIPELINE_IDLE_MS);
  const pipeline = pipelinePoll.value ?? served.pipeline.value;
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const report = (ok: string | null, error: string | null) => {
    setMessage(ok);
    setFailure(error);
    statusPoll.refresh();
  };
  const now = new Date();
  const errors = [
    statusPoll.value ? null : (statusPoll.error ?? served.status.error),
    pipelinePoll.value ? null : (pipelinePoll.error ?? served.pipeline.error),
  ].filter((e): e is string => e !== null);

  return (
    <>
      <PageHeader
        title="Autopilot"
        description="The hunting-to-payment pipeline on a schedule: scrape, qualify, generate, publish and pitch, capped per cycle."
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {status ? (
              <>
                <AutopilotSwitch slug={slug} settings={status.settings} canEdit={canEdit} onChanged={report} />
                {canEdit ? (
                  <SettingsDialog
                    slug={slug}
                    settings={status.settings}
                    onSaved={() => report("Settings saved.", null)}
                  />
                ) : null}
              </>
            ) : null}
            <RunCycleButton slug={slug} running={running !== null} canEdit={canEdit} onStarted={report} />
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        {errors.map((e) => (
          <Notice key={e} tone="error">
            {e}
          </Notice>
        ))}
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        {message ? <Notice tone="success">{message}</Notice> : null}
        {running ? <RunningCycle cycle={running} now={now} /> : null}
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <Card
            title="Pipeline"
            description="Every business from territory to paying customer; a number opens its rows."
          >
            {pipeline ? <PipelineFunnel slug={slug} stages={pipeline.stages} now={now} /> : null}
          </Card>
          <div className="flex flex-col gap-6">
            <Card title="Throughput" description="Items that reached each stage per day, last 14 days (UTC).">
              {pipeline ? <Throughput days={pipeline.throughput} /> : null}
            </Card>
            {status ? (
              <Card title="Schedules">
                <NextRuns runs={status.nextRuns} enabled={status.settings.enabled} />
              </Card>
            ) : null}
          </div>
        </div>
        {status ? (
          <>
            <Card title="Last cycles" description="Each phase: done / failed / skipped.">
              <CycleList cycles={status.cycles} now={now} />
            </Card>
            <div className="grid gap-6 md:grid-cols-3">
              <Card title="Health">
                <HealthLights checks={status.health} />
              </Card>
              <Card title="Alerts">
                <OpenAlerts alerts={status.alerts} />
              </Card>
              <Card title="Spend today">
                <SpendBars lines={status.spend} />
              </Card>
            </div>
          </>
        ) : null}
        {pipeline ? (
          <p className="text-xs text-muted">
            Pipeline counted in {pipeline.ms} ms at {new Date(pipeline.computedAt).toLocaleTimeString("en-US")}.
          </p>
        ) : null}
      </div>
    </>
  );
}

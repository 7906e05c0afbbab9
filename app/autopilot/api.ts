/** The Autopilot and pipeline APIs as the dashboard calls them from the browser (`?workspace=<slug>`). */
import type { AutopilotInput, AutopilotStatus, PipelineAnswer } from "../../schema/autopilot";
import { ApiError, apiJson } from "../lib/api-client";

/**
 * An Autopilot path for workspace `slug`.
 * @example autopilotApi("demo", "/api/pipeline") // "/api/pipeline?workspace=demo"
 */
export function autopilotApi(slug: string, path: string): string {
  return `${path}?${new URLSearchParams({ workspace: slug })}`;
}

/** What "Run one cycle" led to: a new cycle, or the one already running (409). */
export type RunResult = { ok: true; cycleId: string } | { ok: false; message: string };

export const RUNNING_MESSAGE = "A cycle is running";

export function autopilotClient(slug: string) {
  return {
    status: () => apiJson<AutopilotStatus>(autopilotApi(slug, "/api/autopilot")),
    pipeline: () => apiJson<PipelineAnswer>(autopilotApi(slug, "/api/pipeline")),
    save: (input: AutopilotInput) =>
      apiJson<unknown>(autopilotApi(slug, "/api/autopilot"), { method: "POST", body: input }),
    run: async (): Promise<RunResult> => {
      try {
        const { cycleId } = await apiJson<{ cycleId: string }>(autopilotApi(slug, "/api/autopilot/run"), {
          method: "POST",
          body: {},
        });
        return { ok: true, cycleId };
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) return { ok: false, message: RUNNING_MESSAGE };
        throw e;
      }
    },
  };
}

/**
 * A project page's data, kept current: the project (counts, run and ETA), its latest attempts
 * and its dealerships, polled fast while a run is going and slowly otherwise, never while the
 * tab is hidden (and at once when it shows again).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { AttemptRecord, DealershipRecord, ProjectDetail } from "../../../schema/projects";
import { apiJson } from "../../lib/api-client";
import { projectApi } from "../api";
import { inFlight } from "../format";

/** While dealers are queued or running: about one finishes per second or two at full concurrency. */
export const LIVE_POLL_MS = 2_000;
/** Otherwise: edits from another tab or person show within a glance. */
export const IDLE_POLL_MS = 15_000;
/** The live log's length. */
export const ATTEMPTS_SHOWN = 50;

export type ProjectData = {
  project: ProjectDetail;
  attempts: AttemptRecord[];
  dealerships: DealershipRecord[];
};

export async function loadProject(slug: string, id: string): Promise<ProjectData> {
  const [project, { attempts }, { dealerships }] = await Promise.all([
    apiJson<ProjectDetail>(projectApi(slug, id)),
    apiJson<{ attempts: AttemptRecord[] }>(projectApi(slug, id, "/attempts", { limit: String(ATTEMPTS_SHOWN) })),
    apiJson<{ dealerships: DealershipRecord[] }>(projectApi(slug, id, "/dealerships")),
  ]);
  return { project, attempts, dealerships };
}

export function useLiveProject(slug: string, id: string, initial: ProjectData) {
  const [data, setData] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const live = inFlight(data.project.counts) > 0;
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    // A slow answer must not overwrite a newer one (after an action, say).
    const mine = ++seq.current;
    try {
      const next = await loadProject(slug, id);
      if (mine !== seq.current) return;
      setData(next);
      setProblem(null);
    } catch (error) {
      if (mine === seq.current) setProblem((error as Error).message);
    }
  }, [slug, id]);

  useEffect(() => {
    const timer = setInterval(
      () => {
        if (document.visibilityState === "visible") void refresh();
      },
      live ? LIVE_POLL_MS : IDLE_POLL_MS,
    );
    const onShow = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onShow);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onShow);
    };
  }, [live, refresh]);

  return { ...data, live, problem, refresh };
}

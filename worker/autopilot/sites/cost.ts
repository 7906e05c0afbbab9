/**
 * What the agents' generation of a site cost, read back from its Stages cell (one line a stage,
 * "…, 1,830 tokens, $0.012" when its cost is known; `stageLines` in worker/sites/jobs.ts writes it). The agents run on
 * the generate-jobs queue after the phase has queued them, so their spend is counted when the
 * autopilot publishes the version.
 * @example stagesCostUsd("Analyst: complete, m, 3.1 s, 1,200 tokens, $0.012\nCopy: complete, m, 2.0 s, 900 tokens, $0.020") // 0.032
 */
export function stagesCostUsd(stages: string | null): number {
  if (!stages) return 0;
  let total = 0;
  for (const line of stages.split("\n")) {
    const cost = /tokens, \$(\d+(?:\.\d+)?)/.exec(line);
    if (cost) total += Number(cost[1]);
  }
  return total;
}

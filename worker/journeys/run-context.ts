/**
 * What a journey's step sees of its enrollment: who the lead is, which journey and version, and
 * whether waits are compressed. Handed by the JourneyWorkflow to the node runners
 * (`worker/journeys/nodes/`), which act for the lead and answer where the journey goes next.
 */
import type { JourneyDefinition, JourneyNode } from "../../schema/journeys";
import type { CellValue } from "../../schema/tables";

export type RunContext = {
  workspaceId: string;
  journeyId: string;
  journeyName: string;
  version: number;
  definition: JourneyDefinition;
  enrollmentId: string;
  /** The visit's place in the enrollment's path: with the enrollment id, the key of what it does once (a send). */
  seq: number;
  /** The lead: a row of `tableId`. */
  tableId: string;
  rowId: string;
  /** The row as it is now, cells by column name, formula columns computed. */
  row: Record<string, CellValue>;
  /** Waits, timeouts and cap windows in seconds instead of days. */
  compress: boolean;
  /** Channels the journey has messaged this lead on so far (the "previous agents" of a handoff). */
  channelsUsed: string[];
};

/**
 * What a node did: the outcome written to its step row ("sent", "no address: …", "yes",
 * "capped: dropped"…) and which edge to follow (`next`, `yes`, `no`, `timeout`, `fallback`, or a
 * split branch's label). `waitFor` asks the workflow to wait for a keyed event before going on
 * (a person's handoff waits for `handoff-taken`).
 */
export type NodeResult = {
  outcome: string;
  edge: string;
  waitFor?: { type: string; key?: string; timeoutSeconds: number };
};

/** `<enrollment id>:<seq>`: the visit's key, so what a retried step does is done once (a send, a handoff row). */
export const stepKeyOf = (run: Pick<RunContext, "enrollmentId" | "seq">): string => `${run.enrollmentId}:${run.seq}`;

export type NodeRunner<N extends JourneyNode = JourneyNode> = (
  env: Env,
  run: RunContext,
  node: N,
) => Promise<NodeResult>;

/**
 * One visit of a journey's node, run inside its own `step.do`: marks where the lead is (the
 * enrollment's node and the lead's Journeys cell), reads the row afresh and runs the node. Waits
 * are only planned here; the workflow sleeps or waits for the event outside the step, as
 * Workflows requires.
 */
import { and, eq } from "drizzle-orm";
import { evaluateNodeCondition } from "../../automation/journeys/conditions";
import { workflowEventType } from "../../automation/journeys/event-names";
import { pickBranch } from "../../automation/journeys/split";
import { nextTimeOfDay, waitMs } from "../../automation/journeys/wait-time";
import { leadTouch } from "../../schema/db";
import type { JourneyDefinition, JourneyNode, NodeOf } from "../../schema/journeys";
import { getDb } from "../db";
import type { JourneyRunParams } from "./enroll";
import { leadEvents, leadFacts, leadNameOf, leadZone, readJourneySettings, readLeadRow } from "./lead";
import { runActionNode } from "./nodes/actions";
import { runHandoffNode } from "./nodes/handoff";
import { runSendNode } from "./nodes/send";
import { type NodeResult, type RunContext, stepKeyOf } from "./run-context";
import { markNode, showInLeadRow } from "./steps";

/** What the workflow does after the visit's step: sleep, sleep until a moment, or wait for an event. */
export type WaitPlan =
  | { kind: "sleep"; ms: number }
  | { kind: "until"; at: number }
  /** `arrived`: the visit's outcome when the event comes in time. */
  | { kind: "event"; type: string; arrived: string; timeoutMs: number; handoffId?: string };

export type VisitResult = {
  enteredAt: number;
  leadName: string;
  outcome: string;
  edge: string;
  /** The journey ends here whatever the node's edges say (an exit node, the lead's row gone). */
  end?: string;
  wait?: WaitPlan;
  /** A deferred send: visit the node again at this moment. */
  retryAt?: number;
};

export type RunInfo = {
  params: JourneyRunParams;
  definition: JourneyDefinition;
  journeyName: string;
  enteredAt: number;
};

async function channelsUsed(env: Env, enrollmentId: string): Promise<string[]> {
  const rows = await getDb(env.DB)
    .selectDistinct({ channel: leadTouch.channel })
    .from(leadTouch)
    .where(and(eq(leadTouch.enrollmentId, enrollmentId)));
  return rows.map((r) => r.channel);
}

function eventWait(
  event: { type: string; key?: string; timeoutSeconds: number },
  arrived: string,
  compress: boolean,
): WaitPlan {
  const type = workflowEventType(event.type, event.key);
  return { kind: "event", type, arrived, timeoutMs: waitMs(event.timeoutSeconds, compress) };
}

async function planWait(env: Env, run: RunContext, node: NodeOf<"wait">): Promise<WaitPlan | undefined> {
  const { until } = node;
  if (!until) return node.seconds !== undefined ? { kind: "sleep", ms: waitMs(node.seconds, run.compress) } : undefined;
  if ("date" in until) return { kind: "until", at: Date.parse(until.date) };
  if ("time" in until) {
    const settings = await readJourneySettings(getDb(env.DB), run.workspaceId);
    return { kind: "until", at: nextTimeOfDay(Date.now(), leadZone(run.row, settings), until.time) };
  }
  const { event, key, timeoutSeconds } = until;
  return eventWait({ type: event, key, timeoutSeconds }, `event: ${event}`, run.compress);
}

async function runNode(
  env: Env,
  run: RunContext,
  node: JourneyNode,
  info: RunInfo,
): Promise<NodeResult & Omit<VisitResult, "enteredAt" | "leadName">> {
  switch (node.kind) {
    case "send":
      return runSendNode(env, run, node);
    case "wait":
      return { outcome: "waited", edge: "next", wait: await planWait(env, run, node) };
    case "condition": {
      const db = getDb(env.DB);
      const settings = await readJourneySettings(db, run.workspaceId);
      const facts = leadFacts(run.row, await leadEvents(db, run), settings, info.enteredAt, Date.now());
      const yes = evaluateNodeCondition(node, facts);
      return { outcome: yes ? "yes" : "no", edge: yes ? "yes" : "no" };
    }
    case "split": {
      const branch = pickBranch(node, stepKeyOf(run));
      return { outcome: `branch: ${branch.label}`, edge: branch.label };
    }
    case "goal":
      return { outcome: "goal", edge: "next" };
    case "exit":
      return { outcome: "exit", edge: "next", end: "exit node" };
    case "handoff":
      return runHandoffNode(env, run, node);
    case "update":
    case "create-row":
    case "webhook":
    case "notify":
    case "start-contact":
    case "generate-site":
      return runActionNode(env, run, node);
  }
}

/** Marks the lead at `node`, reads its row and runs the node. */
export async function visitNode(env: Env, info: RunInfo, node: JourneyNode, seq: number): Promise<VisitResult> {
  const { params } = info;
  const enteredAt = Date.now();
  // Ended meanwhile (a reply, a person, a move): this run stops even if its instance was not terminated.
  if (!(await markNode(getDb(env.DB), params.enrollmentId, node.id)))
    return { enteredAt, leadName: "", outcome: "the enrollment had ended", edge: "next", end: "enrollment ended" };
  const row = await readLeadRow(env, params.tableId, params.rowId);
  if (!row) return { enteredAt, leadName: "", outcome: "the lead's row was deleted", edge: "next", end: "row deleted" };
  await showInLeadRow(env, params, info.journeyName, node.label ?? node.id);
  const run: RunContext = {
    ...params,
    journeyName: info.journeyName,
    definition: info.definition,
    seq,
    row,
    channelsUsed: await channelsUsed(env, params.enrollmentId),
  };
  const { waitFor, ...result } = await runNode(env, run, node, info);
  // A node that waits for someone (a person taking a handoff) is waited for like a wait node.
  const wait = waitFor
    ? { ...eventWait(waitFor, `${result.outcome}: taken`, run.compress), handoffId: waitFor.key }
    : result.wait;
  return { ...result, ...(wait ? { wait } : {}), enteredAt, leadName: leadNameOf(row, params.rowId) };
}

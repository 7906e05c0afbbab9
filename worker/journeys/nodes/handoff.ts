/**
 * The handoff node. To a channel's agent: the Handoffs row is done at once, the lead's Channel
 * preference set to that channel (the journey's later `best` sends use it), and the journey goes
 * on. To a person (the row's Owner, the workspace's owners, or a member's email): the row waits,
 * and so does the journey, until someone takes it (`takeHandoff`) or its timeout passes.
 */
import type { NodeOf } from "../../../schema/journeys";
import { getDb } from "../../db";
import { byKey, tableHandle } from "../../kinds/tables";
import { handoffContext } from "../handoff-context";
import { HANDOFF_ORIGIN, writeHandoff } from "../handoffs";
import { leadNameOf } from "../lead";
import { type NodeRunner, stepKeyOf } from "../run-context";

/**
 * How long a person's handoff waits to be taken when the node names no timeout: a week, the
 * working week and a weekend, after which the journey follows its timeout edge.
 */
export const HANDOFF_TIMEOUT_SECONDS = 7 * 86_400;

/** Whom a person's handoff is to: `owner` is the row's Owner cell (else "owners"); anything else as given. */
export function personOf(person: string, row: Record<string, unknown>): string {
  if (person.toLowerCase() !== "owner") return person;
  const owner = Object.entries(row).find(([k]) => k.toLowerCase() === "owner")?.[1];
  return typeof owner === "string" && owner.trim() ? owner.trim() : "owners";
}

export const runHandoffNode: NodeRunner<NodeOf<"handoff">> = async (env, run, node) => {
  const db = getDb(env.DB);
  const context = await handoffContext(env, db, run, node.reason, node.id);
  const base = {
    workspaceId: run.workspaceId,
    leadTable: run.tableId,
    leadRowId: run.rowId,
    leadName: leadNameOf(run.row, run.rowId),
    journeyId: run.journeyId,
    enrollmentId: run.enrollmentId,
    stepKey: stepKeyOf(run),
    reason: node.reason,
    context,
  };
  if ("channel" in node.to) {
    const { channel } = node.to;
    const lead = await tableHandle(env, run.tableId);
    const preference = byKey(lead, { channelPreference: channel });
    if (Object.keys(preference).length) {
      const written = await lead.room.patchRow(run.rowId, preference, HANDOFF_ORIGIN);
      if (!written.ok) throw new Error(`Could not set the lead's channel preference: ${written.message}`);
    }
    await writeHandoff(env, db, { ...base, to: `${channel} agent`, status: "done" });
    return { outcome: `handed off to the ${channel} agent`, edge: "next" };
  }
  const to = personOf(node.to.person, run.row);
  const id = await writeHandoff(env, db, { ...base, to, status: "waiting" });
  return {
    outcome: `handed off to ${to}`,
    edge: "next",
    waitFor: { type: "handoff-taken", key: id, timeoutSeconds: node.timeoutSeconds ?? HANDOFF_TIMEOUT_SECONDS },
  };
};

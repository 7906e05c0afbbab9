/**
 * JourneyWorkflow: one Cloudflare Workflows instance per enrollment, interpreting the version it
 * was enrolled in. From its start node (or where a move put it) each visit is numbered (`seq`):
 * the node runs in a `step.do` named `<seq>:<node id>`, a wait sleeps or waits for the lead's
 * event outside any step, and the visit's step row is written once in `<seq>:<node id>:record`.
 * Workflows replays finished steps from their stored results, so a retried or resumed run
 * neither sends twice nor writes a step row twice.
 */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep, type WorkflowStepConfig } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { edgeTarget, nodeById } from "../../automation/journeys/graph";
import { journey, journeyEnrollment } from "../../schema/db";
import type { JourneyNode } from "../../schema/journeys";
import { getDb } from "../db";
import type { JourneyRunParams } from "./enroll";
import { expireHandoff } from "./handoffs";
import { failEnrollment, finishEnrollment, recordStep, showInLeadRow } from "./steps";
import { publishedDefinition, refreshJourneyRow } from "./store";
import { type RunInfo, type VisitResult, visitNode, type WaitPlan } from "./visit";

/**
 * The most node visits one enrollment makes: a journey looping through waits for ever is ended
 * rather than run for ever. A visit takes up to four Workflows steps (the visit, a wait, a
 * retry's sleep, its record), and an instance may take 1,024 steps on the Workers Free plan
 * (10,000 on Paid): 240 visits stay under the smaller limit, years of nurture at a few a week.
 */
export const MAX_VISITS = 240;

/** A step that failed after its retries: the enrollment ends with its error rather than stay "active". */
class StepFailed extends Error {
  override name = "StepFailed";
}

/** Side effects retry a few times, quickly at first: a room or D1 hiccup, not a long outage. */
const STEP_CONFIG: WorkflowStepConfig = {
  retries: { limit: 4, delay: "2 seconds", backoff: "exponential" },
  timeout: "2 minutes",
};

type Loaded = Omit<RunInfo, "params"> | { missing: string };

export class JourneyWorkflow extends WorkflowEntrypoint<Env, JourneyRunParams> {
  override async run(event: WorkflowEvent<JourneyRunParams>, step: WorkflowStep) {
    try {
      return await this.interpret(event.payload, step);
    } catch (error) {
      // Only our steps' failures: anything else is the platform's and is rethrown untouched.
      if (!(error instanceof StepFailed)) throw error;
      const { enrollmentId, journeyId } = event.payload;
      await step.do("failed", STEP_CONFIG, async () => {
        const db = getDb(this.env.DB);
        if (await failEnrollment(db, enrollmentId, error.message)) await refreshJourneyRow(this.env, db, journeyId);
      });
      return { status: "failed", reason: error.message };
    }
  }

  /** A step of ours: its error, after Workflows' retries, ends the enrollment (see `run`). */
  private do<T extends Rpc.Serializable<T>>(step: WorkflowStep, name: string, work: () => Promise<T>): Promise<T> {
    return step.do(name, STEP_CONFIG, work).catch((error: unknown) => {
      throw new StepFailed(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async interpret(params: JourneyRunParams, step: WorkflowStep) {
    const loaded: Loaded = await this.do(step, "load", () => this.load(params));
    if ("missing" in loaded) return this.end(step, params, "", 0, loaded.missing);
    const info: RunInfo = { params, ...loaded };
    let nodeId: string | null = params.startAt ?? info.definition.start;
    let seq = 0;
    while (nodeId) {
      if (seq >= MAX_VISITS) return this.end(step, params, info.journeyName, seq, "step limit");
      const node: JourneyNode | null = nodeById(info.definition, nodeId);
      if (!node)
        return this.end(step, params, info.journeyName, seq, `node ${nodeId} is not in version ${params.version}`);
      const name = `${seq}:${node.id}`;
      const visit: VisitResult = await this.do(step, name, () => visitNode(this.env, info, node, seq));
      let { outcome, edge } = visit;
      if (visit.wait) ({ outcome, edge } = await this.wait(step, info, name, visit.wait, visit));
      if (visit.retryAt !== undefined) {
        await this.record(step, info, node, seq, visit, outcome, node.id);
        await step.sleepUntil(`${name}:retry`, visit.retryAt);
        seq++;
        continue;
      }
      const next: string | null = visit.end ? null : edgeTarget(node, edge);
      await this.record(step, info, node, seq, visit, outcome, next);
      seq++;
      if (visit.end) return this.end(step, params, info.journeyName, seq, visit.end);
      nodeId = next;
    }
    return this.end(step, params, info.journeyName, seq, "end of path");
  }

  private async load(params: JourneyRunParams): Promise<Loaded> {
    const db = getDb(this.env.DB);
    const definition = await publishedDefinition(db, params.journeyId, params.version);
    const record = await db.query.journey.findFirst({ where: eq(journey.id, params.journeyId) });
    const enrollment = await db.query.journeyEnrollment.findFirst({
      where: eq(journeyEnrollment.id, params.enrollmentId),
    });
    if (!definition || !record) return { missing: `version ${params.version} of the journey is gone` };
    return { definition, journeyName: record.name, enteredAt: enrollment?.enteredAt.getTime() ?? Date.now() };
  }

  /** Sleeps or waits for the lead's event; a wait for an event that times out follows `timeout`. */
  private async wait(step: WorkflowStep, info: RunInfo, name: string, plan: WaitPlan, visit: VisitResult) {
    if (plan.kind === "sleep") {
      await step.sleep(`${name}:sleep`, plan.ms);
      return { outcome: visit.outcome, edge: visit.edge };
    }
    if (plan.kind === "until") {
      await step.sleepUntil(`${name}:until`, plan.at);
      return { outcome: visit.outcome, edge: visit.edge };
    }
    try {
      await step.waitForEvent(`${name}:event`, { type: plan.type, timeout: plan.timeoutMs });
      return { outcome: plan.arrived, edge: "next" };
    } catch {
      // Workflows answers a wait that timed out by throwing: the journey's timeout branch. A
      // person's handoff nobody took leaves their Inbox.
      const { handoffId } = plan;
      if (handoffId)
        await this.do(step, `${name}:expire`, async () => {
          await expireHandoff(this.env, getDb(this.env.DB), info.params.workspaceId, handoffId);
        });
      return { outcome: "timeout", edge: "timeout" };
    }
  }

  private record(
    step: WorkflowStep,
    info: RunInfo,
    node: JourneyNode,
    seq: number,
    visit: VisitResult,
    outcome: string,
    nextNode: string | null,
  ) {
    return this.do(step, `${seq}:${node.id}:record`, () =>
      recordStep(this.env, getDb(this.env.DB), {
        run: info.params,
        seq,
        nodeId: node.id,
        nodeKind: node.kind,
        nextNode,
        outcome,
        enteredAt: visit.enteredAt,
        leftAt: Date.now(),
        leadName: visit.leadName,
      }),
    );
  }

  /** The enrollment finished: its D1 row, the lead's Journeys cell, the journey's counts. */
  private async end(step: WorkflowStep, params: JourneyRunParams, journeyName: string, seq: number, reason: string) {
    await this.do(step, `${seq}:end`, async () => {
      const db = getDb(this.env.DB);
      await finishEnrollment(db, params.enrollmentId, reason);
      if (journeyName) await showInLeadRow(this.env, params, journeyName, null);
      await refreshJourneyRow(this.env, db, params.journeyId);
    });
    return { status: "finished", reason };
  }
}

/**
 * JourneyWorkflow: durable multi-step outreach journeys. No journey is defined yet: a started
 * instance records its input and completes.
 */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";

export class JourneyWorkflow extends WorkflowEntrypoint<Env, unknown> {
  override async run(event: WorkflowEvent<unknown>, step: WorkflowStep) {
    return step.do("record input", async () => ({ received: event.payload ?? null }));
  }
}

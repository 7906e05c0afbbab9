/**
 * Queue consumers. contact-jobs runs the contact engine; action-jobs runs the actions of rules
 * and buttons that leave the room; outreach-jobs runs business hunting's scrapes and messages'
 * sends (see `outreach.ts`); generate-jobs makes sites with the four Claude agents. A message on any other queue is logged and
 * acknowledged rather than looping on retries.
 */
import { handleSiteBatch } from "../sites/jobs";
import { handleActionBatch } from "./actions";
import { handleContactBatch } from "./contact";
import { handleOutreachBatch } from "./outreach";

export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  if (batch.queue === "contact-jobs") return handleContactBatch(batch, env);
  if (batch.queue === "action-jobs") return handleActionBatch(batch, env);
  if (batch.queue === "outreach-jobs") return handleOutreachBatch(batch, env);
  if (batch.queue === "generate-jobs") return handleSiteBatch(batch, env);
  for (const message of batch.messages) {
    console.warn(`rowpilot: no consumer for ${batch.queue} yet; dropping message ${message.id}`);
    message.ack();
  }
}

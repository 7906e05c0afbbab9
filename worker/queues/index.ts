/**
 * Queue consumers. contact-jobs runs the contact engine; action-jobs runs the actions of rules
 * and buttons that leave the room; outreach-jobs runs business hunting's scrapes; generate-jobs
 * has no producer yet, so a message that arrives there anyway is logged and acknowledged rather
 * than looping on retries.
 */
import { handleHuntingBatch } from "../hunting/jobs";
import { handleActionBatch } from "./actions";
import { handleContactBatch } from "./contact";

export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  if (batch.queue === "contact-jobs") return handleContactBatch(batch, env);
  if (batch.queue === "action-jobs") return handleActionBatch(batch, env);
  if (batch.queue === "outreach-jobs") return handleHuntingBatch(batch, env);
  for (const message of batch.messages) {
    console.warn(`rowpilot: no consumer for ${batch.queue} yet; dropping message ${message.id}`);
    message.ack();
  }
}

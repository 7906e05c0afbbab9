/**
 * Queue consumers. contact-jobs runs the contact engine; generate-jobs and outreach-jobs have no
 * producer yet, so a message that arrives there anyway is logged and acknowledged rather than
 * looping on retries.
 */
import { handleContactBatch } from "./contact";

export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  if (batch.queue === "contact-jobs") return handleContactBatch(batch, env);
  for (const message of batch.messages) {
    console.warn(`rowpilot: no consumer for ${batch.queue} yet; dropping message ${message.id}`);
    message.ack();
  }
}

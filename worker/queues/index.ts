/**
 * Queue consumers for contact-jobs, generate-jobs and outreach-jobs. No producer sends jobs
 * yet; a message that arrives anyway is logged and acknowledged so it cannot loop on retries.
 */
export async function handleQueue(batch: MessageBatch<unknown>, _env: Env): Promise<void> {
  for (const message of batch.messages) {
    console.warn(`rowpilot: no consumer for ${batch.queue} yet; dropping message ${message.id}`);
    message.ack();
  }
}

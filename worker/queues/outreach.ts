/**
 * The `outreach-jobs` consumer: each message names its job by `kind`: a send (`send-message`) or
 * business hunting's scrape. Messages are handled one after another, as scrapes always were; a
 * send acknowledges or retries only its own message, so a redelivered batch repeats nothing done.
 */
import { handleHuntingMessage } from "../hunting/jobs";
import { handleSendMessage, isSendJob } from "../messaging/jobs";

export async function handleOutreachBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    if (isSendJob(message.body)) await handleSendMessage(message, env);
    else await handleHuntingMessage(message, env);
  }
}

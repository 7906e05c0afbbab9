/**
 * Confirming an SNS subscription: once the SubscriptionConfirmation is verified (signature, topic,
 * freshness), a GET of its SubscribeURL (SNS's own host, checked by `ses.subscribeUrl`) tells SNS
 * to start delivering SES events here.
 * https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html
 */
import { ses, WebhookPayloadError } from "../../../automation/messaging/webhooks";
import { fail } from "../../api/errors";

/** SNS answers a confirmation at once; the provider waits on our answer meanwhile. */
export const CONFIRM_TIMEOUT_MS = 5_000;

/** The SubscribeURL of a SubscriptionConfirmation body; null for any other SNS message. */
export function subscriptionUrl(body: string): string | null {
  try {
    return ses.subscribeUrl(body);
  } catch (error) {
    if (error instanceof WebhookPayloadError) fail(400, error.message);
    throw error;
  }
}

export async function confirmSubscription(url: string, fetcher: typeof fetch = fetch): Promise<{ confirmed: true }> {
  let response: Response;
  try {
    response = await fetcher(url, { signal: AbortSignal.timeout(CONFIRM_TIMEOUT_MS) });
  } catch (error) {
    fail(502, `Could not confirm the SNS subscription: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) fail(502, `SNS refused the subscription confirmation with ${response.status}`);
  return { confirmed: true };
}

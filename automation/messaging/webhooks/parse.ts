/** Reading a provider's webhook body: JSON against a zod schema, failing with a message that names the provider. */
import type { z } from "zod";

/** A body that is signed but not the shape the provider documents: answer 400, and log the message. */
export class WebhookPayloadError extends Error {
  override readonly name = "WebhookPayloadError";
}

export function parseJson<T extends z.ZodType>(body: string, schema: T, provider: string): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new WebhookPayloadError(`${provider} webhook body is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WebhookPayloadError(
      `${provider} webhook body is not the documented shape: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.trim(),
    );
  }
  return parsed.data;
}

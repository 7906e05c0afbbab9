/** A fake Resend (`POST /emails`) as its API reference describes it: Bearer key, JSON body, `{ id }` back. */
import { type FakeProvider, jsonBody, missing, startFake } from "./fake-provider";

const NAMES: Record<number, string> = {
  401: "missing_api_key",
  403: "invalid_api_key",
  409: "concurrent_idempotent_requests",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "application_error",
};

export function startFakeResend(apiKey: string, options: { latencyMs?: number } = {}): Promise<FakeProvider> {
  return startFake(
    {
      authorized: (request) => request.headers.authorization === `Bearer ${apiKey}`,
      problems(request) {
        if (request.method !== "POST" || request.path !== "/emails")
          return [`no route ${request.method} ${request.path}`];
        const body = jsonBody(request);
        const problems = missing(body, ["from", "to", "subject"]);
        if (!Array.isArray(body.to) && typeof body.to !== "string") problems.push("to must be a string or an array");
        const tags = Array.isArray(body.tags) ? body.tags : [];
        for (const tag of tags) {
          if (!/^[A-Za-z0-9_-]+$/.test(`${tag.name}`) || !/^[A-Za-z0-9_-]+$/.test(`${tag.value}`))
            problems.push("tags may contain only ASCII letters, numbers, underscores or dashes");
        }
        return problems;
      },
      accept: (_request, count) => ({ status: 200, json: { id: `resend-email-${count}` } }),
      error: (status, message) => ({
        status,
        json: { statusCode: status, name: NAMES[status] ?? "application_error", message },
      }),
      invalidStatus: 422,
    },
    options,
  );
}

/**
 * A fake SendGrid (`POST /v3/mail/send`) as its API reference describes it: Bearer key,
 * personalizations, text/plain content first, 202 with `X-Message-Id` and no body.
 */
import { type FakeProvider, jsonBody, missing, startFake } from "./fake-provider";

export function startFakeSendGrid(apiKey: string): Promise<FakeProvider> {
  return startFake({
    authorized: (request) => request.headers.authorization === `Bearer ${apiKey}`,
    problems(request) {
      if (request.method !== "POST" || request.path !== "/v3/mail/send")
        return [`no route ${request.method} ${request.path}`];
      const body = jsonBody(request);
      const problems = missing(body, ["personalizations", "from", "subject", "content"]);
      const personalizations = Array.isArray(body.personalizations) ? body.personalizations : [];
      if (!personalizations.length || !personalizations.every((p) => Array.isArray(p?.to) && p.to.length))
        problems.push("You must have at least one personalization with a to address");
      const content = Array.isArray(body.content) ? body.content : [];
      if (content.length > 1 && content[0]?.type !== "text/plain")
        problems.push("If present, text/plain must be first, followed by text/html");
      const args = (body.custom_args ?? {}) as Record<string, unknown>;
      if (Object.values(args).some((value) => typeof value !== "string"))
        problems.push("custom_args values must be strings");
      return problems;
    },
    accept: (_request, count) => ({ status: 202, headers: { "x-message-id": `sendgrid-${count}` } }),
    error: (status, message) => ({ status, json: { errors: [{ message, field: null, help: null }] } }),
    invalidStatus: 400,
  });
}

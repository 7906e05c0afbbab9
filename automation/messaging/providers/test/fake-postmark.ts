/**
 * A fake Postmark (`POST /email`) as its API reference describes it: the server token in
 * `X-Postmark-Server-Token`, `{ ErrorCode, Message }` on every refusal, `{ MessageID }` back.
 */
import { type FakeProvider, jsonBody, missing, startFake } from "./fake-provider";

export function startFakePostmark(token: string): Promise<FakeProvider> {
  return startFake({
    authorized: (request) => request.headers["x-postmark-server-token"] === token,
    problems(request) {
      if (request.method !== "POST" || request.path !== "/email") return [`no route ${request.method} ${request.path}`];
      const body = jsonBody(request);
      const problems = missing(body, ["From", "To", "Subject", "MessageStream"]);
      if (!body.TextBody && !body.HtmlBody) problems.push("Provide either email TextBody or HtmlBody or both");
      const headers = body.Headers ?? [];
      if (!Array.isArray(headers) || headers.some((header) => typeof header?.Name !== "string"))
        problems.push("Headers must be a list of { Name, Value }");
      return problems;
    },
    accept: (request, count) => ({
      status: 200,
      json: {
        To: jsonBody(request).To,
        SubmittedAt: new Date().toISOString(),
        MessageID: `postmark-${count}`,
        ErrorCode: 0,
        Message: "OK",
      },
    }),
    // Postmark answers a bad token with 401 and ErrorCode 10, a refused send with 422 and its code.
    error: (status, message, detail) => ({
      status,
      json: { ErrorCode: detail?.code ?? (status === 401 ? 10 : status === 422 ? 300 : status), Message: message },
    }),
    invalidStatus: 422,
  });
}

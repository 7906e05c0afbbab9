/**
 * A fake Amazon SES v2 (`POST /v2/email/outbound-emails`) that checks the SigV4 signature the way
 * AWS does: it signs the same request again with the secret and compares. It refuses as SES does,
 * with the reason in `x-amzn-ErrorType` and `{ message }`, and answers `{ MessageId }`.
 */
import { AwsV4Signer } from "aws4fetch";
import { type FakeProvider, type FakeRequest, jsonBody, missing, startFake } from "./fake-provider";

const ERROR_TYPES: Record<number, string> = {
  400: "BadRequestException",
  403: "UnrecognizedClientException",
  429: "TooManyRequestsException",
  500: "InternalFailure",
};

export type SesCredentials = { accessKeyId: string; secretAccessKey: string; region: string };

export function startFakeSes(credentials: SesCredentials): Promise<FakeProvider> {
  return startFake({
    authorized: (request) => signatureMatches(request, credentials),
    problems(request) {
      if (request.method !== "POST" || request.path !== "/v2/email/outbound-emails")
        return [`no route ${request.method} ${request.path}`];
      const body = jsonBody(request);
      const simple = (body.Content as { Simple?: Record<string, unknown> } | undefined)?.Simple;
      const problems = missing(body, ["FromEmailAddress", "Destination"]);
      if (!simple?.Subject || !simple.Body) problems.push("Content.Simple needs Subject and Body");
      const tags = Array.isArray(body.EmailTags) ? body.EmailTags : [];
      if (tags.some((tag) => !/^[A-Za-z0-9_-]{1,256}$/.test(`${tag?.Value}`)))
        problems.push("Tag values may contain only ASCII letters, numbers, underscores or dashes");
      return problems;
    },
    accept: (_request, count) => ({ status: 200, json: { MessageId: `ses-${count}` } }),
    // SES refuses an unknown key or a bad signature with 403, not 401.
    error: (status, message, detail) => {
      const answerStatus = status === 401 ? 403 : status;
      return {
        status: answerStatus,
        json: { message },
        headers: { "x-amzn-errortype": detail?.type ?? ERROR_TYPES[answerStatus] ?? "BadRequestException" },
      };
    },
    invalidStatus: 400,
  });
}

/** Whether `Authorization` is the SigV4 signature of this very request with these credentials. */
async function signatureMatches(request: FakeRequest, credentials: SesCredentials): Promise<boolean> {
  const authorization = `${request.headers.authorization ?? ""}`;
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(";") ?? [];
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) if (name !== "host") headers[name] = `${request.headers[name] ?? ""}`;
  const signer = new AwsV4Signer({
    method: request.method,
    url: `http://${request.headers.host}${request.path}`,
    headers,
    body: request.body,
    ...credentials,
    service: "ses",
    datetime: `${request.headers["x-amz-date"] ?? ""}`,
  });
  return authorization === (await signer.authHeader());
}

/**
 * The base of every fake provider in these tests: a node:http server on 127.0.0.1 that records
 * each request, refuses a wrong key and a request not shaped as the provider's docs say, and can
 * be told to answer the next requests with an error, or never to answer.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

/** An answer the test asks for: an error with its status (and Retry-After), or none at all. */
export type FakeFailure =
  | { status: number; message?: string; code?: number; type?: string; retryAfter?: string }
  | "hang";

export type FakeAnswer = { status: number; json?: unknown; headers?: Record<string, string> };

/** What makes one provider's fake: how it checks auth and shape, and how it answers. */
export type FakeSpec = {
  /** Whether the request carries the key the fake was started with (SES checks a signature: async). */
  authorized(request: FakeRequest): boolean | Promise<boolean>;
  /** What is wrong with the request by the provider's docs; [] when nothing. */
  problems(request: FakeRequest): string[];
  accept(request: FakeRequest, count: number): FakeAnswer;
  /** The provider's error answer for a status and a reason, in its own form. */
  error(status: number, message: string, detail?: { code?: number; type?: string }): FakeAnswer;
  /** The status the provider gives a request it refuses as malformed (400 or 422). */
  invalidStatus: number;
};

export type FakeProvider = {
  url: string;
  requests: FakeRequest[];
  /** The next requests get these answers, one each, before the fake goes back to accepting. */
  failNext(...failures: FakeFailure[]): void;
  close(): Promise<void>;
};

/** `latencyMs`: every answer waits this long, as a provider's API does across the internet. */
export async function startFake(spec: FakeSpec, { latencyMs = 0 }: { latencyMs?: number } = {}): Promise<FakeProvider> {
  const requests: FakeRequest[] = [];
  const failures: FakeFailure[] = [];
  let accepted = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const request = {
        method: req.method ?? "",
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(request);
      const failure = failures.shift();
      if (failure === "hang") return;
      if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
      const answer = failure
        ? withRetryAfter(spec.error(failure.status, failure.message ?? "failing as asked", failure), failure)
        : await respond(spec, request, () => ++accepted);
      res.writeHead(answer.status, {
        ...(answer.json === undefined ? {} : { "content-type": "application/json" }),
        ...answer.headers,
      });
      res.end(answer.json === undefined ? "" : JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (...next) => failures.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(spec: FakeSpec, request: FakeRequest, count: () => number): Promise<FakeAnswer> {
  if (!(await spec.authorized(request))) return spec.error(401, "the key was not recognised");
  const problems = spec.problems(request);
  if (problems.length) return spec.error(spec.invalidStatus, problems.join("; "));
  return spec.accept(request, count());
}

function withRetryAfter(answer: FakeAnswer, failure: { retryAfter?: string }): FakeAnswer {
  if (!failure.retryAfter) return answer;
  return { ...answer, headers: { ...answer.headers, "retry-after": failure.retryAfter } };
}

/** The body as a JSON object, or {} when it is not one (so shape checks report what is missing). */
export function jsonBody(request: FakeRequest): Record<string, unknown> {
  try {
    const value = JSON.parse(request.body);
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {};
  }
}

/** The names of `fields` that are missing or empty in `object`. */
export const missing = (object: Record<string, unknown>, fields: string[]): string[] =>
  fields.filter((field) => object[field] === undefined || object[field] === "").map((field) => `${field} is required`);

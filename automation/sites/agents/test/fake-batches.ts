/**
 * Message Batches in the fake Messages API, written from Anthropic's documentation
 * (platform.claude.com/docs/en/build-with-claude/batch-processing and the API reference):
 * `POST /v1/messages/batches` `{ requests: [{ custom_id, params }] }` answers a `message_batch`
 * in progress; `GET /v1/messages/batches/:id` reads it, `ended` (with `results_url` and the
 * request counts) after `endAfterPolls` reads that say `in_progress`; the results URL answers JSONL,
 * one `{ custom_id, result }` a line, `result.type` succeeded (with the message), errored (with
 * the error), or expired (a turn that would hang). Each request takes the agent's next turn, as a
 * request to `/v1/messages` would.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnsweringTurn, FakeAgent, FakeTurn } from "./fake-messages-api";

export const BATCHES_PATH = "/v1/messages/batches";

/** The API's rule for `custom_id`. */
const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
/** A batch expires 24 hours after it is created. */
const EXPIRES_AFTER_MS = 24 * 60 * 60 * 1000;

/** A batch the fake was sent, as the tests read it. */
export type SeenBatch = {
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: each request as the SDK sent it, read by the tests
  requests: { custom_id: string; params: any; agent: FakeAgent | null }[];
};

/** An answer, the text kept apart so a stream can send it in pieces. */
export type FakeMessage = {
  id: string;
  type: "message";
  role: "assistant";
  text: string;
  model: string;
  stop_reason: "end_turn" | "refusal";
  usage: Record<string, number>;
};

type BatchResult = { type: "succeeded"; message: object } | { type: "errored"; error: object } | { type: "expired" };

type Stored = SeenBatch & { createdAt: Date; reads: number; results: { custom_id: string; result: BatchResult }[] };

type Deps = {
  // biome-ignore lint/suspicious/noExplicitAny: a request body as the SDK sent it
  agentOf: (body: any) => FakeAgent | null;
  turnFor: (agent: FakeAgent, authorization: string | undefined) => FakeTurn;
  // biome-ignore lint/suspicious/noExplicitAny: a request body as the SDK sent it
  messageOf: (turn: AnsweringTurn, body: any, id: string) => FakeMessage;
  sendError: (res: ServerResponse, error: { status: number; type: string; message: string }) => void;
  /** The key the fake accepts. */
  apiKey: string;
  baseUrl: () => string;
  endAfterPolls: number;
};

export function fakeBatches({ agentOf, turnFor, messageOf, sendError, apiKey, baseUrl, endAfterPolls }: Deps) {
  const seen: SeenBatch[] = [];
  const stored = new Map<string, Stored>();

  const view = (batch: Stored) => {
    const ended = batch.reads > endAfterPolls;
    const count = (type: BatchResult["type"]) =>
      ended ? batch.results.filter((r) => r.result.type === type).length : 0;
    return {
      id: batch.id,
      type: "message_batch",
      processing_status: ended ? "ended" : "in_progress",
      request_counts: {
        processing: ended ? 0 : batch.results.length,
        succeeded: count("succeeded"),
        errored: count("errored"),
        canceled: 0,
        expired: count("expired"),
      },
      ended_at: ended ? new Date().toISOString() : null,
      created_at: batch.createdAt.toISOString(),
      expires_at: new Date(batch.createdAt.getTime() + EXPIRES_AFTER_MS).toISOString(),
      archived_at: null,
      cancel_initiated_at: null,
      results_url: ended ? `${baseUrl()}${BATCHES_PATH}/${batch.id}/results` : null,
    };
  };

  // biome-ignore lint/suspicious/noExplicitAny: a request body as the SDK sent it
  const create = (res: ServerResponse, body: any) => {
    const requests: SeenBatch["requests"] = Array.isArray(body?.requests) ? body.requests : [];
    const ids = requests.map((r) => r.custom_id);
    const problem =
      requests.length === 0
        ? "requests: at least one request is required"
        : ids.find((id) => typeof id !== "string" || !CUSTOM_ID.test(id))
          ? "custom_id: must match ^[a-zA-Z0-9_-]{1,64}$"
          : new Set(ids).size !== ids.length
            ? "custom_id: must be unique within the batch"
            : requests.find((r) => !r.params?.model || !r.params?.max_tokens || r.params?.stream)
              ? "params: model and max_tokens are required and stream is not allowed"
              : null;
    if (problem) return sendError(res, { status: 400, type: "invalid_request_error", message: problem });
    const id = `msgbatch_fake_${seen.length + 1}`;
    const batch: Stored = { id, requests: [], createdAt: new Date(), reads: 0, results: [] };
    for (const [i, request] of requests.entries()) {
      const agent = agentOf(request.params);
      batch.requests.push({ custom_id: request.custom_id, params: request.params, agent });
      batch.results.push({ custom_id: request.custom_id, result: resultOf(agent, request.params, `${id}_${i}`) });
    }
    seen.push({ id, requests: batch.requests });
    stored.set(id, batch);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(view(batch)));
  };

  // biome-ignore lint/suspicious/noExplicitAny: a request's params as the SDK sent them
  const resultOf = (agent: FakeAgent | null, params: any, messageId: string): BatchResult => {
    if (!agent) {
      const error = { type: "invalid_request_error", message: "no agent named in the system prompt" };
      return { type: "errored", error: { type: "error", error, request_id: null } };
    }
    // The batch was created with a good key, so each request answers as the agent would.
    const turn = turnFor(agent, `Bearer ${apiKey}`);
    if (turn.kind === "hang") return { type: "expired" };
    if (turn.kind === "error") {
      const error = { type: turn.type, message: turn.message };
      return { type: "errored", error: { type: "error", error, request_id: null } };
    }
    const { text, ...message } = messageOf(turn, params, messageId);
    return {
      type: "succeeded",
      message: { ...message, content: [{ type: "text", text }], stop_sequence: null },
    };
  };

  // biome-ignore lint/suspicious/noExplicitAny: a request body as the SDK sent it
  const handle = (req: IncomingMessage, res: ServerResponse, body: any) => {
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return sendError(res, { status: 401, type: "authentication_error", message: "invalid x-api-key" });
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (req.method === "POST" && path === BATCHES_PATH) return create(res, body);
    const [, id, results] = path.slice(BATCHES_PATH.length).split("/");
    const batch = id ? stored.get(id) : undefined;
    if (req.method !== "GET" || !batch)
      return sendError(res, { status: 404, type: "not_found_error", message: "no such message batch" });
    if (!results) {
      batch.reads++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(view(batch)));
      return;
    }
    if (batch.reads <= endAfterPolls)
      return sendError(res, { status: 404, type: "not_found_error", message: "results are not ready yet" });
    res.writeHead(200, { "content-type": "application/binary" });
    res.end(batch.results.map((line) => `${JSON.stringify(line)}\n`).join(""));
  };

  return { seen, handle };
}

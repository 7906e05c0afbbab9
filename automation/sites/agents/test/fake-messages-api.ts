/**
 * A stand-in for Anthropic's Messages API on 127.0.0.1, written from its documentation
 * (platform.claude.com/docs/en/build-with-claude/streaming): `POST /v1/messages` with
 * `stream: true` answers server-sent events — message_start, content_block_start, ping,
 * content_block_delta (text_delta), content_block_stop, message_delta (stop_reason and usage),
 * message_stop — and errors as `{ type: "error", error: { type, message } }`; Message Batches
 * (`./fake-batches.ts`) answer the same turns as the batch's results; a key other than
 * `FAKE_API_KEY` gets the 401 authentication_error. It tells the agents (the four site agents
 * and the Message Writer) apart by the role their system prompt names, and simulates the prompt cache: a system prompt
 * marked with cache_control is written on its first request and read on the next ones.
 * Tests that cannot hold the object (inside workerd) steer it over HTTP: `POST /__fake/queue/<agent>`
 * with `{ "turns": [...] }` queues turns, `GET /__fake/calls` lists each call's agent and messages.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SITE_AGENT_LABELS, SITE_AGENTS, type SiteAgent } from "../../../../schema/site-agents";
import { BATCHES_PATH, type FakeMessage, fakeBatches, type SeenBatch } from "./fake-batches";
import { WRITER_ANSWER } from "./fixtures";

/** Who the fake answers as: a site agent, or the writer of outreach messages. */
export type FakeAgent = SiteAgent | "messageWriter";
const FAKE_AGENTS: readonly FakeAgent[] = [...SITE_AGENTS, "messageWriter"];
const FAKE_AGENT_LABELS: Record<FakeAgent, string> = { ...SITE_AGENT_LABELS, messageWriter: "Message Writer" };

export type FakeTurn =
  | { kind: "answer"; json: unknown }
  | { kind: "text"; text: string }
  | { kind: "refusal" }
  | { kind: "hang" }
  | { kind: "error"; status: number; type: string; message: string };

export type SeenCall = {
  agent: FakeAgent | null;
  // biome-ignore lint/suspicious/noExplicitAny: the request body as the SDK sent it, read by the tests
  body: any;
  headers: IncomingMessage["headers"];
};

export type FakeMessagesApi = {
  url: string;
  /** Requests to `/v1/messages`, in order (batches are in `batches`). */
  calls: SeenCall[];
  /** Message Batches created, in order. */
  batches: SeenBatch[];
  /** What the agent answers next, before its default answer; each turn is used once. */
  queue(agent: FakeAgent, ...turns: FakeTurn[]): void;
  close(): Promise<void>;
};

/** Characters a fake token stands for, and a chunk of streamed text. */
const CHARS_PER_TOKEN = 4;
const DELTA_CHARS = 400;
/** Asks the SDK to retry a 529 after 20 ms (it honours `retry-after-ms`) so tests stay fast. */
const RETRY_AFTER_MS = "20";

/** Where tests inside workerd steer the fake over HTTP. */
const CONTROL = "/__fake/";

/** The one key the fake accepts, sent as `Authorization: Bearer …` by SDK 1.x. */
export const FAKE_API_KEY = "sk-ant-test";

const tokens = (text: string) => Math.ceil(text.length / CHARS_PER_TOKEN);

/** A turn that makes an answer (an error or a hang makes none). */
export type AnsweringTurn = Extract<FakeTurn, { kind: "answer" | "text" | "refusal" }>;

/** The API's error body, `{ type: "error", error: { type, message } }`. */
export function sendError(res: ServerResponse, error: { status: number; type: string; message: string }): void {
  res.writeHead(error.status, { "content-type": "application/json", "retry-after-ms": RETRY_AFTER_MS });
  res.end(JSON.stringify({ type: "error", error: { type: error.type, message: error.message } }));
}

/**
 * Starts the fake; `answers` are each agent's default (valid) answers, the writer's
 * `WRITER_ANSWER` unless given. Close it in `afterEach`.
 */
export async function startFakeMessagesApi(
  siteAnswers: Record<SiteAgent, unknown> & { messageWriter?: unknown },
  {
    latencyMs = 0,
    endAfterPolls = 0,
  }: {
    /** How long each answer waits before it starts, as a model's time to answer (benchmarks). */
    latencyMs?: number;
    /** How many reads of a Message Batch say it is still in progress before it has ended. */
    endAfterPolls?: number;
  } = {},
): Promise<FakeMessagesApi> {
  const answers: Record<FakeAgent, unknown> = { messageWriter: WRITER_ANSWER, ...siteAnswers };
  const calls: SeenCall[] = [];
  const queues = new Map<string, FakeTurn[]>();
  const cached = new Set<string>();
  // biome-ignore lint/suspicious/noExplicitAny: a request body as the SDK sent it
  const agentOf = (body: any): FakeAgent | null => {
    const system: { text: string }[] = Array.isArray(body?.system) ? body.system : [];
    const systemText = system.map((block) => block.text).join("\n");
    return FAKE_AGENTS.find((a) => systemText.includes(`You are the ${FAKE_AGENT_LABELS[a]}`)) ?? null;
  };
  // Turns are queued per key, so tests sharing one fake (inside workerd) each use their own key.
  const queueFor = (key: string, agent: FakeAgent) => {
    const id = `${key} ${agent}`;
    if (!queues.has(id)) queues.set(id, []);
    return queues.get(id) as FakeTurn[];
  };
  const turnFor = (agent: FakeAgent, authorization: string | undefined): FakeTurn =>
    authorization?.startsWith(`Bearer ${FAKE_API_KEY}`)
      ? (queueFor(authorization.slice("Bearer ".length), agent).shift() ?? { kind: "answer", json: answers[agent] })
      : { kind: "error", status: 401, type: "authentication_error", message: "invalid x-api-key" };
  /** The answer a turn makes, with usage as the API counts it (the prompt cache simulated). */
  // biome-ignore lint/suspicious/noExplicitAny: a request body as the SDK sent it
  const messageOf = (turn: AnsweringTurn, body: any, id: string): FakeMessage => {
    const system: { text: string; cache_control?: unknown }[] = Array.isArray(body.system) ? body.system : [];
    const systemText = system.map((block) => block.text).join("\n");
    const text = turn.kind === "answer" ? JSON.stringify(turn.json) : turn.kind === "text" ? turn.text : "";
    const cacheable = system.some((block) => block.cache_control);
    const cacheHit = cacheable && cached.has(systemText);
    if (cacheable) cached.add(systemText);
    const usage = {
      input_tokens: tokens(JSON.stringify(body.messages)),
      output_tokens: Math.max(1, tokens(text)),
      cache_creation_input_tokens: cacheable && !cacheHit ? tokens(systemText) : 0,
      cache_read_input_tokens: cacheHit ? tokens(systemText) : 0,
    };
    const stop_reason = turn.kind === "refusal" ? "refusal" : "end_turn";
    return { id, type: "message", role: "assistant", text, model: body.model, stop_reason, usage };
  };
  let url = "";
  const batches = fakeBatches({
    agentOf,
    turnFor,
    messageOf,
    sendError,
    apiKey: FAKE_API_KEY,
    baseUrl: () => url,
    endAfterPolls,
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => setTimeout(() => answer(), latencyMs));
    const answer = () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
      if (req.url?.startsWith(BATCHES_PATH)) return batches.handle(req, res, body);
      if (req.url?.startsWith(CONTROL)) return control(req.method ?? "", req.url.slice(CONTROL.length), body, res);
      const agent = agentOf(body);
      calls.push({ agent, body, headers: req.headers });
      if (req.method !== "POST" || req.url !== "/v1/messages" || !agent) {
        sendError(res, { status: 404, type: "not_found_error", message: "unknown request" });
        return;
      }
      const turn = turnFor(agent, req.headers.authorization);
      if (turn.kind === "hang") return;
      if (turn.kind === "error") {
        sendError(res, turn);
        return;
      }
      const { text, stop_reason, usage, ...message } = messageOf(turn, body, `msg_fake_${calls.length}`);
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const send = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send("message_start", {
        type: "message_start",
        message: {
          ...message,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { ...usage, output_tokens: 1 },
        },
      });
      send("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
      send("ping", { type: "ping" });
      for (let at = 0; at < text.length; at += DELTA_CHARS) {
        const delta = { type: "text_delta", text: text.slice(at, at + DELTA_CHARS) };
        send("content_block_delta", { type: "content_block_delta", index: 0, delta });
      }
      send("content_block_stop", { type: "content_block_stop", index: 0 });
      send("message_delta", {
        type: "message_delta",
        delta: { stop_reason, stop_sequence: null },
        usage: { output_tokens: usage.output_tokens },
      });
      send("message_stop", { type: "message_stop" });
      res.end();
    };
  });
  // biome-ignore lint/suspicious/noExplicitAny: a control request's JSON body
  const control = (method: string, path: string, body: any, res: ServerResponse) => {
    const [what, agent] = path.split("?")[0]!.split("/");
    if (method === "POST" && what === "queue" && FAKE_AGENTS.includes(agent as FakeAgent)) {
      queueFor(body.key ?? FAKE_API_KEY, agent as FakeAgent).push(...(body.turns as FakeTurn[]));
      res.writeHead(204).end();
    } else if (method === "GET" && what === "calls") {
      res.writeHead(200, { "content-type": "application/json" });
      const key = new URL(path, "http://fake/").searchParams.get("key") ?? FAKE_API_KEY;
      const own = calls.filter((call) => call.headers.authorization === `Bearer ${key}`);
      res.end(JSON.stringify(own.map((call) => ({ agent: call.agent, messages: call.body.messages }))));
    } else res.writeHead(404).end();
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    calls,
    batches: batches.seen,
    queue: (agent, ...turns) => queueFor(FAKE_API_KEY, agent).push(...turns),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

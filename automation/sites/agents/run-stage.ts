/**
 * One agent's turn: a streamed request for structured output (the stage's JSON schema in
 * `output_config.format`, made by the SDK's zod helper), the system prompt marked for the prompt
 * cache, and the answer validated with zod. An answer that is not JSON, fails the schema, is cut
 * off or is a refusal is asked for again with the problem fed back, at most `MAX_FEEDBACK_RETRIES`
 * times. Overload and rate limits are the SDK's to retry; the whole stage runs under a timeout.
 */
import type Anthropic from "@anthropic-ai/sdk";
import { zodOutputFormat } from "@anthropic-ai/sdk/helpers/zod";
import { z } from "zod";
import type { StageUsage } from "../../../schema/site-agents";
import { describeApiError } from "./api-errors";
import type { BuiltPrompt } from "./prompts/build-prompt";

/** A failed answer is asked for again at most twice (the limit), so three requests in all. */
export const MAX_FEEDBACK_RETRIES = 2;

/** For live progress before the API's exact count arrives: about 4 characters a token in English prose and code. */
const CHARS_PER_TOKEN = 4;

export type StageProgress = { outputTokens: number; attempt: number };

export type StageRequest<T> = {
  client: Anthropic;
  /** Who answers, as errors name it ("The Analyst gave no usable answer…"). */
  label: string;
  prompt: BuiltPrompt;
  /** Validates the answer; its JSON schema is what the API is asked to follow. */
  schema: z.ZodType<T>;
  model: string;
  maxTokens: number;
  timeoutMs: number;
  onProgress?: (progress: StageProgress) => void;
  /** A first attempt made elsewhere (a Message Batch): it counts as attempt 1, its problem fed back. */
  earlier?: EarlierAttempt;
};

/** An answer that could not be used, or none (`answer: null`, an errored or expired batch request). */
export type EarlierAttempt = { answer: string | null; problem: string };

/**
 * The request body of one attempt, as the stage sends it (and as a Message Batch carries it):
 * the system prompt marked for the prompt cache, the stage's JSON schema as structured output.
 * No temperature, top_p or top_k: API version 2026-10-21 refuses them.
 */
export function stageParams(
  prompt: BuiltPrompt,
  schema: z.ZodType,
  model: string,
  maxTokens: number,
  messages: Anthropic.MessageParam[] = [{ role: "user", content: prompt.user }],
): Anthropic.MessageCreateParamsNonStreaming {
  // Only the schema goes to the API: with the helper's `parse` attached the SDK would parse
  // while streaming and throw, where a failed answer here is fed back to the model.
  const { type, schema: jsonSchema } = zodOutputFormat(schema);
  return {
    model,
    max_tokens: maxTokens,
    system: [{ type: "text", text: prompt.system, cache_control: { type: "ephemeral" } }],
    messages,
    output_config: { format: { type, schema: jsonSchema } },
  };
}

export type StageOutcome<T> = { usage: StageUsage; attempts: number } & (
  | { ok: true; output: T }
  | { ok: false; error: string }
);

export type Verdict<T> = { ok: true; output: T } | { ok: false; problem: string; text: string };

/** Runs the stage to a validated answer or to the error that stopped it; never throws. */
export async function runStage<T>(request: StageRequest<T>): Promise<StageOutcome<T>> {
  const { client, label, prompt, schema, model, maxTokens, timeoutMs, onProgress, earlier } = request;
  const usage: StageUsage = { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };
  const messages: Anthropic.MessageParam[] = [{ role: "user", content: prompt.user }];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let attempts = earlier ? 1 : 0;
  let problem = earlier?.problem ?? "";
  if (earlier?.answer != null) feedBack(messages, earlier.answer, earlier.problem);
  try {
    while (attempts <= MAX_FEEDBACK_RETRIES) {
      attempts++;
      const attempt = attempts;
      const stream = client.messages.stream(stageParams(prompt, schema, model, maxTokens, messages), {
        signal: controller.signal,
      });
      stream.on("text", (_delta, snapshot) =>
        onProgress?.({ outputTokens: Math.ceil(snapshot.length / CHARS_PER_TOKEN), attempt }),
      );
      stream.on("streamEvent", (event) => {
        if (event.type === "message_delta") onProgress?.({ outputTokens: event.usage.output_tokens, attempt });
      });
      const message = await stream.finalMessage();
      addUsage(usage, message.usage);
      const verdict = judge(message, schema, maxTokens);
      if (verdict.ok) return { ok: true, output: verdict.output, usage, attempts };
      problem = verdict.problem;
      feedBack(messages, verdict.text, problem);
    }
    return {
      ok: false,
      error: `The ${label} gave no usable answer in ${attempts} attempts: ${problem}`,
      usage,
      attempts,
    };
  } catch (error) {
    const reason = controller.signal.aborted
      ? `did not finish within ${timeoutMs / 1000} s`
      : `failed: ${describeApiError(error)}`;
    return { ok: false, error: `The ${label} stage ${reason}`, usage, attempts };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether an answer is usable: a refusal, a cut-off, JSON that does not parse or fails the schema are not. */
export function judge<T>(message: Anthropic.Message, schema: z.ZodType<T>, maxTokens: number): Verdict<T> {
  const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
  if (message.stop_reason === "refusal") {
    return { ok: false, problem: "the model declined to answer (stop reason: refusal)", text: "" };
  }
  if (message.stop_reason === "max_tokens") {
    return { ok: false, problem: `the answer was cut off at the ${maxTokens}-token limit; be more concise`, text: "" };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `the answer is not valid JSON (${(error as Error).message})`, text };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, output: result.data };
  return { ok: false, problem: `the answer does not match the schema:\n${z.prettifyError(result.error)}`, text };
}

/** The unusable answer (when there was text) and what was wrong with it, for the next attempt. */
function feedBack(messages: Anthropic.MessageParam[], answer: string, problem: string): void {
  if (answer.trim()) messages.push({ role: "assistant", content: answer });
  messages.push({
    role: "user",
    content: `Your previous answer could not be used: ${problem}\nAnswer again with the complete JSON object, corrected.`,
  });
}

function addUsage(total: StageUsage, usage: Anthropic.Usage): void {
  total.inputTokens += usage.input_tokens;
  total.outputTokens += usage.output_tokens;
  total.cacheCreationInputTokens += usage.cache_creation_input_tokens ?? 0;
  total.cacheReadInputTokens += usage.cache_read_input_tokens ?? 0;
}

/**
 * The message writer: a draft for one recipient, written by Claude with the workspace's key (the
 * sites' default model, structured output, the system prompt cached, a bad answer asked for again
 * with the problem fed back), else by the pitch template from the same facts. A model that still
 * fails after its retries does not fail the request: the template writes the draft and the answer
 * says why (`writerError`). The draft is a Messages row written through `createMessage`.
 */
import { eq } from "drizzle-orm";
import {
  type TemplateDraft,
  templateDraft,
  WRITER_LABEL,
  type WriterFacts,
  writerPrompt,
} from "../../automation/messaging/writer";
import { describeApiError } from "../../automation/sites/agents/api-errors";
import { runStage } from "../../automation/sites/agents/run-stage";
import { DEFAULT_SITE_MODELS } from "../../automation/sites/agents/settings";
import { dataTable } from "../../schema/db";
import type { DraftAnswer, DraftMessage, WriterOutput } from "../../schema/messaging-writer";
import { writerOutputFor } from "../../schema/messaging-writer";
import { readWorkspaceSecret } from "../api/settings";
import type { Db } from "../db";
import { clientFor } from "../sites/anthropic";
import { MessageInputError, MessageMissingError } from "./errors";
import { createMessage, recipientAddress } from "./messages";
import { writerFacts } from "./writer-facts";

/** The model the site agents use by default: one model for the workspace's writing. */
const WRITER_MODEL = DEFAULT_SITE_MODELS.analyst;
/** A 120-word email, three subject lines and the JSON around them come to about 350 tokens. */
const WRITER_MAX_TOKENS = 1_000;
/** At the ~60 tokens a second a Sonnet streams, 1,000 tokens take under 20 s; retries included. */
const WRITER_TIMEOUT_MS = 60_000;

type Written = Pick<DraftAnswer, "subject" | "body" | "subjects" | "writer" | "writerError">;

/** Why a template cannot be filled, naming the placeholders to fix. */
function templateProblem(draft: Extract<TemplateDraft, { ok: false }>): string {
  const parts = [
    draft.unknown.length && `unknown placeholders ${draft.unknown.map((n) => `{{${n}}}`).join(", ")}`,
    draft.missing.length &&
      `nothing to fill ${draft.missing.map((n) => `{{${n}}}`).join(", ")} for this recipient (check the row and the sender in Settings)`,
  ].filter(Boolean);
  return `The template cannot be used: ${parts.join("; ")}`;
}

function fromTemplate(facts: WriterFacts, own: DraftMessage["template"], writerError?: string): Written {
  const draft = templateDraft(facts, own);
  if (!draft.ok) throw new MessageInputError(templateProblem(draft));
  return { subject: draft.subject, body: draft.body, subjects: draft.subjects, writer: "template", writerError };
}

async function fromModel(env: Env, apiKey: string, facts: WriterFacts): Promise<Written> {
  const outcome = await runStage<WriterOutput>({
    client: clientFor(env, apiKey),
    label: WRITER_LABEL,
    prompt: writerPrompt(facts),
    schema: writerOutputFor(facts.channel),
    model: WRITER_MODEL,
    maxTokens: WRITER_MAX_TOKENS,
    timeoutMs: WRITER_TIMEOUT_MS,
  });
  if (!outcome.ok) return fromTemplate(facts, undefined, outcome.error);
  const { subject, body, subjects } = outcome.output;
  if (facts.channel === "sms") return { subject: "", body, subjects: [], writer: "ai" };
  return { subject, body, subjects: subjects.filter((s) => s !== subject), writer: "ai" };
}

/** Writes a draft to the recipient and answers what was written and by whom. */
export async function writeDraft(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
  input: DraftMessage,
): Promise<DraftAnswer> {
  const table = await db.query.dataTable.findFirst({ where: eq(dataTable.id, input.recipientTable) });
  if (!table || table.workspaceId !== workspaceId)
    throw new MessageMissingError("recipientTable: no such table in this workspace");
  // A recipient who cannot be written to is refused before the model is asked anything.
  await recipientAddress(env, table.id, input.recipientRowId, input.channel);
  const facts = await writerFacts(env, db, workspaceId, table, input.recipientRowId, input.channel);
  const apiKey = input.template ? null : await readWorkspaceSecret(env, db, workspaceId, "anthropicApiKey");
  let written: Written;
  try {
    written = apiKey ? await fromModel(env, apiKey, facts) : fromTemplate(facts, input.template);
  } catch (error) {
    if (error instanceof MessageInputError) throw error;
    written = fromTemplate(facts, undefined, describeApiError(error));
  }
  const made = await createMessage(env, db, workspaceId, createdBy, {
    recipientTable: table.id,
    recipientRowId: input.recipientRowId,
    channel: input.channel,
    subject: written.subject,
    body: written.body,
  });
  return { id: made.id, status: "draft", ...written };
}

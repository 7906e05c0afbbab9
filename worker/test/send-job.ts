/**
 * A message set to queued as a press of Send would leave it, and its send job, run by hand so a
 * test decides each try: with the workspace's real providers (optionally over another `env`, e.g.
 * a provider's `*_URL` pointing at its fake) or a scripted one.
 */
import { env } from "cloudflare:test";
import { retryDelaySeconds } from "../../automation/actions";
import type { TableSummary } from "../../schema/tables";
import { reader, tableHandle } from "../kinds/tables";
import { MAX_SEND_ATTEMPTS } from "../messaging/jobs";
import type { Providers } from "../messaging/providers";
import { runSendJob, type SendMessageJob } from "../messaging/send";
import { call, json } from "./http";
import type { workspaceWithLeads } from "./messaging";

type Workspace = Awaited<ReturnType<typeof workspaceWithLeads>>;

export type RunOptions = { providers?: () => Providers; env?: Partial<Env> };

/** A draft to `recipientRowId` (Rose by default), queued; `run(attempt)` runs its job's try. */
export async function queuedMessage(t: Workspace, extra: Record<string, unknown> = {}, recipientRowId = t.rose) {
  const { id } = await t.draft(recipientRowId, extra);
  const tables = await json<TableSummary[]>(await t.api("GET", "/tables"));
  const messagesId = tables.find((x) => x.name === "Messages")!.id;
  const patched = await call(t.owner, "PATCH", `/api/tables/${messagesId}/rows/${id}`, { cells: { Status: "queued" } });
  if (patched.status !== 200) throw new Error(`queue: ${patched.status} ${await patched.text()}`);
  const job: SendMessageJob = {
    kind: "send-message",
    workspaceId: t.ws.id,
    messagesTableId: messagesId,
    suppressionsTableId: tables.find((x) => x.name === "Suppressions")!.id,
    messageId: id,
  };
  const run = (attempt: number, options: RunOptions = {}) =>
    runSendJob({ ...env, ...options.env }, job, {
      attempt,
      maxAttempts: MAX_SEND_ATTEMPTS,
      retryDelaySeconds,
      providers: options.providers,
    });
  /** A cell of the message's row by its stable key (the HTML sent, which the API does not answer). */
  const cell = async (key: string) => {
    const messages = await tableHandle(env, messagesId);
    const [row] = await messages.room.readRows([id]);
    return row ? reader(messages, row.cells).text(key) : "";
  };
  return { id, job, run, cell };
}

/**
 * The actions a button or a trigger rule can run on a row, as a typed registry: each has a name,
 * a zod schema for its parameters and a `run` that gets the row and the means to act. Later
 * features register theirs here (contact, discover, generate, send).
 */
import { z } from "zod";
import type { CellValue } from "../../schema/tables";
import type { UrlGuard } from "../contact/guard";

/** A webhook that has not answered in this long has failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface ActionContext {
  ruleId: string;
  rowId: string;
  /** The row as it is now, cells by column name. */
  row: Record<string, CellValue>;
  /** Writes cells (by column name) into the row, as this automation. */
  setCells(cells: Record<string, CellValue>): { ok: true } | { ok: false; message: string };
  /** Where outgoing requests may go (public addresses only in production). */
  guard: UrlGuard;
  fetch: typeof fetch;
}

export interface ActionOutcome {
  outcome: "succeeded" | "failed";
  detail: string;
}

export interface ActionDef<P> {
  name: string;
  label: string;
  params: z.ZodType<P>;
  run(context: ActionContext, params: P): Promise<ActionOutcome>;
}

const CellValueParam: z.ZodType<CellValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(CellValueParam)]),
);

const setFields: ActionDef<{ fields: Record<string, CellValue> }> = {
  name: "set-fields",
  label: "Set fields",
  params: z.object({
    fields: z.record(z.string(), CellValueParam).refine((f) => Object.keys(f).length > 0, "at least one field"),
  }),
  async run(context, { fields }) {
    const written = context.setCells(fields);
    return written.ok
      ? { outcome: "succeeded", detail: `Set ${Object.keys(fields).join(", ")}` }
      : { outcome: "failed", detail: written.message };
  },
};

const webhook: ActionDef<{ url: string }> = {
  name: "webhook",
  label: "Call a webhook",
  params: z.object({ url: z.url({ protocol: /^https?$/ }) }),
  async run(context, { url }) {
    try {
      await context.guard.check(url);
      const response = await context.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rule: context.ruleId, row: { id: context.rowId, cells: context.row } }),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      return response.ok
        ? { outcome: "succeeded", detail: `${url} answered ${response.status}` }
        : { outcome: "failed", detail: `${url} answered ${response.status}` };
    } catch (error) {
      return { outcome: "failed", detail: `${url}: ${(error as Error).message}` };
    }
  },
};

// biome-ignore lint/suspicious/noExplicitAny: each entry's params type is its own; callers go through runAction
export const ACTIONS: Record<string, ActionDef<any>> = { [setFields.name]: setFields, [webhook.name]: webhook };

/** Runs a named action with raw parameters; unknown names and bad parameters fail with a reason. */
export async function runAction(name: string, params: unknown, context: ActionContext): Promise<ActionOutcome> {
  const action = ACTIONS[name];
  if (!action) return { outcome: "failed", detail: `No action named "${name}"` };
  const parsed = action.params.safeParse(params);
  if (!parsed.success)
    return { outcome: "failed", detail: `${name}: ${parsed.error.issues[0]?.message ?? "bad parameters"}` };
  return action.run(context, parsed.data);
}

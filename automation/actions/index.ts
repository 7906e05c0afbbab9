/**
 * The actions a button or a trigger rule can run on a row, as a typed registry: each has a name,
 * a zod schema for its parameters, whether it leaves the room (and so runs as a queue job with
 * retries) and a `run` that gets the row and the means to act. Later features register theirs
 * here (contact, discover, generate, send).
 */
import { z } from "zod";
import { JourneyParams, LeadParams, SetFieldsParams, WebhookParams } from "../../schema/actions";
import { HUNTING_OPS, type HuntingOp } from "../../schema/hunting-tables";
import { MESSAGE_OPS, type MessageOp } from "../../schema/messaging-tables";
import { OUTREACH_OPS, type OutreachOp } from "../../schema/outreach-tables";
import { SUBSCRIPTION_OPS, type SubscriptionOp } from "../../schema/payments-tables";
import { SITE_OPS, type SiteOp } from "../../schema/sites-tables";
import type { CellValue } from "../../schema/tables";
import type { UrlGuard } from "../contact/guard";

export { MAX_ACTION_ATTEMPTS, retryDelaySeconds } from "./retry";

/** A webhook that has not answered in this long has failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type SetCellsResult = { ok: true } | { ok: false; message: string };

export interface ActionContext {
  /** What started it: the rule, or the button column (the other is null). */
  ruleId: string | null;
  columnId: string | null;
  rowId: string;
  /** The row as it is now, cells by column name, formula columns computed. */
  row: Record<string, CellValue>;
  /** Writes cells (by column name) into the row, as this automation. */
  setCells(cells: Record<string, CellValue>): Promise<SetCellsResult>;
  /** Where outgoing requests may go (public addresses only in production). */
  guard: UrlGuard;
  fetch: typeof fetch;
  /** Runs an outreach project operation on this row, where the platform offers it (the Worker). */
  outreach?(op: OutreachOp): Promise<ActionOutcome>;
  /** Runs a business hunting operation on this row (the Worker). */
  hunting?(op: HuntingOp): Promise<ActionOutcome>;
  /** Runs a site operation (generate, publish, unpublish) on this row (the Worker). */
  sites?(op: SiteOp): Promise<ActionOutcome>;
  /** Runs a message operation (send, cancel) on this row (the Worker). */
  messaging?(op: MessageOp): Promise<ActionOutcome>;
  /** Runs a subscription operation (pause, resume, cancel) on this row (the Worker). */
  payments?(op: SubscriptionOp): Promise<ActionOutcome>;
  /** Enrolls this row in a journey, or makes a Leads row from it (the Worker). */
  journeys?: {
    enroll(journeyId: string): Promise<ActionOutcome>;
    lead(): Promise<ActionOutcome>;
  };
}

export interface ActionOutcome {
  outcome: "succeeded" | "failed";
  detail: string;
  /** A failure that may pass if tried again later (a 5xx, a timeout); a 4xx or bad input will not. */
  retryable?: boolean;
}

export interface ActionDef<P> {
  name: string;
  label: string;
  params: z.ZodType<P>;
  /** Whether it talks to the outside world: then it runs as a queue job, retried with backoff. */
  leavesRoom: boolean;
  /**
   * What a press from the grid says about these parameters, when an editor's press is not enough:
   * owners only, and why (the press is then recorded in the workspace's activity log).
   */
  ownersOnly?(params: P): string | null;
  run(context: ActionContext, params: P): Promise<ActionOutcome>;
}

const setFields: ActionDef<SetFieldsParams> = {
  name: "set-fields",
  label: "Set fields",
  params: SetFieldsParams,
  leavesRoom: false,
  async run(context, { fields }) {
    const written = await context.setCells(fields);
    return written.ok
      ? { outcome: "succeeded", detail: `Set ${Object.keys(fields).join(", ")}` }
      : { outcome: "failed", detail: written.message };
  },
};

/** Statuses worth another try: the server may recover, or asked us to come back later. */
const RETRYABLE_STATUS = (status: number) => status >= 500 || status === 408 || status === 429;

const webhook: ActionDef<WebhookParams> = {
  name: "webhook",
  label: "Call a webhook",
  params: WebhookParams,
  leavesRoom: true,
  async run(context, { url }) {
    try {
      await context.guard.check(url);
    } catch (error) {
      return { outcome: "failed", detail: `${url}: ${(error as Error).message}`, retryable: false };
    }
    try {
      const response = await context.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          rule: context.ruleId,
          button: context.columnId,
          row: { id: context.rowId, cells: context.row },
        }),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.ok
        ? { outcome: "succeeded", detail: `${url} answered ${response.status}` }
        : {
            outcome: "failed",
            detail: `${url} answered ${response.status}`,
            retryable: RETRYABLE_STATUS(response.status),
          };
    } catch (error) {
      return { outcome: "failed", detail: `${url}: ${(error as Error).message}`, retryable: true };
    }
  },
};

const OutreachParams = z.object({ op: z.enum(OUTREACH_OPS) });

/** The outreach tables' buttons (Discover, Start, Contact now…): the Worker runs the project operation. */
const outreach: ActionDef<z.infer<typeof OutreachParams>> = {
  name: "outreach",
  label: "Outreach project operation",
  params: OutreachParams,
  leavesRoom: true,
  async run(context, { op }) {
    if (!context.outreach)
      return { outcome: "failed", detail: "Outreach operations run only in the Worker", retryable: false };
    return context.outreach(op);
  },
};

const HuntingParams = z.object({ op: z.enum(HUNTING_OPS) });

/** The hunting tables' buttons (Scrape, Find email, Rescore): the Worker runs the operation. */
const hunting: ActionDef<z.infer<typeof HuntingParams>> = {
  name: "hunting",
  label: "Business hunting operation",
  params: HuntingParams,
  leavesRoom: true,
  ownersOnly: ({ op }) => (op === "scrape-force" ? "Only owners can scrape a territory during its cooldown" : null),
  async run(context, { op }) {
    if (!context.hunting)
      return { outcome: "failed", detail: "Hunting operations run only in the Worker", retryable: false };
    return context.hunting(op);
  },
};

const SitesParams = z.object({ op: z.enum(SITE_OPS) });

/** Generate site (on Businesses), Publish and Unpublish (on Sites): the Worker runs the operation. */
const sites: ActionDef<z.infer<typeof SitesParams>> = {
  name: "sites",
  label: "Site operation",
  params: SitesParams,
  leavesRoom: true,
  async run(context, { op }) {
    if (!context.sites)
      return { outcome: "failed", detail: "Site operations run only in the Worker", retryable: false };
    return context.sites(op);
  },
};

const MessagingParams = z.object({ op: z.enum(MESSAGE_OPS) });

/** Send now and Cancel on a Messages row: the Worker queues the send or takes the schedule back. */
const messaging: ActionDef<z.infer<typeof MessagingParams>> = {
  name: "messaging",
  label: "Message operation",
  params: MessagingParams,
  leavesRoom: true,
  async run(context, { op }) {
    if (!context.messaging)
      return { outcome: "failed", detail: "Message operations run only in the Worker", retryable: false };
    return context.messaging(op);
  },
};

const PaymentsParams = z.object({ op: z.enum(SUBSCRIPTION_OPS) });

/** Pause, Resume and Cancel on a Subscriptions row: the Worker asks Recurrente or records the request. */
const payments: ActionDef<z.infer<typeof PaymentsParams>> = {
  name: "payments",
  label: "Subscription operation",
  params: PaymentsParams,
  leavesRoom: true,
  async run(context, { op }) {
    if (!context.payments)
      return { outcome: "failed", detail: "Subscription operations run only in the Worker", retryable: false };
    return context.payments(op);
  },
};

/** A journey's entry rule: the Worker enrolls the row in the journey's latest published version. */
const journey: ActionDef<JourneyParams> = {
  name: "journey",
  label: "Enroll in a journey",
  params: JourneyParams,
  leavesRoom: true,
  async run(context, { journeyId }) {
    if (!context.journeys) return { outcome: "failed", detail: "Journeys run only in the Worker", retryable: false };
    return context.journeys.enroll(journeyId);
  },
};

/** Make a lead: the Worker adds the row to Leads (once per row). */
const lead: ActionDef<LeadParams> = {
  name: "lead",
  label: "Make a lead",
  params: LeadParams,
  leavesRoom: true,
  async run(context) {
    if (!context.journeys) return { outcome: "failed", detail: "Leads are made only in the Worker", retryable: false };
    return context.journeys.lead();
  },
};

// biome-ignore lint/suspicious/noExplicitAny: each entry's params type is its own; callers go through runAction
export const ACTIONS: Record<string, ActionDef<any>> = {
  [setFields.name]: setFields,
  [webhook.name]: webhook,
  [outreach.name]: outreach,
  [hunting.name]: hunting,
  [sites.name]: sites,
  [messaging.name]: messaging,
  [payments.name]: payments,
  [journey.name]: journey,
  [lead.name]: lead,
};

/** Whether a named action exists and takes these parameters, and if so whether it leaves the room. */
export function checkAction(
  name: string,
  params: unknown,
): { ok: true; leavesRoom: boolean } | { ok: false; detail: string } {
  const action = ACTIONS[name];
  if (!action) return { ok: false, detail: `No action named "${name}"` };
  const parsed = action.params.safeParse(params);
  if (!parsed.success) return { ok: false, detail: `${name}: ${parsed.error.issues[0]?.message ?? "bad parameters"}` };
  return { ok: true, leavesRoom: action.leavesRoom };
}

/** Why only an owner may run this action with these parameters, or null when an editor may. */
export function ownersOnlyReason(name: string, params: unknown): string | null {
  const action = ACTIONS[name];
  const parsed = action?.params.safeParse(params);
  return action?.ownersOnly && parsed?.success ? action.ownersOnly(parsed.data) : null;
}

/** Runs a named action with raw parameters; unknown names and bad parameters fail with a reason. */
export async function runAction(name: string, params: unknown, context: ActionContext): Promise<ActionOutcome> {
  const checked = checkAction(name, params);
  if (!checked.ok) return { outcome: "failed", detail: checked.detail, retryable: false };
  const action = ACTIONS[name]!;
  return action.run(context, action.params.parse(params));
}

/**
 * Email and SMS: which provider the workspace chose, whether it has what it needs to send, and
 * how its senders are doing against the bounce and complaint limits mailbox providers enforce
 * (worker/messaging/health.ts). The providers' clients have no cheap authenticated call, so a
 * configured provider is reported "configured, not checked"; a send refused for its key fails
 * its message, which the message-failures alert catches.
 */

import type { MessagingSettings, SenderHealth } from "../../../schema/messaging-api";
import { PROVIDER_LABELS } from "../../../schema/messaging-api";
import { readWorkspaceSecret } from "../../api/settings";
import { BOUNCE_LIMIT, COMPLAINT_LIMIT, HEALTH_MIN_SENDS, sendersHealth } from "../../messaging/health";
import { readMessagingSettings } from "../../messaging/settings";
import type { CheckOutcome } from "./bounded";
import type { CheckInput } from "./providers";

const percent = (r: number) => `${(r * 100).toFixed(2).replace(/\.?0+$/, "")}%`;

/** A sender past a limit: which rate, and the sentence for the alert. */
export type SenderProblem = { kind: "bounce-rate" | "complaint-rate"; sender: string; message: string };

/** Senders past the bounce or complaint limit (judged from HEALTH_MIN_SENDS sends on, as messaging does). */
export function senderProblems(senders: SenderHealth[]): SenderProblem[] {
  const problems: SenderProblem[] = [];
  for (const s of senders) {
    if (s.sent < HEALTH_MIN_SENDS) continue;
    if (s.bounceRate > BOUNCE_LIMIT)
      problems.push({
        kind: "bounce-rate",
        sender: s.sender,
        message: `${s.sender}: bounce rate ${percent(s.bounceRate)} (${s.bounces} of ${s.sent} sends) passed ${percent(BOUNCE_LIMIT)}`,
      });
    if (s.complaintRate > COMPLAINT_LIMIT)
      problems.push({
        kind: "complaint-rate",
        sender: s.sender,
        message: `${s.sender}: complaint rate ${percent(s.complaintRate)} (${s.complaints} of ${s.sent} sends) passed ${percent(COMPLAINT_LIMIT)}`,
      });
  }
  return problems;
}

/** The light of one channel: off on the outbox, down when the chosen provider lacks what it needs. */
async function channel(
  input: CheckInput,
  settings: MessagingSettings,
  name: "email" | "sms",
  problems: SenderProblem[],
): Promise<CheckOutcome> {
  const provider = settings.providers[name];
  const mine = problems.filter((p) => p.sender.startsWith(`${name}:`));
  const warn = mine.length ? `; ${mine.map((p) => p.message).join("; ")}` : "";
  if (provider === "outbox")
    return {
      light: mine.length ? "warning" : "off",
      detail: `outbox: ${name === "email" ? "emails" : "texts"} are kept in the outbox${warn}`,
    };
  const label = PROVIDER_LABELS[provider as keyof typeof PROVIDER_LABELS] ?? provider;
  if (provider === "cloudflare") {
    if (!(input.env as { EMAIL?: unknown }).EMAIL)
      return { light: "down", detail: `${label} is chosen but the EMAIL binding is missing` };
  } else if (
    !(await readWorkspaceSecret(input.env, input.db, input.workspaceId, name === "email" ? "emailApiKey" : "smsApiKey"))
  ) {
    return { light: "down", detail: `${label} is chosen but has no API key: Settings → Messaging` };
  }
  if (name === "sms" && !settings.sender.smsFrom)
    return { light: "down", detail: `${label} has no number to send from: Settings → Messaging` };
  return { light: mine.length ? "warning" : "ok", detail: `${label} configured, not checked${warn}` };
}

/** Both channels' lights and the senders past a limit (for the bounce and complaint alerts). */
export async function checkMessaging(
  input: CheckInput,
): Promise<{ email: CheckOutcome; sms: CheckOutcome; problems: SenderProblem[] }> {
  const [senders, settings] = await Promise.all([
    sendersHealth(input.env.DB, input.workspaceId),
    readMessagingSettings(input.db, input.workspaceId),
  ]);
  const problems = senderProblems(senders);
  const [email, sms] = await Promise.all([
    channel(input, settings, "email", problems),
    channel(input, settings, "sms", problems),
  ]);
  return { email, sms, problems };
}

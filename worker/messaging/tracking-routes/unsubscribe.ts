/**
 * `/u/<token>`, the unsubscribe link of every email and its RFC 8058 one-click target. The GET
 * only asks (link scanners and previews fetch every link; they must not unsubscribe anyone); the
 * POST, from the page's button or straight from a mail client with `List-Unsubscribe=One-Click`,
 * records "unsubscribed", which puts the address on Suppressions. Neither needs a cookie or a
 * CSRF token: the signed token is the whole authority, and the API's origin guard does not
 * cover these routes (they are mounted outside `/api`).
 */
import type { Context } from "hono";
import { type TrackingPayload, verifyToken } from "../../../automation/messaging/tracking";
import type { AppEnv } from "../../api/context";
import { getDb } from "../../db";
import { reader } from "../../kinds/tables";
import { recordMessageEvent } from "../events";
import { readMessagingSettings } from "../settings";
import { findSuppression } from "../suppressions";
import { trackingKeyOf } from "../tracker";
import { type TrackedMessage, trackedMessage } from "./hit";
import { badLinkPage, recipientPage } from "./pages";

type Checked = { ok: true; payload: TrackingPayload; found: TrackedMessage } | { ok: false; answer: Response };

async function checkLink(c: Context<AppEnv>): Promise<Checked> {
  const check = await verifyToken(await trackingKeyOf(c.env), c.req.param("token") ?? "", "u");
  if (!check.ok) return { ok: false, answer: badLinkPage("unsubscribe link") };
  const found = await trackedMessage(c.env, check.payload);
  if (!found) {
    const answer = recipientPage(404, {
      title: "This email is no longer on file",
      lines: [
        "The message this link came with has been deleted, so we cannot tell which address to remove.",
        "Reply to the email and ask to be removed; the sender will take you off their list.",
      ],
    });
    return { ok: false, answer };
  }
  return { ok: true, payload: check.payload, found };
}

async function senderName(env: Env, workspaceId: string): Promise<string> {
  const { sender } = await readMessagingSettings(getDb(env.DB), workspaceId);
  return sender.fromName.trim() || sender.fromEmail.trim() || "this sender";
}

/** The confirmation page: changes nothing. */
export async function confirmUnsubscribe(c: Context<AppEnv>): Promise<Response> {
  const link = await checkLink(c);
  if (!link.ok) return link.answer;
  const { messaging, row } = link.found;
  const name = await senderName(c.env, link.payload.workspaceId);
  const to = reader(messaging.messages, row.cells).text("to");
  if (to && (await findSuppression(messaging.suppressions, to))) {
    return recipientPage(200, {
      title: "You are already unsubscribed",
      lines: [`${name} will not email you again.`],
    });
  }
  return recipientPage(200, {
    title: `Unsubscribe from ${name}?`,
    lines: [`You will get no more emails from ${name}.`],
    button: { label: "Unsubscribe" },
  });
}

/** The one-click POST and the page's button: suppresses the address (once, however often posted). */
export async function unsubscribe(c: Context<AppEnv>): Promise<Response> {
  const link = await checkLink(c);
  if (!link.ok) return link.answer;
  const { messaging, row } = link.found;
  try {
    await recordMessageEvent(messaging, row.id, {
      type: "unsubscribed",
      at: new Date().toISOString(),
      source: "tracking",
    });
  } catch (error) {
    console.error("rowpilot: could not record an unsubscribe", link.payload, error);
    return recipientPage(503, {
      title: "We could not unsubscribe you just now",
      lines: ["Nothing went wrong on your side. Please try again in a minute."],
      button: { label: "Try again" },
    });
  }
  const name = await senderName(c.env, link.payload.workspaceId);
  return recipientPage(200, {
    title: "You are unsubscribed",
    lines: [`${name} will not email you again.`],
  });
}

/**
 * A message to Rose sent through the outbox, with signed tokens for its pixel, links and
 * unsubscribe link, hits on the public routes as a mail client would make them (no cookie, no
 * Origin), and readers of its Events log and of Suppressions.
 */
import { env, SELF } from "cloudflare:test";
import { signToken, type TrackingPayload } from "../../automation/messaging/tracking";
import { getDb } from "../db";
import { reader } from "../kinds/tables";
import { findMessaging } from "../messaging/tables";
import { trackingKeyOf } from "../messaging/tracker";
import { ORIGIN } from "./http";
import { workspaceWithLeads } from "./messaging";

export const DESKTOP_CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** `token` with one character of its payload changed: its signature no longer matches. */
export function tampered(token: string): string {
  const at = Math.floor(token.indexOf(".") / 2);
  const swapped = token[at] === "A" ? "B" : "A";
  return `${token.slice(0, at)}${swapped}${token.slice(at + 1)}`;
}

export async function sentToRose() {
  const t = await workspaceWithLeads();
  const { id } = await t.draft(t.rose);
  const send = await t.api("POST", `/messages/${id}/send`);
  if (send.status !== 202) throw new Error(`send: ${send.status} ${await send.text()}`);
  const sent = await t.settled(id);
  if (sent.status !== "sent") throw new Error(`the message is ${sent.status}: ${sent.error}`);
  const messaging = (await findMessaging(env, getDb(env.DB), t.ws.id))!;
  const ids = { workspaceId: t.ws.id, messageId: id };
  const token = async (purpose: TrackingPayload["purpose"], url?: string) =>
    signToken(await trackingKeyOf(env), { purpose, ...ids, ...(url === undefined ? {} : { url }) });
  /** A request on the public routes with only the headers given (no cookie unless given). */
  const hit = (path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) =>
    SELF.fetch(`${ORIGIN}${path}`, { redirect: "manual", ...init });
  /** Moves the message's Sent at, so an open can come long after sending. */
  const sentAgo = async (seconds: number) => {
    const at = new Date(Date.now() - seconds * 1000).toISOString();
    await messaging.messages.room.patchRow(
      id,
      { [messaging.messages.keys.sentAt!]: at },
      { kind: "automation", job: "test" },
    );
  };
  const events = async () => {
    const { rows } = await messaging.events.room.queryRows({ filters: [], sort: [], limit: 100, offset: 0 });
    return rows.map((row) => {
      const r = reader(messaging.events, row.cells);
      return {
        type: r.text("type"),
        machine: r.get("machine"),
        detail: r.text("detail"),
        userAgent: r.text("userAgent"),
        ipHash: r.text("ipHash"),
        url: r.text("url"),
        source: r.text("source"),
      };
    });
  };
  const suppressions = async () => {
    const { rows } = await messaging.suppressions.room.queryRows({ filters: [], sort: [], limit: 100, offset: 0 });
    return rows
      .map((row) => reader(messaging.suppressions, row.cells))
      .map((r) => [r.text("address"), r.text("reason")]);
  };
  return { ...t, id, messaging, token, hit, sentAgo, events, suppressions };
}

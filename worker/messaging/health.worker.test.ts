import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { call, json } from "../test/http";
import { workspaceWithLeads } from "../test/messaging";
import { recordMessageEvent } from "./events";
import { type SenderHealth, senderKey } from "./health";
import { findMessaging } from "./tables";

const at = "2026-12-06T12:00:00.000Z";
const ALL_DAY = { start: "00:00", end: "24:00", days: [0, 1, 2, 3, 4, 5, 6] };

/** A workspace that has sent one message to Rose, its sender's count then set to `sends`. */
async function senderWithSends(sends: number) {
  const t = await workspaceWithLeads();
  await call(t.owner, "PATCH", `${t.base}/settings`, { pace: { window: ALL_DAY, warmUp: null, zone: "UTC" } });
  const { id } = await t.draft(t.rose);
  await t.api("POST", `/messages/${id}/send`);
  expect((await t.settled(id)).status).toBe("sent");
  const sender = senderKey("email", `Ana at Rowpilot <ana@rowpilot.example>`);
  await env.DB.prepare("UPDATE sender_pace SET sent_total = ?1 WHERE workspace_id = ?2 AND sender = ?3")
    .bind(sends, t.ws.id, sender)
    .run();
  const messaging = (await findMessaging(env, getDb(env.DB), t.ws.id))!;
  const health = async () =>
    (await json<{ senders: SenderHealth[] }>(await t.api("GET", "/messaging/health"))).senders.find(
      (s) => s.sender === sender,
    )!;
  return { t, id, sender, messaging, health };
}

describe("sending health", { timeout: 30_000 }, () => {
  it("pauses a sender whose complaint rate passes 0.08%, holds its next message, and is resumed by a person", async () => {
    const { t, id, sender, messaging, health } = await senderWithSends(2_000);
    await recordMessageEvent(messaging, id, { type: "complained", at, source: "resend" });
    expect((await health()).complaints).toBe(1);
    expect((await health()).paused).toBeNull();
    const other = await t.draft(t.rose);
    await recordMessageEvent(messaging, other.id, { type: "complained", at, source: "resend" });
    const paused = await health();
    expect(paused.paused?.reason).toBe("complaint rate 0.1% (2 of 2000 sends) passed 0.08%");

    // Rose complained and is suppressed; the next message goes to an address that is not.
    await t.patch(t.rose, { Email: "someone.else@bakery.example" });
    const held = await t.draft(t.rose, { subject: "After the pause" });
    await t.api("POST", `/messages/${held.id}/send`);
    const waiting = await t.settled(held.id);
    expect(waiting.status).toBe("scheduled");
    const activity = await call(t.owner, "GET", `${t.base}/audit`);
    expect(await activity.text()).toContain("messaging.sender_paused");

    const resumed = await t.api("POST", "/messaging/health/resume", { sender });
    expect(resumed.status).toBe(200);
    expect((await health()).paused).toBeNull();
  });

  it("counts hard bounces, not soft ones, and pauses past 4% only from 100 sends on", async () => {
    const few = await senderWithSends(10);
    for (let i = 0; i < 3; i++)
      await recordMessageEvent(few.messaging, few.id, { type: "bounced", bounce: "hard", at, source: "postmark" });
    expect((await few.health()).bounces).toBe(3);
    expect((await few.health()).paused).toBeNull();

    const many = await senderWithSends(100);
    await recordMessageEvent(many.messaging, many.id, { type: "bounced", bounce: "soft", at, source: "postmark" });
    expect((await many.health()).bounces).toBe(0);
    for (let i = 0; i < 5; i++)
      await recordMessageEvent(many.messaging, many.id, { type: "bounced", bounce: "hard", at, source: "postmark" });
    expect((await many.health()).paused?.reason).toBe("bounce rate 5% (5 of 100 sends) passed 4%");
  });

  it("says when there is no such sender to resume", async () => {
    const { t } = await senderWithSends(1);
    const unknown = await t.api("POST", "/messaging/health/resume", { sender: "email:nobody@example.com" });
    expect(unknown.status).toBe(404);
  });
});

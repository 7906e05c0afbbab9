import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { MessagingStats } from "../../../schema/messaging-stats";
import { getDb } from "../../db";
import { byKey } from "../../kinds/tables";
import { call, json } from "../../test/http";
import { workspaceWithLeads } from "../../test/messaging";
import { type MessageEvent, recordMessageEvent } from "../events";
import { ensureMessaging } from "../tables";

const DAY = 24 * 60 * 60 * 1000;
const origin = { kind: "automation", job: "test" } as const;

/**
 * Six sent messages and a draft, with events through the same path the tracking routes and
 * webhooks take. Hand-counted: today A sends m1 (delivered, opened, clicked), m2 (delivered, a
 * machine open only) and m7 (unsubscribed) — m1 and m2 in "Spring bakeries"; two days ago B
 * sends m3 (hard bounce) and m4 (delivered, replied); m5 went 40 days ago.
 */
async function seeded() {
  const t = await workspaceWithLeads();
  const messaging = await ensureMessaging(env, getDb(env.DB), t.ws.id, null);
  const campaign = await messaging.campaigns.room.insertRow(
    byKey(messaging.campaigns, { name: "Spring bakeries" }),
    origin,
  );
  if (!campaign.ok) throw new Error(campaign.message);
  const now = Date.now();
  const sent = async (from: string, sentAt: number, campaignId: string | null, events: MessageEvent["type"][]) => {
    const { id } = await t.draft(t.rose);
    const patched = await messaging.messages.room.patchRow(
      id,
      byKey(messaging.messages, {
        status: "sent",
        from,
        sentAt: new Date(sentAt).toISOString(),
        campaign: campaignId ? [campaignId] : null,
      }),
      origin,
    );
    if (!patched.ok) throw new Error(patched.message);
    for (const type of events) {
      const at = new Date(sentAt + 60_000).toISOString();
      await recordMessageEvent(messaging, id, {
        type,
        at,
        source: "tracking",
        bounce: type === "bounced" ? "hard" : undefined,
      });
    }
    return id;
  };
  const a = "Ana <ana@rowpilot.example>";
  const b = "bo@rowpilot.example";
  const m2 = await sent(a, now - 1000, campaign.value, ["delivered"]);
  await recordMessageEvent(messaging, m2, {
    type: "opened",
    at: new Date(now).toISOString(),
    source: "tracking",
    machine: true,
  });
  await sent(a, now - 1000, campaign.value, ["delivered", "opened", "clicked"]);
  await sent(a, now - 1000, null, ["unsubscribed"]);
  await sent(b, now - 2 * DAY, null, ["bounced"]);
  await sent(b, now - 2 * DAY, null, ["delivered", "replied"]);
  await sent(b, now - 40 * DAY, null, ["delivered", "opened"]);
  await t.draft(t.rose);
  return t;
}

describe("campaign stats — GET /api/messaging/stats", { timeout: 30_000 }, () => {
  it("counts each sent message once per outcome, by day, sender and campaign, people's opens only", async () => {
    const t = await seeded();
    const res = await t.api("GET", "/messaging/stats?days=30");
    expect(res.status).toBe(200);
    const stats = await json<MessagingStats>(res);
    expect(stats.totals).toMatchObject({
      sent: 5,
      delivered: 4,
      opened: 2,
      clicked: 1,
      replied: 1,
      bounced: 1,
      unsubscribed: 1,
      openRate: 0.4,
      clickRate: 0.2,
      bounceRate: 0.2,
    });
    expect(stats.byDay).toHaveLength(30);
    expect(stats.byDay.at(-1)).toMatchObject({
      sent: 3,
      delivered: 3,
      opened: 1,
      clicked: 1,
      unsubscribed: 1,
      bounced: 0,
    });
    expect(stats.byDay.at(-3)).toMatchObject({ sent: 2, delivered: 1, opened: 1, replied: 1, bounced: 1 });
    expect(stats.byDay.reduce((n, d) => n + d.sent, 0)).toBe(5);
    expect(stats.bySender.map((s) => [s.sender, s.sent, s.opened])).toEqual([
      ["Ana <ana@rowpilot.example>", 3, 1],
      ["bo@rowpilot.example", 2, 1],
    ]);
    expect(stats.byCampaign.map((c) => [c.campaign, c.sent, c.opened, c.clicked])).toEqual([
      ["No campaign", 3, 1, 0],
      ["Spring bakeries", 2, 1, 1],
    ]);
    expect(stats.byCampaign[1]!.openRate).toBe(0.5);

    const longer = await json<MessagingStats>(await t.api("GET", "/messaging/stats?days=90"));
    expect(longer.totals).toMatchObject({ sent: 6, opened: 3 });
  });

  it("answers a workspace that never sent with zeros, and refuses a bad period", async () => {
    const t = await workspaceWithLeads();
    const stats = await json<MessagingStats>(await t.api("GET", "/messaging/stats?days=7"));
    expect(stats.totals.sent).toBe(0);
    expect(stats.byDay).toHaveLength(7);
    const bad = await t.api("GET", "/messaging/stats?days=1000");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("days: give a whole number of days from 1 to 90");
  });

  it("asks for a from email before checking the sending domain", async () => {
    const t = await workspaceWithLeads();
    expect((await call(t.owner, "PATCH", `${t.base}/settings`, { sender: { fromEmail: "" } })).status).toBe(200);
    const res = await t.api("GET", "/messaging/domain");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Set the sender's from email in Settings → Messaging first");
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "../../automation/actions";
import { SendError } from "../../automation/messaging/outgoing";
import type { MessageRecord } from "../../schema/messaging-api";
import { getDb } from "../db";
import { call, json } from "../test/http";
import { workspaceWithLeads } from "../test/messaging";
import { MAX_SEND_ATTEMPTS } from "./jobs";
import { sendDueMessages } from "./scheduled";
import { runSendJob, sendJobOf } from "./send";
import { findMessaging } from "./tables";

const ALL_DAY = { start: "00:00", end: "24:00", days: [0, 1, 2, 3, 4, 5, 6] };

/** A workspace whose pace is `pace` (over an all-day window, no warm-up, no spacing). */
async function pacedWorkspace(pace: Record<string, unknown>) {
  const t = await workspaceWithLeads();
  const res = await call(t.owner, "PATCH", `${t.base}/settings`, {
    pace: { window: ALL_DAY, warmUp: null, minSpacingSeconds: 0, zone: "UTC", ...pace },
  });
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${await res.text()}`);
  const messaging = async () => (await findMessaging(env, getDb(env.DB), t.ws.id))!;
  return { ...t, messaging };
}

async function sendAll(t: Awaited<ReturnType<typeof pacedWorkspace>>, count: number): Promise<MessageRecord[]> {
  const ids = [];
  for (let i = 0; i < count; i++) ids.push((await t.draft(t.rose, { subject: `Hello ${i}` })).id);
  await Promise.all(ids.map((id) => t.api("POST", `/messages/${id}/send`)));
  return Promise.all(ids.map((id) => t.settled(id)));
}

describe("sending pace", { timeout: 30_000 }, () => {
  it("sends up to the sender's daily cap, even five at once, and holds the rest until tomorrow saying why", async () => {
    const t = await pacedWorkspace({ senderDailyCap: 3 });
    const settled = await sendAll(t, 5);
    expect(settled.filter((m) => m.status === "sent")).toHaveLength(3);
    const held = settled.filter((m) => m.status === "scheduled");
    expect(held).toHaveLength(2);
    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    for (const m of held) expect(m.scheduledFor).toBe(tomorrow.toISOString());
    const [row] = await (await t.messaging()).messages.room.readRows([held[0]!.id]);
    expect(JSON.stringify(row?.cells)).toContain("held: Today's this sender's daily cap of 3 is reached");
    expect(await t.outbox()).toHaveLength(3);
  });

  it("holds by the workspace's cap across senders", async () => {
    const t = await pacedWorkspace({ workspaceDailyCap: 2 });
    const settled = await sendAll(t, 3);
    expect(settled.map((m) => m.status).sort()).toEqual(["scheduled", "sent", "sent"]);
  });

  it("gives a failed send's place back, so the cap counts only what went", async () => {
    const t = await pacedWorkspace({ senderDailyCap: 1 });
    const { id } = await t.draft(t.rose);
    const messaging = await t.messaging();
    await messaging.messages.room.patchRow(
      id,
      { [messaging.messages.keys.status!]: "queued" },
      { kind: "automation", job: "test" },
    );
    const refusing = () => ({
      email: () => ({
        provider: "fake",
        send: async () => {
          throw new SendError("fake", "auth", "fake refused the key");
        },
      }),
      sms: () => {
        throw new Error("no SMS here");
      },
    });
    const attempt = { attempt: 1, maxAttempts: MAX_SEND_ATTEMPTS, retryDelaySeconds, providers: refusing };
    expect(await runSendJob(env, sendJobOf(messaging, id), attempt)).toEqual({ type: "done", status: "failed" });
    const [next] = await sendAll(t, 1);
    expect(next?.status).toBe("sent");
  });

  it("keeps a campaign send to its sending window and spacing; a person's send goes at once", async () => {
    const hour = (new Date().getUTCHours() + 6) % 24;
    const opens = `${String(hour).padStart(2, "0")}:00`;
    const closes = `${String((hour + 1) % 24).padStart(2, "0")}:00`;
    const t = await pacedWorkspace({ window: { start: opens, end: closes, days: [0, 1, 2, 3, 4, 5, 6] } });
    const { id } = await t.draft(t.rose);
    const messaging = await t.messaging();
    await messaging.messages.room.patchRow(
      id,
      { [messaging.messages.keys.status!]: "queued" },
      { kind: "automation", job: "test" },
    );
    const attempt = { attempt: 1, maxAttempts: MAX_SEND_ATTEMPTS, retryDelaySeconds };
    expect(await runSendJob(env, sendJobOf(messaging, id, true), attempt)).toEqual({
      type: "done",
      status: "scheduled",
    });
    const held = await t.read(id);
    expect(new Date(held.scheduledFor!).getUTCHours()).toBe(hour);
    expect(new Date(held.scheduledFor!).getUTCMinutes()).toBe(0);
    const [now] = await sendAll(t, 1);
    expect(now?.status).toBe("sent");
  });

  it("queues a scheduled message when its time comes, once, and leaves a later one alone", async () => {
    const t = await pacedWorkspace({});
    const due = await t.draft(t.rose, { sendAt: new Date(Date.now() - 60_000).toISOString() });
    const later = await t.draft(t.rose, { sendAt: new Date(Date.now() + 3_600_000).toISOString() });
    const now = new Date();
    const [first, second] = await Promise.all([sendDueMessages(env, now), sendDueMessages(env, now)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect((await t.settled(due.id)).status).toBe("sent");
    expect((await t.read(later.id)).status).toBe("scheduled");
    expect(await t.outbox()).toHaveLength(1);
  });

  it("refuses pace settings that cannot work, in words", async () => {
    const t = await workspaceWithLeads();
    const patch = (pace: unknown) => call(t.owner, "PATCH", `${t.base}/settings`, { pace });
    const zone = await patch({ zone: "Mars/Olympus" });
    expect(zone.status).toBe(400);
    expect((await json<{ error: { message: string } }>(zone)).error.message).toMatch(
      /pace\.zone: use an IANA time zone/,
    );
    const empty = await patch({ window: { start: "09:00", end: "09:00", days: [1] } });
    expect((await json<{ error: { message: string } }>(empty)).error.message).toMatch(
      /opens and closes at the same time/,
    );
    const settings = await json<{ pace: { senderDailyCap: number } }>(await call(t.owner, "GET", `${t.base}/settings`));
    expect(settings.pace.senderDailyCap).toBe(200);
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TableDetail, TableSummary } from "../../schema/tables";
import { call, json } from "../test/http";
import { workspaceWithLeads } from "../test/messaging";
import { sendDueMessages } from "./scheduled";

const ALL_DAY = { start: "00:00", end: "24:00", days: [0, 1, 2, 3, 4, 5, 6] };

/** A workspace with a campaign, three drafts in it, and one draft outside it. */
async function campaignWithDrafts(pace: Record<string, unknown>) {
  const t = await workspaceWithLeads();
  await call(t.owner, "PATCH", `${t.base}/settings`, {
    pace: { window: ALL_DAY, warmUp: null, zone: "UTC", ...pace },
  });
  const outside = await t.draft(t.rose, { subject: "Not in the campaign" });
  const tables = await json<TableSummary[]>(await t.api("GET", "/tables"));
  const id = (name: string) => tables.find((x) => x.name === name)!.id;
  const campaign = await json<{ id: string }>(
    await call(t.owner, "POST", `/api/tables/${id("Campaigns")}/rows`, { cells: { Name: "Bakeries in Austin" } }),
  );
  const drafts = [];
  for (let i = 0; i < 3; i++) {
    const { id: draft } = await t.draft(t.rose, { subject: `Campaign message ${i}` });
    await call(t.owner, "PATCH", `/api/tables/${id("Messages")}/rows/${draft}`, { cells: { Campaign: [campaign.id] } });
    drafts.push(draft);
  }
  const { columns } = await json<TableDetail>(await call(t.owner, "GET", `/api/tables/${id("Campaigns")}`));
  const pressSend = () =>
    call(
      t.owner,
      "POST",
      `/api/tables/${id("Campaigns")}/rows/${campaign.id}/buttons/${columns.find((c) => c.name === "Send drafts")!.id}`,
      {},
    );
  return { t, campaign: campaign.id, drafts, outside: outside.id, pressSend };
}

/**
 * The messages once their sends have run: out of draft (a button runs as an action job) and out of
 * queued, or after a held message was queued again, settled once more.
 */
async function settledAll(t: Awaited<ReturnType<typeof campaignWithDrafts>>["t"], ids: string[]) {
  const until = Date.now() + 15_000;
  let seenQueued = false;
  for (;;) {
    const messages = await Promise.all(ids.map((id) => t.read(id)));
    const moving = messages.some((m) => m.status === "queued" || (!seenQueued && m.status === "draft"));
    seenQueued ||= messages.some((m) => m.status === "queued");
    if (!moving || Date.now() > until) return messages;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("campaigns", { timeout: 30_000 }, () => {
  it("sends a campaign's drafts, once however often it is asked, and leaves other drafts alone", async () => {
    const { t, campaign, drafts, outside } = await campaignWithDrafts({ minSpacingSeconds: 0 });
    const [first, second] = await Promise.all([
      t.api("POST", `/campaigns/${campaign}/send`),
      t.api("POST", `/campaigns/${campaign}/send`),
    ]);
    const queued = [await json<{ queued: number }>(first), await json<{ queued: number }>(second)];
    expect(queued.map((q) => q.queued).sort()).toEqual([0, 3]);
    for (const id of drafts) expect((await t.settled(id)).status).toBe("sent");
    expect((await t.read(outside)).status).toBe("draft");
    expect(await t.outbox()).toHaveLength(3);
  });

  it("keeps a campaign's sends apart by the spacing: one goes, the others are scheduled after it", async () => {
    const { t, drafts, pressSend } = await campaignWithDrafts({ minSpacingSeconds: 600 });
    expect((await pressSend()).status).toBe(202);
    const settled = await settledAll(t, drafts);
    expect(settled.filter((m) => m.status === "sent")).toHaveLength(1);
    const held = settled.filter((m) => m.status === "scheduled");
    expect(held).toHaveLength(2);
    const sentAt = Date.parse(settled.find((m) => m.status === "sent")!.sentAt!);
    for (const m of held) expect(Date.parse(m.scheduledFor!) - sentAt).toBeGreaterThanOrEqual(599_000);

    // When the cron takes them back up they are still campaign sends: held by the spacing again, not sent in a burst.
    const later = new Date(Date.parse(held[0]!.scheduledFor!) + 1_000);
    expect(await sendDueMessages(env, later)).toBe(2);
    const again = await settledAll(
      t,
      held.map((m) => m.id),
    );
    expect(again.map((m) => m.status)).toEqual(["scheduled", "scheduled"]);
    expect(await t.outbox()).toHaveLength(1);
  });

  it("turns a held campaign message back into a draft when the campaign is paused before it goes", async () => {
    const { t, campaign, drafts, pressSend } = await campaignWithDrafts({ minSpacingSeconds: 600 });
    await pressSend();
    const settled = await settledAll(t, drafts);
    const held = settled.filter((m) => m.status === "scheduled");
    expect(held).toHaveLength(2);
    const tables = await json<TableSummary[]>(await t.api("GET", "/tables"));
    const campaigns = tables.find((x) => x.name === "Campaigns")!.id;
    await call(t.owner, "PATCH", `/api/tables/${campaigns}/rows/${campaign}`, { cells: { Status: "paused" } });
    await sendDueMessages(env, new Date(Date.parse(held[0]!.scheduledFor!) + 1_000));
    const after = await settledAll(
      t,
      held.map((m) => m.id),
    );
    expect(after.map((m) => m.status)).toEqual(["draft", "draft"]);
    expect(await t.outbox()).toHaveLength(1);
  });

  it("sends nothing from a paused campaign, saying so", async () => {
    const { t, campaign, drafts } = await campaignWithDrafts({});
    const tables = await json<TableSummary[]>(await t.api("GET", "/tables"));
    const campaigns = tables.find((x) => x.name === "Campaigns")!.id;
    await call(t.owner, "PATCH", `/api/tables/${campaigns}/rows/${campaign}`, { cells: { Status: "paused" } });
    const refused = await t.api("POST", `/campaigns/${campaign}/send`);
    expect(refused.status).toBe(400);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toMatch(/paused/);
    expect((await t.read(drafts[0]!)).status).toBe("draft");
  });
});

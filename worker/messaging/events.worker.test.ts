import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { reader } from "../kinds/tables";
import { workspaceWithLeads } from "../test/messaging";
import { recordMessageEvent, suppressAddress } from "./events";
import { findMessaging } from "./tables";

const at = "2026-12-06T12:00:00.000Z";

async function sentMessage() {
  const t = await workspaceWithLeads();
  const { id } = await t.draft(t.rose);
  const messaging = (await findMessaging(env, getDb(env.DB), t.ws.id))!;
  await messaging.messages.room.patchRow(
    id,
    { [messaging.messages.keys.status!]: "sent" },
    { kind: "automation", job: "test" },
  );
  const events = async () => {
    const { rows } = await messaging.events.room.queryRows({ filters: [], sort: [], limit: 100, offset: 0 });
    return rows.map((r) => {
      const cell = reader(messaging.events, r.cells);
      return { type: cell.text("type"), machine: cell.get("machine"), message: cell.get("message") };
    });
  };
  const suppressions = async () => {
    const { rows } = await messaging.suppressions.room.queryRows({ filters: [], sort: [], limit: 100, offset: 0 });
    return rows.map((r) => reader(messaging.suppressions, r.cells)).map((r) => [r.text("address"), r.text("reason")]);
  };
  return { t, id, messaging, events, suppressions };
}

describe("message events", { timeout: 20_000 }, () => {
  it("counts every one of many opens and clicks arriving at once, and moves the status forward only", async () => {
    const { t, id, messaging, events } = await sentMessage();
    const hits = [
      ...Array.from({ length: 8 }, () => ({ type: "opened" as const, at, source: "tracking" })),
      ...Array.from({ length: 5 }, () => ({
        type: "clicked" as const,
        at,
        source: "tracking",
        url: "https://x.example/",
      })),
    ];
    await Promise.all(hits.map((e) => recordMessageEvent(messaging, id, e)));
    await recordMessageEvent(messaging, id, { type: "delivered", at, source: "resend" });
    expect(await t.read(id)).toMatchObject({ status: "clicked", opens: 8, clicks: 5, firstOpenedAt: at });
    expect(await events()).toHaveLength(14);
  });

  it("logs a machine's open without counting it; a click alone still counts as an open", async () => {
    const { t, id, messaging, events } = await sentMessage();
    await recordMessageEvent(messaging, id, {
      type: "opened",
      at,
      source: "tracking",
      machine: true,
      detail: "apple-mpp",
    });
    expect(await t.read(id)).toMatchObject({ status: "sent", opens: 0, firstOpenedAt: null });
    expect(await events()).toEqual([{ type: "opened", machine: true, message: [id] }]);
    await recordMessageEvent(messaging, id, { type: "clicked", at, source: "tracking", url: "https://x.example/" });
    expect(await t.read(id)).toMatchObject({ status: "clicked", opens: 1, clicks: 1, firstOpenedAt: at });
  });

  it("suppresses the address once on an unsubscribe, a complaint or a hard bounce, not on a soft bounce", async () => {
    const { t, id, messaging, suppressions } = await sentMessage();
    await recordMessageEvent(messaging, id, {
      type: "bounced",
      bounce: "soft",
      at,
      source: "postmark",
      detail: "Mailbox full",
    });
    expect(await suppressions()).toEqual([]);
    expect(await t.read(id)).toMatchObject({ status: "bounced", error: "Mailbox full" });
    const first = await recordMessageEvent(messaging, id, { type: "unsubscribed", at, source: "tracking" });
    const again = await recordMessageEvent(messaging, id, { type: "complained", at, source: "resend" });
    expect([first?.suppressed, again?.suppressed]).toEqual([true, false]);
    expect(await suppressions()).toEqual([["rose@bakery.example", "unsubscribed"]]);
    expect(await t.read(id)).toMatchObject({ status: "complained" });
    expect(
      await suppressAddress(messaging, { address: "ROSE@bakery.example", reason: "manual", sourceMessageId: null, at }),
    ).toBe(false);
  });

  it("answers null for a message that is not there, and logs nothing", async () => {
    const { messaging, events } = await sentMessage();
    expect(await recordMessageEvent(messaging, "no-such-row", { type: "opened", at, source: "tracking" })).toBeNull();
    expect(await events()).toEqual([]);
  });
});

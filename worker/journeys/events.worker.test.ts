/**
 * A lead's events reaching its journeys inside workerd: recorded, a storm coalesced, the Leads
 * counters updated, exit criteria ending an enrollment, an event entry enrolling the lead, and a
 * messaging event on a journey's own message moving the journey on.
 */
import { env, introspectWorkflow } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { leadEvent } from "../../schema/db";
import type { JourneyDefinitionInput } from "../../schema/journeys";
import { getDb } from "../db";
import { findHunting } from "../hunting/tables";
import { byKey, reader } from "../kinds/tables";
import { recordMessageEvent } from "../messaging/events";
import { findMessaging } from "../messaging/tables";
import { workspaceWithRosa } from "../test/sites";
import { hearClaim } from "./claims";
import { enrollRows } from "./enroll";
import { deliverLeadEvent } from "./events";
import { ensureJourneyTables } from "./tables";
import { journeyWorkspace } from "./test/journeys";
import { eventually } from "./test/wait";

let introspector: Awaited<ReturnType<typeof introspectWorkflow>> | null = null;
afterEach(async () => {
  await introspector?.dispose();
  introspector = null;
});

async function instantSleeps() {
  introspector = await introspectWorkflow(env.JOURNEY);
  await introspector.modifyAll(async (m) => {
    await m.disableSleeps();
    await m.disableRetryDelays();
  });
}

/** Waits for a click (an hour), then sets the lead's Stage; leaves on a reply. */
const waitForClick = (table: string): JourneyDefinitionInput => ({
  name: "Click me",
  table,
  entry: { kind: "manual" },
  exitOn: ["replied", "unsubscribed"],
  start: "hold",
  nodes: [
    { id: "hold", kind: "wait", until: { event: "clicked", timeoutSeconds: 3600 }, next: "won", timeout: "bye" },
    { id: "won", kind: "update", fields: { Stage: "qualified" }, next: "bye" },
    { id: "bye", kind: "exit" },
  ],
});

async function waitingLead() {
  await instantSleeps();
  const w = await journeyWorkspace();
  const rose = await w.lead({ name: "Rose", email: "rose@bakery.example", stage: "new" });
  const journeyId = await w.publish(waitForClick(w.leadsId));
  const answer = await enrollRows(env, w.db, journeyId, { tableId: w.leadsId, rowIds: [rose], source: "manual" });
  const enrollmentId = answer.enrolled[0]!.enrollmentId;
  await eventually("the lead waits at hold", async () => (await w.enrollment(enrollmentId))?.node === "hold");
  // The node is marked as its step starts; give the instance a moment to reach its waitForEvent.
  await new Promise((r) => setTimeout(r, 300));
  const lead = { workspaceId: w.ws.id, tableId: w.leadsId, rowId: rose };
  const cells = async () => {
    const [row] = await w.tables.leads.room.readRows([rose]);
    const r = reader(w.tables.leads, row!.cells);
    return {
      stage: r.text("stage"),
      clicks: r.number("clicks30"),
      opens: r.number("opens30"),
      scores: r.text("channelScores"),
      lastTouch: r.text("lastTouch"),
    };
  };
  const ledger = () =>
    w.db
      .select()
      .from(leadEvent)
      .where(and(eq(leadEvent.tableId, w.leadsId), eq(leadEvent.rowId, rose)));
  return { w, rose, journeyId, enrollmentId, lead, cells, ledger };
}

describe("deliverLeadEvent", { timeout: 40_000 }, () => {
  it("coalesces a storm of 20 clicks in a second into one delivery, and the journey moves on once", async () => {
    const { w, enrollmentId, lead, cells, ledger } = await waitingLead();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => deliverLeadEvent(env, w.db, { ...lead, type: "clicked", channel: "email" })),
    );
    expect(answers.filter((a) => !a.coalesced)).toEqual([{ delivered: 1, enrolled: 0, exited: 0, coalesced: false }]);
    expect(answers.filter((a) => a.coalesced)).toHaveLength(19);
    expect(await ledger()).toHaveLength(20);

    const done = await w.settled(enrollmentId);
    expect(done.status).toBe("finished");
    expect((await w.ledger(enrollmentId)).map((s) => [s.nodeId, s.outcome])).toEqual([
      ["hold", "event: clicked"],
      ["won", "updated Stage"],
      ["bye", "exit"],
    ]);
    // The counters count the click that acted, not the storm around it.
    expect(await cells()).toMatchObject({ stage: "qualified", clicks: 1, opens: 0 });
    expect((await cells()).scores).toMatch(/email [1-9]/);
  });

  it("counts an event again once the coalescing window has passed", async () => {
    const { w, lead, cells } = await waitingLead();
    const first = Date.now() - 60_000;
    await deliverLeadEvent(env, w.db, { ...lead, type: "opened", channel: "email", at: first });
    const again = await deliverLeadEvent(env, w.db, { ...lead, type: "opened", channel: "email", at: first + 11_000 });
    expect(again.coalesced).toBe(false);
    expect(await cells()).toMatchObject({ opens: 2, stage: "new", lastTouch: new Date(first + 11_000).toISOString() });
  });

  it("ends the enrollment of a journey whose exit criteria name the event", async () => {
    const { w, enrollmentId, lead, cells } = await waitingLead();
    const answer = await deliverLeadEvent(env, w.db, { ...lead, type: "replied", channel: "email" });
    expect(answer).toEqual({ delivered: 0, enrolled: 0, exited: 1, coalesced: false });
    expect(await w.enrollment(enrollmentId)).toMatchObject({ status: "exited", exitReason: "replied" });
    expect(await cells()).toMatchObject({ stage: "engaged" });
  });

  it("enrolls the lead in an active journey that starts from the event, and only for its key", async () => {
    await instantSleeps();
    const w = await journeyWorkspace();
    const rose = await w.lead({ name: "Rose", email: "rose@bakery.example" });
    const journeyId = await w.publish({
      name: "Clicked the offer",
      table: w.leadsId,
      entry: { kind: "event", type: "clicked", key: "spring-offer" },
      start: "hello",
      nodes: [
        {
          id: "hello",
          kind: "send",
          channel: "email",
          template: { subject: "Spring", body: "Hi {{lead.Name}}" },
          next: "bye",
        },
        { id: "bye", kind: "exit" },
      ],
    });
    const lead = { workspaceId: w.ws.id, tableId: w.leadsId, rowId: rose };
    expect((await deliverLeadEvent(env, w.db, { ...lead, type: "clicked", key: "other" })).enrolled).toBe(0);
    expect(await deliverLeadEvent(env, w.db, { ...lead, type: "clicked", key: "spring-offer" })).toMatchObject({
      enrolled: 1,
      coalesced: false,
    });
    const [enrollment] = await w.enrollments(journeyId);
    expect(enrollment).toMatchObject({ rowId: rose, source: "event" });
    await w.settled(enrollment!.id);
    expect((await w.outboxOf(1)).map((m) => m.to)).toEqual(["rose@bakery.example"]);
  });

  it("records nothing for a row of another workspace's table", async () => {
    const a = await journeyWorkspace();
    const b = await journeyWorkspace();
    const rose = await b.lead({ name: "Rose" });
    const answer = await deliverLeadEvent(env, a.db, {
      workspaceId: a.ws.id,
      tableId: b.leadsId,
      rowId: rose,
      type: "clicked",
    });
    expect(answer).toEqual({ delivered: 0, enrolled: 0, exited: 0, coalesced: false });
    expect(await a.db.select().from(leadEvent).where(eq(leadEvent.rowId, rose))).toEqual([]);
  });
});

describe("claims reaching the lead", { timeout: 40_000 }, () => {
  it("a paid claim is `claimed` for the business and for the Leads row made from it", async () => {
    const rosa = await workspaceWithRosa();
    const db = getDb(env.DB);
    const hunting = (await findHunting(env, db, rosa.ws.id))!;
    const tables = await ensureJourneyTables(env, db, rosa.ws.id, null);
    const made = await tables.leads.room.insertRow(
      byKey(tables.leads, { name: "Rosa", business: [rosa.business.rowId] }),
      { kind: "automation", job: "test" },
    );
    const other = await tables.leads.room.insertRow(byKey(tables.leads, { name: "Someone else" }), {
      kind: "automation",
      job: "test",
    });
    if (!made.ok || !other.ok) throw new Error("leads");
    await hearClaim(env, {
      workspaceId: rosa.ws.id,
      businessesTableId: hunting.ids.businesses,
      businessRowId: rosa.business.rowId,
      claimId: "claim-1",
    });
    const heard = await db.select().from(leadEvent).where(eq(leadEvent.workspaceId, rosa.ws.id));
    expect(heard.map((e) => [e.tableId, e.rowId, e.type]).sort()).toEqual(
      [
        [hunting.ids.businesses, rosa.business.rowId, "claimed"],
        [tables.ids.leads, made.value, "claimed"],
      ].sort(),
    );
  });
});

describe("message events reaching the lead", { timeout: 40_000 }, () => {
  it("a click on the journey's own email moves its wait on; a machine's open is not the lead's", async () => {
    await instantSleeps();
    const w = await journeyWorkspace();
    const rose = await w.lead({ name: "Rose", email: "rose@bakery.example", stage: "nurturing" });
    const journeyId = await w.publish({
      name: "Hello and wait",
      table: w.leadsId,
      entry: { kind: "manual" },
      start: "hello",
      nodes: [
        {
          id: "hello",
          kind: "send",
          channel: "email",
          template: { subject: "Hi", body: "Hi {{lead.Name}}" },
          next: "hold",
        },
        { id: "hold", kind: "wait", until: { event: "clicked", timeoutSeconds: 3600 }, next: "bye", timeout: "bye" },
        { id: "bye", kind: "exit" },
      ],
    });
    const { enrollmentId } = (
      await enrollRows(env, w.db, journeyId, { tableId: w.leadsId, rowIds: [rose], source: "manual" })
    ).enrolled[0]!;
    await eventually("the lead waits at hold", async () => (await w.enrollment(enrollmentId))?.node === "hold");
    await new Promise((r) => setTimeout(r, 300));
    const messaging = (await findMessaging(env, w.db, w.ws.id))!;
    const { rows } = await messaging.messages.room.queryRows({ filters: [], sort: [], limit: 10, offset: 0 });
    const message = rows.find((r) => reader(messaging.messages, r.cells).text("recipientRowId") === rose)!;
    const at = new Date().toISOString();

    await recordMessageEvent(messaging, message.id, { type: "opened", at, source: "tracking", machine: true });
    expect(await w.db.select().from(leadEvent).where(eq(leadEvent.rowId, rose))).toEqual([]);

    await recordMessageEvent(messaging, message.id, {
      type: "clicked",
      at,
      source: "tracking",
      url: "https://x.example/",
    });
    const done = await w.settled(enrollmentId);
    expect(done.status).toBe("finished");
    expect((await w.ledger(enrollmentId)).map((s) => s.outcome)).toContain("event: clicked");
    const heard = await w.db.select().from(leadEvent).where(eq(leadEvent.rowId, rose));
    expect(heard.map((e) => [e.type, e.channel, e.tableId])).toEqual([["clicked", "email", w.leadsId]]);
    const [row] = await w.tables.leads.room.readRows([rose]);
    expect(reader(w.tables.leads, row!.cells).text("stage")).toBe("engaged");
  });
});

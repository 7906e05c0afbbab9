/**
 * A journey handing its lead to a person inside workerd: the handoff waits in the Handoffs table
 * with the conversation it carries, the journey waits with it, and moves on once someone takes it.
 */
import { env, introspectWorkflow } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { reader } from "../kinds/tables";
import { enrollRows } from "./enroll";
import { HandoffTakenError, listHandoffs, takeHandoff } from "./handoffs";
import { journeyWorkspace } from "./test/journeys";
import { eventually } from "./test/wait";

let introspector: Awaited<ReturnType<typeof introspectWorkflow>> | null = null;
afterEach(async () => {
  await introspector?.dispose();
  introspector = null;
});

describe("handoff to a person", { timeout: 40_000 }, () => {
  it("waits for the owner with the conversation, and moves on when one of two people takes it", async () => {
    introspector = await introspectWorkflow(env.JOURNEY);
    await introspector.modifyAll(async (m) => {
      await m.disableSleeps();
      await m.disableRetryDelays();
    });
    const w = await journeyWorkspace();
    const rose = await w.lead({ name: "Rose", email: "rose@bakery.example", owner: "ana@rowpilot.example", score: 70 });
    const journeyId = await w.publish({
      name: "Hand to owner",
      table: w.leadsId,
      entry: { kind: "manual" },
      start: "hello",
      nodes: [
        {
          id: "hello",
          kind: "send",
          channel: "email",
          template: { subject: "A site for you", body: "Hi {{lead.Name}}" },
          next: "person",
        },
        {
          id: "person",
          kind: "handoff",
          to: { person: "owner" },
          reason: "asked for a call",
          next: "won",
          timeout: "bye",
        },
        { id: "won", kind: "update", fields: { Stage: "customer" }, next: "bye" },
        { id: "bye", kind: "exit" },
      ],
    });
    const { enrollmentId } = (
      await enrollRows(env, w.db, journeyId, { tableId: w.leadsId, rowIds: [rose], source: "manual" })
    ).enrolled[0]!;

    const [waiting] = await eventually("a waiting handoff", async () => {
      const list = await listHandoffs(env, w.db, w.ws.id, { status: "waiting", to: "ana@rowpilot.example" });
      return list.length ? list : null;
    });
    expect(waiting).toMatchObject({
      leadRowId: rose,
      leadName: "Rose",
      journeyId,
      journeyName: "Hand to owner",
      to: "ana@rowpilot.example",
      reason: "asked for a call",
      status: "waiting",
      takenBy: null,
    });
    expect(waiting!.context).toMatchObject({
      leadId: rose,
      leadScore: 70,
      previousAgents: ["email"],
      handoffReason: "asked for a call",
      metadata: { journey: journeyId, version: 1, node: "person" },
    });
    expect(waiting!.context.conversationHistory).toEqual([
      expect.objectContaining({ channel: "email", direction: "out", subject: "A site for you", body: "Hi Rose" }),
    ]);
    // The journey waits for the person: it has not gone on to "won".
    await new Promise((r) => setTimeout(r, 500));
    expect(await w.enrollment(enrollmentId)).toMatchObject({ status: "active", node: "person" });

    // Two people take it at once: one has it, the other is told someone took it.
    const [ana, bo] = await Promise.allSettled([
      takeHandoff(env, w.db, w.ws.id, waiting!.id, "ana@rowpilot.example"),
      takeHandoff(env, w.db, w.ws.id, waiting!.id, "bo@rowpilot.example"),
    ]);
    expect(ana).toMatchObject({ status: "fulfilled", value: { status: "taken", takenBy: "ana@rowpilot.example" } });
    expect(bo).toMatchObject({ status: "rejected", reason: expect.any(HandoffTakenError) });
    expect((await listHandoffs(env, w.db, w.ws.id, { status: "taken" })).map((h) => h.takenBy)).toEqual([
      "ana@rowpilot.example",
    ]);

    expect(await w.settled(enrollmentId)).toMatchObject({ status: "finished" });
    expect((await w.ledger(enrollmentId)).map((s) => s.nodeId)).toEqual(["hello", "person", "won", "bye"]);
    const [row] = await w.tables.leads.room.readRows([rose]);
    expect(reader(w.tables.leads, row!.cells).text("stage")).toBe("customer");
  });
});

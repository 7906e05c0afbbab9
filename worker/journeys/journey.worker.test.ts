/**
 * Journeys running in workerd: each enrollment a Workflows instance (sleeps disabled, waits
 * compressed), messages through the outbox, step rows written once.
 */
import { env, introspectWorkflow } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { EXAMPLE_INPUT } from "../../automation/journeys/example.fixture";
import { PREBUILT_JOURNEYS } from "../../automation/journeys/templates";
import { JourneyDefinition, type JourneyDefinitionInput, type NodeOf } from "../../schema/journeys";
import { saveStoredSettings } from "../stored-settings";
import { readAnalytics } from "./analytics-read";
import { endEnrollment, enrollRows, listEnrollments, moveToLatest } from "./enroll";
import { deliverLeadEvent } from "./events";
import { takeHandoff } from "./handoffs";
import { JOURNEY_SETTINGS_KEY } from "./lead";
import { runSendNode } from "./nodes/send";
import type { RunContext } from "./run-context";
import { recordStep } from "./steps";
import { readJourney } from "./store";
import { journeyWorkspace } from "./test/journeys";

/** A journey's run takes a few seconds in workerd (queues, rooms, D1): more than vitest's default 5 s. */
const RUN_MS = 30_000;

let introspector: Awaited<ReturnType<typeof introspectWorkflow>> | null = null;

/** Every journey instance made from here on runs its sleeps at once. */
async function instantSleeps() {
  introspector = await introspectWorkflow(env.JOURNEY);
  await introspector.modifyAll(async (m) => {
    await m.disableSleeps();
    await m.disableRetryDelays();
  });
  return introspector;
}

afterEach(async () => {
  await introspector?.dispose();
  introspector = null;
});

/**
 * The example: started by the lead's "signed-up" event (or by hand), email, wait for a
 * click (5 s timeout), Score condition, SMS, handoff, exit.
 */
const welcome = (table: string): JourneyDefinitionInput => ({
  ...structuredClone(EXAMPLE_INPUT),
  table,
  entry: { kind: "event", type: "signed-up" },
});

const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe("JourneyWorkflow — the welcome journey", () => {
  it(
    "emails, times out waiting for a click, texts a high-score lead and finishes at the exit",
    async () => {
      await instantSleeps();
      const w = await journeyWorkspace();
      const rose = await w.lead({ name: "Rose", email: "rose@bakery.example", phone: "(512) 555-0100", score: 80 });
      const journeyId = await w.publish(welcome(w.leadsId));
      const answer = await enrollRows(env, w.db, journeyId, {
        tableId: w.leadsId,
        rowIds: [rose],
        compress: true,
        source: "manual",
      });
      const { enrollmentId } = only(answer.enrolled);

      const done = await w.settled(enrollmentId);
      expect(done).toMatchObject({ status: "finished", exitReason: "exit node", node: "bye" });
      const steps = await w.ledger(enrollmentId);
      expect(steps.map((s) => [s.nodeId, s.outcome, s.nextNode])).toEqual([
        ["hello", "sent: email", "wait1"],
        ["wait1", "timeout", "check"],
        ["check", "yes", "sms"],
        ["sms", "sent: sms", "bye"],
        ["bye", "exit", null],
      ]);
      const rows = await w.stepRows(enrollmentId);
      expect(rows.map((r) => r.key).sort()).toEqual(steps.map((s) => `${enrollmentId}:${s.seq}`).sort());
      const sent = await w.outboxOf(2);
      expect(sent.map((m) => [m.channel, m.to]).sort()).toEqual([
        ["email", "rose@bakery.example"],
        ["sms", "+15125550100"],
      ]);
      expect(sent.find((m) => m.channel === "email")?.subject).toBe("Hi Rose");
      // Out of the journey, the lead's Journeys cell no longer names it.
      const [lead] = await w.tables.leads.room.readRows([rose]);
      expect(lead?.cells[w.tables.leads.keys.journeys!] ?? "").not.toContain("Welcome");
    },
    RUN_MS,
  );

  it(
    "starts from the lead's event, hands a lead who clicks to a person and goes on once they take it",
    async () => {
      await instantSleeps();
      const w = await journeyWorkspace();
      const rose = await w.lead({ name: "Rose", email: "rose@bakery.example", score: 10 });
      const journeyId = await w.publish(welcome(w.leadsId));
      // The entry event enrolls her (waits at full length: the click must come within the 5 s the definition gives it).
      const entered = await deliverLeadEvent(env, w.db, {
        workspaceId: w.ws.id,
        tableId: w.leadsId,
        rowId: rose,
        type: "signed-up",
      });
      expect(entered.enrolled).toBe(1);
      const { id: enrollmentId } = only(await listEnrollments(w.db, journeyId));
      await waitFor(async () => (await w.enrollment(enrollmentId))?.node === "wait1");
      await deliverLeadEvent(env, w.db, { workspaceId: w.ws.id, tableId: w.leadsId, rowId: rose, type: "clicked" });
      const handoff = await waitFor(async () => {
        const { rows } = await w.tables.handoffs.room.queryRows({ filters: [], sort: [], limit: 10, offset: 0 });
        return rows[0] ?? null;
      });
      await waitFor(async () => (await w.ledger(enrollmentId)).length === 2);
      await takeHandoff(env, w.db, w.ws.id, handoff.id, w.owner.email);

      const done = await w.settled(enrollmentId);
      expect(done.status).toBe("finished");
      const steps = await w.ledger(enrollmentId);
      expect(steps.map((s) => [s.nodeId, s.outcome])).toEqual([
        ["hello", "sent: email"],
        ["wait1", "event: clicked"],
        ["thanks", expect.stringMatching(/^handed off to .+: taken$/)],
        ["bye", "exit"],
      ]);
      expect((await w.outboxOf(1)).map((m) => m.channel)).toEqual(["email"]);
    },
    RUN_MS,
  );
});

describe("JourneyWorkflow — the prebuilt welcome series", () => {
  it(
    "runs for a lead with compressed waits through the outbox, keeping a cap shared with another journey",
    async () => {
      await instantSleeps();
      const w = await journeyWorkspace();
      // The workspace allows 3 messages a week (a second a week, compressed) and drops a fourth.
      await saveStoredSettings(
        w.db,
        w.ws.id,
        JOURNEY_SETTINGS_KEY,
        { caps: [{ channel: "any", max: 3, perDays: 7, over: "drop" }], quietHours: null, zone: "UTC" },
        null,
      );
      const ana = await w.lead({
        name: "Ana",
        email: "ana@shop.example",
        phone: "(512) 555-0111",
        company: "Ana's Shop",
      });
      const other = await w.publish({
        name: "Announcement",
        table: w.leadsId,
        entry: { kind: "manual" },
        start: "news",
        nodes: [
          { id: "news", kind: "send", channel: "email", template: { subject: "News", body: "News" }, next: "bye" },
          { id: "bye", kind: "exit" },
        ],
      });
      const welcomeSeries = PREBUILT_JOURNEYS.find((j) => j.key === "welcome")!;
      const journeyId = await w.publish(welcomeSeries.build({ leads: w.leadsId, businesses: null, dealerships: null }));
      const enroll = async (id: string) =>
        only(
          (await enrollRows(env, w.db, id, { tableId: w.leadsId, rowIds: [ana], compress: true, source: "manual" }))
            .enrolled,
        ).enrollmentId;
      await w.settled(await enroll(other));
      const enrollmentId = await enroll(journeyId);

      const done = await w.settled(enrollmentId);
      expect(done).toMatchObject({ status: "finished", capped: "dropped" });
      const steps = await w.ledger(enrollmentId);
      expect(steps.map((s) => [s.nodeId, s.outcome.split(" (")[0]])).toEqual([
        ["welcome", "sent: email"],
        ["wait-open", "timeout"],
        ["nudge", "sent: sms"],
        ["wait-content", "waited"],
        ["content", "capped: dropped"],
        ["wait-offer", "waited"],
        ["offer", "capped: dropped"],
        ["wait-click", "timeout"],
        ["replied", "no"],
        ["done", "exit"],
      ]);
      const sent = await w.outboxOf(3);
      expect(sent.map((m) => m.channel).sort()).toEqual(["email", "email", "sms"]);
      expect(sent.flatMap((m) => (m.channel === "email" ? [m.subject] : [])).sort()).toEqual(["News", "Welcome, Ana"]);

      // The funnel counts the run once per node, with what happened there.
      const record = (await readJourney(w.db, w.ws.id, journeyId))!;
      const funnel = await readAnalytics(w.db, record, null);
      expect(funnel).toMatchObject({ enrolled: 1, steps: steps.length });
      const at = (id: string) => funnel.nodes.find((n) => n.id === id)!;
      expect(at("welcome")).toMatchObject({ entered: 1, now: 0, outcomes: { "sent: email": 1 } });
      expect(at("nudge").outcomes).toEqual({ "sent: sms": 1 });
      expect(Object.keys(at("content").outcomes)).toEqual([expect.stringMatching(/^capped: dropped/)]);
      expect(funnel.edges).toContainEqual(expect.objectContaining({ from: "welcome", to: "wait-open", count: 1 }));
    },
    RUN_MS,
  );
});

describe("JourneyWorkflow — versions", () => {
  const twoWaits = (table: string, second: string): JourneyDefinitionInput => ({
    name: "Pinned",
    table,
    entry: { kind: "manual" },
    start: "hold",
    nodes: [
      { id: "hold", kind: "wait", until: { event: "go", timeoutSeconds: 3600 }, next: second, timeout: second },
      { id: second, kind: "goal", next: "bye" },
      { id: "bye", kind: "exit" },
    ],
  });

  it(
    "keeps a lead on the version it entered, and moves it to the same node of the latest on request",
    async () => {
      await instantSleeps();
      const w = await journeyWorkspace();
      const rose = await w.lead({ name: "Rose", email: "rose@bakery.example" });
      const sam = await w.lead({ name: "Sam", email: "sam@garage.example" });
      const journeyId = await w.publish(twoWaits(w.leadsId, "v1goal"));
      const enrolled = (
        await enrollRows(env, w.db, journeyId, {
          tableId: w.leadsId,
          rowIds: [sam, rose],
          compress: true,
          source: "manual",
        })
      ).enrolled;
      const stays = enrolled.find((e) => e.rowId === sam)!;
      const first = enrolled.find((e) => e.rowId === rose)!;
      for (const e of enrolled) await waitFor(async () => (await w.enrollment(e.enrollmentId))?.node === "hold");
      await w.publish(twoWaits(w.leadsId, "v2goal"), journeyId);

      // Sam goes on after version 2 is published, still on version 1's path.
      await (await env.JOURNEY.get(stays.enrollmentId)).sendEvent({ type: "go", payload: {} });
      await w.settled(stays.enrollmentId);
      const samSteps = await w.ledger(stays.enrollmentId);
      expect(samSteps.map((s) => [s.nodeId, s.version])).toEqual([
        ["hold", 1],
        ["v1goal", 1],
        ["bye", 1],
      ]);
      expect((await listEnrollments(w.db, journeyId)).find((e) => e.rowId === rose)).toMatchObject({
        version: 1,
        status: "active",
        node: "hold",
      });

      expect(await moveToLatest(env, w.db, journeyId)).toEqual({ moved: 1, restarted: 0 });
      expect(await w.enrollment(first.enrollmentId)).toMatchObject({
        status: "exited",
        exitReason: "moved to version 2",
      });
      const moved = (await listEnrollments(w.db, journeyId)).find((e) => e.status === "active")!;
      expect(moved).toMatchObject({ version: 2, rowId: rose });
      await waitFor(async () => (await w.enrollment(moved.id))?.node === "hold");
      await (await env.JOURNEY.get(moved.id)).sendEvent({ type: "go", payload: {} });
      await w.settled(moved.id);
      expect((await w.ledger(moved.id)).map((s) => s.nodeId)).toEqual(["hold", "v2goal", "bye"]);
      expect(await w.enrollment(moved.id)).toMatchObject({ source: "move", status: "finished" });
    },
    RUN_MS,
  );
});

describe("JourneyWorkflow — exactly-once step rows", () => {
  it(
    "writes one step row for a visit whose record step failed and was retried",
    async () => {
      const wf = await instantSleeps();
      await wf.modifyAll(async (m) => {
        await m.mockStepError({ name: "0:hello:record" }, new Error("D1 went away"), 1);
      });
      const w = await journeyWorkspace();
      const rose = await w.lead({ name: "Rose", email: "rose@bakery.example", score: 10 });
      const journeyId = await w.publish(welcome(w.leadsId));
      const { enrollmentId } = only(
        (
          await enrollRows(env, w.db, journeyId, {
            tableId: w.leadsId,
            rowIds: [rose],
            compress: true,
            source: "manual",
          })
        ).enrolled,
      );
      await w.settled(enrollmentId);
      const steps = await w.ledger(enrollmentId);
      expect(steps.filter((s) => s.nodeId === "hello")).toHaveLength(1);
      expect((await w.outbox()).filter((m) => m.channel === "email")).toHaveLength(1);

      // The record step running again (a retry after it wrote) leaves the rows as they were.
      const hello = steps[0]!;
      const again = {
        run: {
          enrollmentId,
          workspaceId: w.ws.id,
          journeyId,
          version: 1,
          tableId: w.leadsId,
          rowId: rose,
          compress: true,
        },
        seq: 0,
        nodeId: "hello",
        nodeKind: "send",
        nextNode: "wait1",
        outcome: "sent: email (again)",
        enteredAt: hello.enteredAt.getTime(),
        leftAt: Date.now(),
        leadName: "Rose",
      };
      await recordStep(env, w.db, again);
      await recordStep(env, w.db, again);
      expect((await w.ledger(enrollmentId)).filter((s) => s.seq === 0).map((s) => s.outcome)).toEqual(["sent: email"]);
      const rows = (await w.stepRows(enrollmentId)).filter((r) => r.key === `${enrollmentId}:0`);
      expect(rows.map((r) => r.outcome)).toEqual(["sent: email"]);
    },
    RUN_MS,
  );
});

describe("JourneyWorkflow — a send step run again", () => {
  it(
    "sends one message and takes one cap place when its step runs twice (a retry after it sent)",
    async () => {
      const w = await journeyWorkspace();
      const rose = await w.lead({ name: "Rose", email: "rose@bakery.example", score: 10 });
      const journeyId = await w.publish(welcome(w.leadsId));
      const definition = JourneyDefinition.parse(welcome(w.leadsId));
      const run: RunContext = {
        workspaceId: w.ws.id,
        journeyId,
        journeyName: "Welcome",
        version: 1,
        definition,
        enrollmentId: crypto.randomUUID(),
        seq: 0,
        tableId: w.leadsId,
        rowId: rose,
        row: { Name: "Rose", Email: "rose@bakery.example", Score: 10 },
        compress: true,
        channelsUsed: [],
      };
      const hello = definition.nodes.find((n) => n.id === "hello") as NodeOf<"send">;
      const first = await runSendNode(env, run, hello);
      const second = await runSendNode(env, run, hello);
      expect([first.outcome, second.outcome]).toEqual(["sent: email", "sent: email"]);
      expect(await w.outboxOf(1)).toHaveLength(1);
      const touches = await env.DB.prepare("SELECT id FROM lead_touch WHERE row_id = ?1").bind(rose).all();
      expect(touches.results).toHaveLength(1);
    },
    RUN_MS,
  );
});

describe("JourneyWorkflow — caps across journeys", () => {
  const oneSend = (table: string, name: string, over: "defer" | "drop"): JourneyDefinitionInput => ({
    name,
    table,
    entry: { kind: "manual" },
    start: "mail",
    nodes: [
      {
        id: "mail",
        kind: "send",
        channel: "email",
        template: { subject: name, body: `From ${name}` },
        next: "bye",
        fallback: "dropped",
      },
      { id: "dropped", kind: "goal" },
      { id: "bye", kind: "exit" },
    ],
    caps: [{ channel: "any", max: 1, perSeconds: 3600, over }],
  });

  it(
    "defers a second journey's message under a shared cap, and drops it where the cap says drop",
    async () => {
      const w = await journeyWorkspace();
      const rose = await w.lead({ name: "Rose", email: "rose@bakery.example" });
      const first = await w.publish(oneSend(w.leadsId, "First", "defer"));
      const deferring = await w.publish(oneSend(w.leadsId, "Deferring", "defer"));
      const dropping = await w.publish(oneSend(w.leadsId, "Dropping", "drop"));
      const enroll = async (journeyId: string) =>
        only(
          (
            await enrollRows(env, w.db, journeyId, {
              tableId: w.leadsId,
              rowIds: [rose],
              compress: true,
              source: "manual",
            })
          ).enrolled,
        ).enrollmentId;

      const sent = await enroll(first);
      await w.settled(sent);
      const dropped = await enroll(dropping);
      expect(await w.settled(dropped)).toMatchObject({ capped: "dropped", status: "finished" });
      expect((await w.ledger(dropped)).map((s) => [s.nodeId, s.outcome.split(" (")[0]])).toEqual([
        ["mail", "capped: dropped"],
        ["dropped", "goal"],
      ]);
      const deferred = await enroll(deferring);
      // Deferred to when the hour-long window frees a place: it sleeps there, still in the journey.
      await waitFor(async () => (await w.ledger(deferred)).length >= 1);
      expect(await w.enrollment(deferred)).toMatchObject({ capped: "deferred", status: "active", node: "mail" });
      expect((await w.ledger(deferred)).map((s) => [s.nodeId, s.outcome, s.nextNode])).toEqual([
        ["mail", "capped: deferred", "mail"],
      ]);
      expect(await endEnrollment(env, w.db, deferred, "exited", "test over")).toBe(true);
      expect(await endEnrollment(env, w.db, deferred, "exited", "test over")).toBe(false);
      expect((await w.outboxOf(1)).map((m) => m.text.split("\n")[0])).toEqual(["From First"]);
    },
    RUN_MS,
  );
});

describe("JourneyWorkflow — a lead with no address", () => {
  it(
    "follows the fallback edge with the outcome saying what is missing",
    async () => {
      await instantSleeps();
      const w = await journeyWorkspace();
      const nobody = await w.lead({ name: "No Email Roofing" });
      const journeyId = await w.publish({
        name: "Fallback",
        table: w.leadsId,
        entry: { kind: "manual" },
        start: "mail",
        nodes: [
          { id: "mail", kind: "send", channel: "email", template: { body: "Hello" }, next: "bye", fallback: "call" },
          { id: "call", kind: "goal", next: "bye" },
          { id: "bye", kind: "exit" },
        ],
      });
      const { enrollmentId } = only(
        (
          await enrollRows(env, w.db, journeyId, {
            tableId: w.leadsId,
            rowIds: [nobody],
            compress: true,
            source: "manual",
          })
        ).enrolled,
      );
      await w.settled(enrollmentId);
      const [mail] = await w.ledger(enrollmentId);
      expect(mail).toMatchObject({ nodeId: "mail", nextNode: "call" });
      expect(mail?.outcome).toMatch(/^no address: The recipient has no email address/);
      expect(await w.outbox()).toEqual([]);
    },
    RUN_MS,
  );

  it(
    "skips a row that was in a never-re-enter journey before, and a row that is not in the table",
    async () => {
      const w = await journeyWorkspace();
      const rose = await w.lead({ name: "Rose", email: "rose@bakery.example" });
      const journeyId = await w.publish(welcome(w.leadsId));
      const first = await enrollRows(env, w.db, journeyId, { tableId: w.leadsId, rowIds: [rose], source: "manual" });
      await endEnrollment(env, w.db, only(first.enrolled).enrollmentId, "exited", "replied");
      const again = await enrollRows(env, w.db, journeyId, {
        tableId: w.leadsId,
        rowIds: [rose, "no-such-row"],
        source: "manual",
      });
      expect(again.enrolled).toEqual([]);
      expect(again.skipped).toEqual([
        { rowId: rose, reason: "was in this journey before (re-entry: never)" },
        { rowId: "no-such-row", reason: "no such row in the table" },
      ]);
    },
    RUN_MS,
  );
});

/** Polls `check` until it answers something truthy, or fails after a few seconds. */
async function waitFor<T>(check: () => Promise<T | null | false | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met after ${ms} ms`);
}

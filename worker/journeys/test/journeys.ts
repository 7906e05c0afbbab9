/**
 * A workspace ready to run journeys in workerd tests: a sender (so messages reach the outbox), the
 * "Leads and journeys" tables, leads, journeys written straight to D1 (a Journeys row, the
 * journey and its published versions) and what a test reads back: enrollments, step ledger rows,
 * Journey steps rows, the outbox.
 */
import { env } from "cloudflare:test";
import { and, asc, eq } from "drizzle-orm";
import { journey, journeyEnrollment, journeyStep, journeyVersion } from "../../../schema/db";
import { JourneyDefinition, type JourneyDefinitionInput } from "../../../schema/journeys";
import type { OutboxEntry } from "../../../schema/messaging-api";
import type { CellValue } from "../../../schema/tables";
import { getDb } from "../../db";
import { byKey, reader } from "../../kinds/tables";
import { listOutbox } from "../../messaging/outbox";
import { call, ownerWithWorkspace } from "../../test/http";
import { SENDER } from "../../test/messaging";
import { ensureJourneyTables } from "../tables";

const origin = { kind: "automation" as const, job: "journey-test" };

/** How long a test waits for an enrollment to end before failing with what it saw. */
const SETTLE_MS = 20_000;

export async function journeyWorkspace() {
  const { owner, ws, base } = await ownerWithWorkspace();
  const settings = await call(owner, "PATCH", `${base}/settings`, { sender: SENDER });
  if (settings.status !== 200) throw new Error(`settings: ${settings.status} ${await settings.text()}`);
  const db = getDb(env.DB);
  const tables = await ensureJourneyTables(env, db, ws.id, null);
  const leadsId = tables.ids.leads;

  /** A Leads row from cells by column key. */
  const lead = async (cells: Record<string, CellValue>) => {
    const inserted = await tables.leads.room.insertRow(byKey(tables.leads, cells), origin);
    if (!inserted.ok) throw new Error(`lead: ${inserted.message}`);
    return inserted.value;
  };

  /** Publishes `input` as the journey's next version (making the journey, active, the first time). */
  const publish = async (input: JourneyDefinitionInput, id?: string) => {
    const definition = JourneyDefinition.parse(input);
    const now = new Date();
    let journeyId = id;
    let version = 1;
    if (!journeyId) {
      const row = await tables.journeys.room.insertRow(byKey(tables.journeys, { name: definition.name }), origin);
      if (!row.ok) throw new Error(`journey row: ${row.message}`);
      journeyId = row.value;
      await db.insert(journey).values({
        id: journeyId,
        workspaceId: ws.id,
        name: definition.name,
        status: "active",
        draft: JSON.stringify(definition),
        version: 0,
        entryKind: definition.entry.kind,
        createdAt: now,
        updatedAt: now,
      });
    } else {
      const current = await db.query.journey.findFirst({ where: eq(journey.id, journeyId) });
      version = (current?.version ?? 0) + 1;
    }
    await db.insert(journeyVersion).values({
      journeyId,
      version,
      definition: JSON.stringify(definition),
      publishedAt: now,
    });
    await db
      .update(journey)
      .set({ version, draft: JSON.stringify(definition), updatedAt: now })
      .where(eq(journey.id, journeyId));
    return journeyId;
  };

  const enrollment = async (id: string) =>
    db.query.journeyEnrollment.findFirst({ where: eq(journeyEnrollment.id, id) });

  /** The enrollment once it is no longer active, or an error naming where it stood. */
  const settled = async (id: string, ms = SETTLE_MS) => {
    const until = Date.now() + ms;
    let last = await enrollment(id);
    while (Date.now() < until) {
      last = await enrollment(id);
      if (last && last.status !== "active") return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`enrollment ${id} still ${last?.status} at node ${last?.node} after ${ms} ms`);
  };

  /** The step ledger of an enrollment, in order. */
  const ledger = (enrollmentId: string) =>
    db.select().from(journeyStep).where(eq(journeyStep.enrollmentId, enrollmentId)).orderBy(asc(journeyStep.seq));

  /** The Journey steps table rows of an enrollment: key, node and outcome. */
  const stepRows = async (enrollmentId: string) => {
    const { rows } = await tables.steps.room.queryRows({ filters: [], sort: [], limit: 1000, offset: 0 });
    return rows
      .map((r) => reader(tables.steps, r.cells))
      .filter((r) => r.text("stepKey").startsWith(`${enrollmentId}:`))
      .map((r) => ({ key: r.text("stepKey"), node: r.text("node"), outcome: r.text("outcome") }));
  };

  /** What reached the outbox (sent messages, no provider configured). */
  const outbox = (): Promise<OutboxEntry[]> => listOutbox(env.FILES, ws.id);

  /** The outbox once it holds `count` messages, or an error after a few seconds. */
  const outboxOf = async (count: number, ms = SETTLE_MS) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const entries = await outbox();
      if (entries.length >= count) return entries;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the outbox held ${(await outbox()).length} messages after ${ms} ms, expected ${count}`);
  };

  const enrollments = (journeyId: string) =>
    db
      .select()
      .from(journeyEnrollment)
      .where(and(eq(journeyEnrollment.journeyId, journeyId)))
      .orderBy(asc(journeyEnrollment.enteredAt));

  return {
    owner,
    ws,
    base,
    db,
    tables,
    leadsId,
    lead,
    publish,
    enrollment,
    enrollments,
    settled,
    ledger,
    stepRows,
    outbox,
    outboxOf,
  };
}

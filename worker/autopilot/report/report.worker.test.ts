import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AutopilotSettings, type PhaseResult } from "../../../schema/autopilot";
import { autopilotCycle, autopilotItem, leadEvent, paymentClaim, providerSpend } from "../../../schema/db";
import { newId } from "../../auth/tokens";
import { getDb } from "../../db";
import { reader } from "../../kinds/tables";
import { listOutbox } from "../../messaging/outbox";
import { ownerWithWorkspace } from "../../test/http";
import type { CycleContext } from "../context";
import { reportPhase } from "../phases/report";
import { findAutopilotTables } from "../tables";

const db = getDb(env.DB);
const DAY = "2026-11-20";
const at = (time: string) => new Date(`${DAY}T${time}Z`);

/** A day's worth of pipeline in D1, plus the same kinds of records the day before and after (not counted). */
async function seedDay(workspaceId: string) {
  const cycle = (id: string, startedAt: Date, phases: PhaseResult[]) => ({
    id,
    workspaceId,
    status: "finished",
    trigger: "schedule",
    plan: JSON.stringify(phases.map((p) => p.name)),
    phases: JSON.stringify(phases),
    startedAt,
    finishedAt: startedAt,
  });
  const failed = (name: PhaseResult["name"], causes: Record<string, number>): PhaseResult => ({
    name,
    done: 1,
    failed: Object.values(causes).reduce((a, b) => a + b, 0),
    skipped: 0,
    error: null,
    causes,
  });
  const c1 = `cyc_a${newId().toLowerCase().slice(0, 10)}`;
  const c2 = `cyc_b${newId().toLowerCase().slice(0, 10)}`;
  const c3 = `cyc_c${newId().toLowerCase().slice(0, 10)}`;
  await db
    .insert(autopilotCycle)
    .values([
      cycle(c1, at("06:00:00"), [failed("generation", { "quality checks": 1 }), failed("pitching", { "no email": 2 })]),
      cycle(c2, at("18:00:00"), [failed("pitching", { "no email": 1, "provider down": 1 })]),
      cycle(c3, new Date("2026-11-21T01:00:00Z"), [failed("pitching", { "no email": 9 })]),
    ]);
  const items: [string, string, string, Date][] = [
    ["scrape", "t1", "done", at("06:01:00")],
    ["scrape", "t2", "done", at("06:02:00")],
    ["qualify", "b1", "done", at("06:03:00")],
    ["qualify", "b2", "done", at("06:03:00")],
    ["qualify", "b3", "done", at("06:03:00")],
    ["generate", "s1", "done", at("07:00:00")],
    ["generate", "s2", "failed", at("07:00:00")],
    ["retry-site", "s3", "done", at("07:10:00")],
    ["publish", "s1", "done", at("08:00:00")],
    ["pitch", "m1", "done", at("09:00:00")],
    ["send", "m1", "done", at("09:30:00")],
    ["send", "m0", "done", new Date("2026-11-19T23:59:00Z")],
  ];
  await db
    .insert(autopilotItem)
    .values(
      items.map(([action, itemId, state, when]) => ({ workspaceId, action, itemId, cycleId: c1, state, at: when })),
    );
  const event = (type: string, rowId: string, when: Date) => ({
    id: newId(),
    workspaceId,
    tableId: "tbl_leads",
    rowId,
    type,
    at: when,
  });
  await db
    .insert(leadEvent)
    .values([
      event("opened", "r1", at("10:00:00")),
      event("opened", "r1", at("11:00:00")),
      event("opened", "r2", at("12:00:00")),
      event("clicked", "r1", at("10:05:00")),
      event("replied", "r2", at("13:00:00")),
      event("opened", "r3", new Date("2026-11-21T00:00:01Z")),
    ]);
  const claim = (state: string, createdAt: Date, updatedAt: Date) => ({
    id: newId(),
    workspaceId,
    claimKey: `${newId()}:owner@example.com`,
    siteId: "s1",
    siteSlug: "larkbrook",
    businessName: "Larkbrook Plumbing",
    planId: "basic",
    setupCents: 7900,
    monthlyCents: 2900,
    currency: "USD",
    name: "Ana",
    email: "owner@example.com",
    phone: "+15125550100",
    state,
    createdAt,
    updatedAt,
  });
  await db
    .insert(paymentClaim)
    .values([
      claim("paid", at("14:00:00"), at("14:05:00")),
      claim("open", at("15:00:00"), at("15:00:00")),
      claim("creating", at("16:00:00"), at("16:00:00")),
    ]);
  await db.insert(providerSpend).values([
    { workspaceId, day: DAY, provider: "outscraper", amount: 1.25, units: 2 },
    { workspaceId, day: DAY, provider: "anthropic", amount: 0.5, units: 3 },
    { workspaceId, day: "2026-11-21", provider: "anthropic", amount: 9, units: 3 },
  ]);
}

async function reportRows(workspaceId: string) {
  const tables = await findAutopilotTables(env, db, workspaceId);
  const { rows } = await tables!.reports.room.queryRows({ filters: [], sort: [], limit: 50, offset: 0 });
  return rows.map((r) => {
    const cell = reader(tables!.reports, r.cells);
    const figures = ["scraped", "qualified", "generated", "published", "pitched", "opened", "clicked", "replied"];
    return {
      day: cell.text("day"),
      ...Object.fromEntries(figures.map((k) => [k, cell.number(k)])),
      claimed: cell.number("claimed"),
      paid: cell.number("paid"),
      spend: cell.number("spend"),
      failures: cell.text("failures"),
      emailed: cell.text("emailed"),
    };
  });
}

describe("Autopilot daily report", () => {
  it("writes the day before's figures in one Daily reports row and one email, never twice", async () => {
    const { ws } = await ownerWithWorkspace();
    await seedDay(ws.id);
    const ctx: CycleContext = {
      env,
      db,
      workspaceId: ws.id,
      cycleId: "cyc_testreport01",
      settings: AutopilotSettings.parse({}),
      startedAt: new Date("2026-11-21T03:00:00Z"),
      actorId: null,
    };

    const first = await reportPhase(ctx);
    expect(first).toMatchObject({ name: "report", done: 1, failed: 0 });
    const rows = await reportRows(ws.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      day: DAY,
      scraped: 2,
      qualified: 3,
      generated: 2,
      published: 1,
      pitched: 1,
      opened: 2,
      clicked: 1,
      replied: 1,
      claimed: 2,
      paid: 1,
      spend: 1.75,
      failures: "pitching: no email × 3\ngeneration: quality checks × 1\npitching: provider down × 1",
    });
    expect(rows[0]?.emailed).toMatch(/@/);
    const emails = (await listOutbox(env.FILES, ws.id)).filter((e) => e.subject === `Autopilot daily report, ${DAY}`);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain("Scraped 2 · qualified 3 · generated 2 · published 1 · pitched 1");

    const again = await reportPhase({
      ...ctx,
      cycleId: "cyc_testreport02",
      startedAt: new Date("2026-11-21T09:00:00Z"),
    });
    expect(again).toMatchObject({ done: 0, counts: { alreadyReported: 1 } });
    expect(await reportRows(ws.id)).toHaveLength(1);
    expect((await listOutbox(env.FILES, ws.id)).filter((e) => e.subject?.startsWith("Autopilot daily"))).toHaveLength(
      1,
    );
  });
});

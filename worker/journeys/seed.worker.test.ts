/**
 * The demo's journeys seed, run through the real API in workerd: sample leads, the prebuilt
 * journeys with the welcome series active, and the (off) rule making qualified businesses leads.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import type { JourneyItem } from "../../schema/journeys";
import { getDb } from "../db";
import { tableRoom } from "../durable/table-room";
import { idOfKind } from "../kinds/tables";
import { call, json, ownerWithWorkspace } from "../test/http";
import { seedJourneys } from "./demo";
import { findJourneyTables } from "./tables";

describe("the demo's journeys seed", () => {
  it("adds eight leads and the prebuilt journeys (the welcome series active, entered by hand) and an off rule on Businesses", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    // The demo has Businesses (the hunting seed runs first): a territory makes the hunting tables.
    const territory = await call(owner, "POST", "/api/territories", { query: "plumber", location: { zip: "78701" } });
    expect(territory.status).toBe(201);
    const seedCall = async (method: string, path: string, body?: unknown) => {
      const res = await call(owner, method, `/api${path}`, body);
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return json(res);
    };
    expect(await seedJourneys(seedCall, owner.email)).toMatch(/^Seeded 8 sample leads/);
    const journeys = await json<JourneyItem[]>(await call(owner, "GET", "/api/journeys"));
    expect(journeys.length).toBeGreaterThanOrEqual(5);
    const active = journeys.filter((j) => j.status === "active");
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ version: 1, published: { entry: { kind: "manual" } } });
    expect(journeys.filter((j) => j.status === "draft")).toHaveLength(journeys.length - 1);
    const tables = (await findJourneyTables(env, getDb(env.DB), ws.id))!;
    const { rows } = await tables.leads.room.queryRows({ filters: [], sort: [], limit: 50, offset: 0 });
    expect(rows).toHaveLength(8);
    const businesses = (await idOfKind(getDb(env.DB), ws.id, HUNTING_KINDS.businesses))!;
    const rules = await tableRoom(env, businesses).listRules();
    expect(rules.find((r) => r.id === "qualified-leads")).toMatchObject({
      name: "Qualified businesses become leads",
      enabled: false,
      action: { name: "lead" },
    });
  });
});

import { describe, expect, it } from "vitest";
import { HUNTING_TABLES } from "../../schema/hunting-tables";
import { JourneyDefinition, JourneySettings } from "../../schema/journeys";
import { JOURNEYS_TABLES } from "../../schema/journeys-tables";
import { simulate } from "./simulate";
import { PREBUILT_JOURNEYS } from "./templates";
import { validateDefinition } from "./validate";

const LEADS = JOURNEYS_TABLES.leads.columns.map((c) => c.name);
const BUSINESSES = HUNTING_TABLES.businesses.columns.map((c) => c.name);
const TABLES = { leads: "tbl_leads", businesses: "tbl_biz", dealerships: "tbl_dealers" };
const columnsOf = (table: string) => (table === "tbl_biz" ? BUSINESSES : LEADS);
const prebuilt = (key: string) => JourneyDefinition.parse(PREBUILT_JOURNEYS.find((j) => j.key === key)!.build(TABLES));
const settings = JourneySettings.parse({});
const now = Date.parse("2026-03-02T15:30:00Z");
const lead = {
  Name: "Ana Ruiz",
  Email: "ana@example.com",
  Phone: "+15125550100",
  Company: "Ruiz Roofing",
  Location: "Austin, TX",
};

describe("journeys — prebuilt journeys", () => {
  it("offers the welcome series, re-engagement, fast track, geographic and pitch journeys", () => {
    expect(PREBUILT_JOURNEYS.map((j) => j.key)).toEqual([
      "welcome",
      "re-engagement",
      "fast-track",
      "geographic",
      "pitch",
    ]);
  });

  for (const journey of PREBUILT_JOURNEYS) {
    for (const tables of [TABLES, { leads: "tbl_leads", businesses: null, dealerships: null }]) {
      it(`${journey.name} parses and publishes clean (${tables.businesses ? "with" : "without"} hunting tables)`, () => {
        const def = JourneyDefinition.parse(journey.build(tables));
        expect(validateDefinition(def, columnsOf(def.table))).toEqual([]);
        for (const node of def.nodes) expect(def.layout?.[node.id], `layout of ${node.id}`).toBeDefined();
      });
    }
  }

  it("welcome series: an SMS on day 2 only when the welcome was not opened", () => {
    const def = prebuilt("welcome");
    const unopened = simulate(def, { events: [] }, { row: lead, settings, now });
    expect(unopened.messages.map((m) => `${m.node}:${m.channel}`)).toEqual([
      "welcome:email",
      "nudge:sms",
      "content:email",
      "offer:email",
    ]);
    expect(unopened.path.find((s) => s.node === "nudge")!.at).toBe(2 * 86_400);
    expect(unopened.path.find((s) => s.node === "offer")!.at).toBe(7 * 86_400);
    expect(unopened.ended).toBe("exit");
    const opened = simulate(
      def,
      {
        events: [
          { type: "opened", afterSeconds: 3600 },
          { type: "clicked", afterSeconds: 6 * 86_400 },
        ],
      },
      { row: lead, settings, now },
    );
    expect(opened.messages.map((m) => m.node)).not.toContain("nudge");
    expect(opened.ended).toBe("goal");
  });

  it("pitch journey: runs on Businesses, SMS and a person when clicked without claiming", () => {
    const def = prebuilt("pitch");
    expect(def.table).toBe("tbl_biz");
    expect(def.exitOn).toEqual(["claimed", "unsubscribed", "replied"]);
    const clicked = simulate(
      def,
      { events: [{ type: "clicked", afterSeconds: 86_400 }] },
      { row: lead, settings, now },
    );
    expect(clicked.path.map((s) => s.node)).toEqual([
      "site",
      "pitch",
      "wait-open",
      "follow-up",
      "wait-click",
      "claimed",
      "sms",
      "handoff",
      "done",
    ]);
    const claimed = simulate(
      def,
      { events: [{ type: "claimed", afterSeconds: 86_400 }] },
      { row: lead, settings, now },
    );
    expect(claimed.ended).toBe("exit");
    expect(claimed.messages.map((m) => m.node)).toEqual(["pitch"]);
  });

  it("fast track sends a calendar link and hands the lead to the owner", () => {
    const answer = simulate(prebuilt("fast-track"), { events: [] }, { row: lead, settings, now });
    expect(answer.messages.map((m) => m.body).join("\n")).toContain("https://cal.com/your-team");
    expect(answer.path.map((s) => s.outcome)).toContain("taken (test run)");
  });

  it("geographic journey messages a Texas lead by region and alerts dealer leads", () => {
    const def = prebuilt("geographic");
    const dealerLead = { ...lead, Source: "tbl_dealers:row_9" };
    const answer = simulate(def, { events: [] }, { row: dealerLead, settings, now });
    expect(answer.messages.map((m) => m.node)).toEqual(["texas", "dealer-alert"]);
    expect(answer.messages[1]!.body).toContain("Ruiz Roofing");
    const elsewhere = simulate(def, { events: [] }, { row: { ...lead, Location: "Denver, CO" }, settings, now });
    expect(elsewhere.messages.map((m) => m.node)).toEqual(["elsewhere"]);
  });
});

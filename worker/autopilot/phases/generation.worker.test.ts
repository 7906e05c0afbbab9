import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { autopilotItem } from "../../../schema/db";
import { qualityKey } from "../../sites/quality-store";
import { findSites } from "../../sites/tables";
import { workspaceWithQualified } from "../../test/autopilot-sites";
import { MAX_SITE_RETRIES } from "../sites";
import { generationPhase } from "./generation";

const BAKERIES = [
  { name: "Alpha Bakery", email: "alpha@bakery.example", rating: 4.9, reviews: 400 },
  { name: "Bravo Bakery", email: "bravo@bakery.example", rating: 4.8, reviews: 300 },
  { name: "Charlie Bakery", email: "charlie@bakery.example", rating: 4.7, reviews: 200 },
  { name: "Delta Bakery", email: "delta@bakery.example", rating: 4.6, reviews: 100 },
  { name: "Echo Bakery", email: "echo@bakery.example", rating: 4.5, reviews: 50 },
];

describe("Autopilot — the generation phase", () => {
  it("generates up to its cap for the best qualified businesses, publishes up to its cap, and never twice in a cycle", async () => {
    const t = await workspaceWithQualified(BAKERIES);
    const caps = { caps: { generate: 2, publish: 1, retrySites: 1 } };

    const first = await generationPhase(t.context("cyc_gen_1", caps));
    expect(first).toMatchObject({ done: 3, failed: 0, error: null });
    expect(first.counts).toEqual({ retried: 0, generated: 2, published: 1 });
    // Three qualified businesses wait for a site, one site for publishing.
    expect(first.skipped).toBe(4);
    const sites = await t.siteRows();
    expect(sites.map((s) => s.cell("status")).sort()).toEqual(["published", "review"]);
    const businesses = await t.businessRows();
    const byName = (name: string) => businesses.find((b) => b.cell("name") === name)!;
    for (const name of ["Alpha Bakery", "Bravo Bakery"]) {
      expect(byName(name).cell("leadStatus")).toBe("site generated");
      expect(byName(name).cell("autopilot")).toMatch(/^Site (generated|published at \S+) · cycle cyc_gen_1 · /);
    }
    expect(byName("Charlie Bakery").cell("leadStatus")).toBe("qualified");
    expect(byName("Charlie Bakery").cell("autopilot")).toBe("");

    // The same cycle run again (a retried step) counts what it did and does nothing more.
    const again = await generationPhase(t.context("cyc_gen_1", caps));
    expect(again.counts).toEqual(first.counts);
    const sitesAfter = await t.siteRows();
    expect(sitesAfter).toHaveLength(2);
    expect(sitesAfter.map((s) => s.cell("version"))).toEqual(["1", "1"]);

    // The next cycle goes on with the rest: the next two businesses, and the site left in review.
    const second = await generationPhase(t.context("cyc_gen_2", caps));
    expect(second.counts).toEqual({ retried: 0, generated: 2, published: 1 });
    const names = (await t.businessRows()).filter((b) => b.cell("leadStatus") === "site generated");
    expect(names.map((b) => b.cell("name")).sort()).toEqual([
      "Alpha Bakery",
      "Bravo Bakery",
      "Charlie Bakery",
      "Delta Bakery",
    ]);
    expect((await t.siteRows()).filter((s) => s.cell("status") === "published")).toHaveLength(2);
  }, 180_000);

  it("retries failed sites up to its cap and a site at most MAX_SITE_RETRIES times", async () => {
    const t = await workspaceWithQualified(BAKERIES.slice(0, 3));
    await generationPhase(t.context("cyc_retry_0", { caps: { generate: 3, publish: 0 } }));
    const sites = await t.siteRows();
    expect(sites).toHaveLength(3);
    const sitesTable = (await findSites(env, t.db, t.ws.id))!;
    const failAll = async () => {
      const failed = await sitesTable.room.patchRows(
        sites.map((s) => ({ id: s.id, cells: { [sitesTable.keys.status!]: "failed" } })),
        { kind: "automation", job: "test" },
      );
      if (!failed.ok) throw new Error(failed.message);
    };
    await failAll();

    const retried = await generationPhase(
      t.context("cyc_retry_1", { caps: { retrySites: 2, generate: 0, publish: 0 } }),
    );
    expect(retried.counts).toMatchObject({ retried: 2 });
    // One failed site waits for a later cycle, and the two made again wait for publishing (cap 0).
    expect(retried.skipped).toBe(3);
    const after = await t.siteRows();
    expect(after.filter((s) => s.cell("status") === "review")).toHaveLength(2);
    expect(after.filter((s) => s.cell("version") === "2")).toHaveLength(2);

    // A site retried MAX_SITE_RETRIES times already is left failed for a person.
    await failAll();
    const worn = sites[0]!.id;
    for (let i = 0; i < MAX_SITE_RETRIES; i++)
      await t.db
        .insert(autopilotItem)
        .values({
          workspaceId: t.ws.id,
          action: "retry-site",
          itemId: worn,
          cycleId: `cyc_old_${i}`,
          state: "failed",
          at: new Date(),
        })
        .onConflictDoNothing();
    const later = await generationPhase(t.context("cyc_retry_2", { caps: { retrySites: 5, generate: 0, publish: 0 } }));
    expect(later.counts).toMatchObject({ retried: 2 });
    expect((await t.siteRows()).find((s) => s.id === worn)!.cell("status")).toBe("failed");
  }, 180_000);

  it("leaves a version with quality findings in review for a person, once", async () => {
    const t = await workspaceWithQualified(BAKERIES.slice(0, 1));
    await generationPhase(t.context("cyc_q_0", { caps: { generate: 1, publish: 0 } }));
    const [site] = await t.siteRows();
    const report = JSON.parse(await (await env.FILES.get(qualityKey(t.ws.id, site!.id, 1)))!.text());
    await env.FILES.put(qualityKey(t.ws.id, site!.id, 1), JSON.stringify({ ...report, claimBar: false }));

    const refused = await generationPhase(t.context("cyc_q_1", { caps: { generate: 0, publish: 5 } }));
    expect(refused).toMatchObject({ done: 0, failed: 1, causes: { "quality checks": 1 } });
    const [row] = await t.siteRows();
    expect(row!.cell("status")).toBe("review");
    expect(row!.cell("autopilot")).toMatch(
      /^Not published: 1 quality finding\(s\) for a person to review · cycle cyc_q_1/,
    );

    const next = await generationPhase(t.context("cyc_q_2", { caps: { generate: 0, publish: 5 } }));
    expect(next).toMatchObject({ done: 0, failed: 0 });
    expect(next.counts).toMatchObject({ published: 0 });
  }, 180_000);
});

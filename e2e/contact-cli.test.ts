import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPORA, CORPUS_PROFILE, type ContactSites, rowpilot, startContactSites } from "./contact-sites";

let sites: ContactSites;
const dir = mkdtempSync(join(tmpdir(), "rowpilot-contact-test-"));
const profilePath = join(dir, "profile.json");
writeFileSync(profilePath, JSON.stringify(CORPUS_PROFILE));

const contact = (...args: string[]) => rowpilot(["contact", ...args]);

beforeAll(async () => {
  sites = await startContactSites();
});
afterAll(async () => {
  await sites?.stop();
});

describe("rowpilot contact", () => {
  it.each(CORPORA)(
    "reaches every dealer of %s with the outcome its site calls for, as its checker sees it",
    async (corpus) => {
      const corpusSites = corpus === "contact-sites" ? sites : await startContactSites(corpus);
      try {
        await corpusSites.reset();
        const all = await corpusSites.sites();
        const urls = all.flatMap(({ id }) => ["--url", corpusSites.url(id)]);
        const run = await contact(
          ...urls,
          "--profile",
          profilePath,
          "--json",
          "--concurrency",
          "3",
          "--screenshots",
          dir,
        );
        expect(run.code, run.stderr).toBe(0);
        const results = run.stdout
          .trim()
          .split("\n")
          .map(
            (line) =>
              JSON.parse(line) as { url: string; outcome: string; category: string | null; screenshots: string[] },
          );
        expect(results).toHaveLength(all.length);
        for (const { id, expected } of all) {
          const result = results.find((r) => r.url === corpusSites.url(id))!;
          expect({ id, got: result.category ?? result.outcome }).toEqual({ id, got: expected });
          expect(result.screenshots.length, id).toBeGreaterThan(0);
          for (const shot of result.screenshots) expect(existsSync(shot), shot).toBe(true);
        }
        const checked = await corpusSites.check();
        expect(checked.lines.filter((l) => l.includes(" FAIL "))).toEqual([]);
        expect(checked.passed).toBe(all.length);
      } finally {
        if (corpusSites !== sites) await corpusSites.stop();
      }
    },
    240_000,
  );

  it("fills without sending on --dry-run and says where each field went", async () => {
    await sites.reset();
    const run = await contact("--url", sites.url("redrock-nissan"), "--profile", profilePath, "--dry-run", "--json");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      submitted: boolean;
      fields: Record<string, string>;
      screenshots: string[];
    };
    expect(result.submitted).toBe(false);
    expect(Object.keys(result.fields).sort()).toEqual(
      ["department", "email", "firstName", "lastName", "message", "phone", "preferredContact"].sort(),
    );
    expect(result.screenshots).toHaveLength(1);
    expect(await sites.submissions()).toEqual([]);
  }, 60_000);

  it("explains a bad profile or URL instead of starting a browser", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...CORPUS_PROFILE, email: "not-an-email", phone: "12" }));
    const run = await contact("--url", sites.url("redrock-nissan"), "--profile", bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/email: .*\bemail\b/i);
    expect(run.stderr).toMatch(/phone: a phone number with at least 7 digits/);
    const ftp = await contact("--url", "ftp://dealer.example/", "--profile", profilePath);
    expect(ftp.code).toBe(1);
    expect(ftp.stderr).toMatch(/Only http and https/);
  }, 60_000);
});

import { env } from "cloudflare:test";
import { describe, expect, inject, it, vi } from "vitest";
import type {
  AttemptRecord,
  DealershipRecord,
  DiscoverResult,
  ProjectDetail,
  ProjectsDashboard,
} from "../../schema/projects";
import { type Client, call, json, ownerWithWorkspace } from "../test/http";

const sites = inject("contactSites");
const origin = `http://127.0.0.1:${sites.port}`;

const SENDER = {
  firstName: sites.profile.firstName,
  lastName: sites.profile.lastName,
  email: sites.profile.email,
  phone: sites.profile.phone,
  zip: sites.profile.zip,
};

async function project(owner: Client, slug: string, overrides: Record<string, unknown> = {}) {
  const api = (method: string, path: string, body?: unknown) =>
    call(owner, method, `/api/projects${path}${path.includes("?") ? "&" : "?"}workspace=${slug}`, body);
  const res = await api("POST", "", {
    name: "Family SUV",
    location: { zip: "78701" },
    radiusMiles: 150,
    makes: ["Toyota", "chevy", "Honda"],
    sender: SENDER,
    message: "Hello {{dealership.name}}, I am looking at a {{make}}. {{sender.name}}",
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`project creation failed: ${res.status} ${await res.text()}`);
  const { id } = await json<{ id: string; status: string }>(res);
  const detail = async () => json<ProjectDetail>(await api("GET", `/${id}`));
  const dealers = async (status?: string) =>
    (
      await json<{ dealerships: DealershipRecord[] }>(
        await api("GET", `/${id}/dealerships${status ? `?status=${status}` : ""}`),
      )
    ).dealerships;
  return { id, api, detail, dealers };
}

/** A CSV of dealers near Austin whose websites are the corpus's sites. */
function corpusCsv(ids: string[]): string {
  const rows = ids.map(
    (id, i) =>
      `"${id.replace(/-/g, " ")}",Toyota,${100 + i} Main St,Austin,TX,78701,(512) 555-01${String(i).padStart(2, "0")},${origin}/${id}/,${30.27 + i * 0.01},-97.74`,
  );
  return ["name,makes,address,city,state,zip,phone,website,latitude,longitude", ...rows].join("\n");
}

describe("projects API", () => {
  it("creates a draft from a ZIP and refuses bad places, makes and placeholders with clear messages", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const p = await project(owner, ws.slug);
    const detail = await p.detail();
    expect(detail).toMatchObject({ status: "draft", radiusMiles: 150, makes: ["Chevrolet", "Honda", "Toyota"] });
    expect(detail.center?.label).toMatch(/Austin, TX/);
    expect(detail.counts.total).toBe(0);

    const bad = async (body: Record<string, unknown>) => {
      const res = await p.api("POST", "", {
        name: "x",
        location: { zip: "78701" },
        makes: ["Toyota"],
        sender: SENDER,
        message: "hi",
        ...body,
      });
      return { status: res.status, message: (await json<{ error: { message: string } }>(res)).error.message };
    };
    expect(await bad({ location: { zip: "00000" } })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/00000/),
    });
    expect(await bad({ makes: ["Batmobile"] })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/Batmobile/),
    });
    expect(await bad({ message: "Hi {{dealer}}" })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/\{\{dealer\}\}/),
    });
    expect((await bad({ location: { zip: "7870" } })).status).toBe(400);
  });

  it("discovers sample dealers of the makes within the radius, and a second run adds none and keeps statuses", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const p = await project(owner, ws.slug, { radiusMiles: 60 });
    const first = await json<DiscoverResult>(await p.api("POST", `/${p.id}/discover`, { source: "sample" }));
    expect(first.found).toBeGreaterThan(0);
    expect(first.added).toBe(first.found);
    const dealers = await p.dealers();
    expect(dealers).toHaveLength(first.added);
    for (const d of dealers) {
      expect(d.distanceMiles).toBeLessThanOrEqual(60);
      expect(d.makes.some((m) => ["Toyota", "Chevrolet", "Honda"].includes(m))).toBe(true);
      expect(d.status).toBe("pending");
    }
    expect(dealers.map((d) => d.distanceMiles)).toEqual(
      [...dealers.map((d) => d.distanceMiles)].sort((a, b) => a! - b!),
    );

    const override = await p.api("POST", `/${p.id}/dealerships/${dealers[0]!.id}/override`, { note: "Called them" });
    expect(override.status).toBe(200);
    const again = await json<DiscoverResult>(await p.api("POST", `/${p.id}/discover`, { source: "sample" }));
    expect(again).toMatchObject({ found: first.found, added: 0, skipped: first.found });
    const detail = await p.detail();
    expect(detail.status).toBe("active");
    expect(detail.counts).toMatchObject({ total: first.found, manual_override: 1, pending: first.found - 1 });
    expect((await p.dealers("manual_override"))[0]!.notes).toMatch(/Called them/);

    // The sample directory's dealers are fictional: contacting them fails at once, and says why.
    await p.api("POST", `/${p.id}/automation/start`, {});
    const settled = await vi.waitFor(
      async () => {
        const all = await p.dealers();
        expect(all.filter((d) => ["queued", "running", "pending"].includes(d.status))).toEqual([]);
        return all;
      },
      { timeout: 60_000, interval: 500 },
    );
    for (const d of settled.filter((x) => x.status === "failed"))
      expect(d).toMatchObject({ category: "no_contact_page", reason: expect.stringMatching(/fictional dealer/) });
    expect((await json<{ queued: number }>(await p.api("POST", `/${p.id}/automation/retry-failed`))).queued).toBe(0);

    // A wider radius: discovery runs again where it looked last and adds the dealers it reaches.
    const wider = await json<ProjectDetail>(await p.api("PATCH", `/${p.id}`, { radiusMiles: 120 }));
    expect(wider.radiusMiles).toBe(120);
    expect(wider.counts.total).toBeGreaterThan(first.found);
    expect(wider.counts.manual_override).toBe(1);
  });

  it("never adds a dealer twice when discoveries overlap, and marks by hand only pending or failed dealers", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const p = await project(owner, ws.slug, { radiusMiles: 80 });
    const answers = await Promise.all([1, 2, 3].map(() => p.api("POST", `/${p.id}/discover`, { source: "sample" })));
    expect(answers.map((a) => a.status).sort()).toContain(200);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const dealers = await p.dealers();
    expect(new Set(dealers.map((d) => d.website)).size).toBe(dealers.length);
    const found = (await json<DiscoverResult>(answers.find((a) => a.status === 200)!)).found;
    expect(dealers).toHaveLength(found);

    const [first] = dealers;
    const once = await p.api("POST", `/${p.id}/dealerships/${first!.id}/override`, { note: "Called" });
    expect(once.status).toBe(200);
    const twice = await p.api("POST", `/${p.id}/dealerships/${first!.id}/override`, { note: "Called again" });
    expect(twice.status).toBe(409);
    expect((await json<{ error: { message: string } }>(twice)).error.message).toMatch(/manual_override/);
  });

  it("exports results as CSV that Excel will not run as formulas, and as XLSX", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const p = await project(owner, ws.slug);
    const csv = [
      "name,makes,address,city,state,zip,phone,website,latitude,longitude",
      '"=HYPERLINK(""http://evil.example"")",Toyota,1 Main St,Austin,TX,78701,5125550100,,30.27,-97.74',
      "Lone Star Honda,Honda,2 Main St,Austin,TX,78701,5125550101,https://lonestar.example/,30.28,-97.75",
      "Far Away Honda,Honda,3 Main St,El Paso,TX,79901,5125550102,https://far.example/,31.76,-106.49",
      "No Coordinates Honda,Honda,,,,,,,,",
    ].join("\n");
    const found = await json<DiscoverResult>(await p.api("POST", `/${p.id}/discover`, { source: "csv", csv }));
    expect(found).toMatchObject({ found: 2, added: 2 });
    expect(found.problems).toEqual([expect.stringMatching(/^line 5:/)]);

    const res = await p.api("GET", `/${p.id}/export?format=csv`);
    expect(res.headers.get("content-disposition")).toMatch(/Family SUV\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("Name,")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain("Lone Star Honda");

    const xlsx = await p.api("GET", `/${p.id}/export?format=xlsx`);
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("duplicates a project as a draft and deletes one with its dealerships", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const p = await project(owner, ws.slug, { radiusMiles: 30 });
    await p.api("POST", `/${p.id}/discover`, { source: "sample" });
    // An edit touches only what it names: archiving keeps the search (and finds no dealers again).
    const before = await p.detail();
    const archived = await json<ProjectDetail>(await p.api("PATCH", `/${p.id}`, { status: "archived" }));
    expect(archived).toMatchObject({ status: "archived", radiusMiles: 30, description: before.description });
    expect(archived.counts.total).toBe(before.counts.total);
    const paced = await json<ProjectDetail>(await p.api("PATCH", `/${p.id}`, { settings: { concurrency: 3 } }));
    expect(paced.settings).toEqual({ batchSize: before.settings.batchSize, concurrency: 3 });

    const copy = await json<{ id: string; status: string }>(await p.api("POST", `/${p.id}/duplicate`));
    expect(copy.status).toBe("draft");
    const copied = await json<ProjectDetail>(await p.api("GET", `/${copy.id}`));
    expect(copied).toMatchObject({ name: "Family SUV (copy)", radiusMiles: 30, counts: { total: 0 } });

    expect((await p.api("DELETE", `/${p.id}`)).status).toBe(204);
    expect((await p.api("GET", `/${p.id}`)).status).toBe(404);
    const board = await json<ProjectsDashboard>(await p.api("GET", ""));
    expect(board.projects.map((x) => x.id)).toEqual([copy.id]);
    const tableRows = await json<{ total: number }>(
      await call(owner, "GET", `/api/tables/${copied.tables.dealerships}/rows?limit=1`),
    );
    expect(tableRows.total).toBe(0);
  });
});

describe("outreach tables in the grid", () => {
  it("keeps the Projects row's counts as statuses change, and its buttons run project operations", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const p = await project(owner, ws.slug, { radiusMiles: 40 });
    const { tables } = await p.detail();
    type Table = { columns: { id: string; name: string; options: Record<string, unknown> }[] };
    const columns = async (id: string) => (await json<Table>(await call(owner, "GET", `/api/tables/${id}`))).columns;
    const projectCols = await columns(tables.projects);
    const dealerCols = await columns(tables.dealerships);
    const col = (cols: Table["columns"], key: string) => cols.find((c) => c.options.key === key)!.id;
    const projectCells = async () =>
      (
        await json<{ rows: { id: string; cells: Record<string, unknown> }[] }>(
          await call(owner, "GET", `/api/tables/${tables.projects}/rows?limit=10`),
        )
      ).rows.find((r) => r.id === p.id)!.cells;
    const press = (table: string, rowId: string, column: string) =>
      call(owner, "POST", `/api/tables/${table}/rows/${rowId}/buttons/${column}`);

    expect((await press(tables.projects, p.id, col(projectCols, "discover"))).status).toBe(202);
    const total = await vi.waitFor(
      async () => {
        const cells = await projectCells();
        expect(cells[col(projectCols, "total")]).toBeGreaterThan(0);
        expect(cells[col(projectCols, "status")]).toBe("active");
        return cells[col(projectCols, "total")] as number;
      },
      { timeout: 20_000, interval: 250 },
    );
    expect(await p.dealers()).toHaveLength(total);

    // A person sets a status in the grid: the project's counts follow.
    const [first, second] = await p.dealers();
    await call(owner, "PATCH", `/api/tables/${tables.dealerships}/rows/${first!.id}`, {
      cells: { [col(dealerCols, "status")]: "failed" },
    });
    expect((await press(tables.dealerships, second!.id, col(dealerCols, "markManual"))).status).toBe(202);
    await vi.waitFor(
      async () => {
        const cells = await projectCells();
        expect(cells[col(projectCols, "failed")]).toBe(1);
        expect(cells[col(projectCols, "manual")]).toBe(1);
        expect(cells[col(projectCols, "pending")]).toBe(total - 2);
      },
      { timeout: 20_000, interval: 250 },
    );
    expect((await p.dealers("manual_override"))[0]!.notes).toMatch(/by hand from the grid/);

    // A dealer left running by a worker that died is not sent again: the next Start fails it as unconfirmed.
    const third = (await p.dealers("pending"))[0]!;
    await call(owner, "PATCH", `/api/tables/${tables.dealerships}/rows/${third.id}`, {
      cells: { [col(dealerCols, "status")]: "running", [col(dealerCols, "lastAttempt")]: "2026-01-01T00:00:00.000Z" },
    });
    await p.api("POST", `/${p.id}/automation/start`, { dryRun: true });
    const interrupted = (await p.dealers()).find((d) => d.id === third.id)!;
    expect(interrupted).toMatchObject({ status: "failed", category: "submit_unconfirmed" });
    await p.api("POST", `/${p.id}/automation/stop`);
  });
});

describe("project contact automation", () => {
  it("contacts every dealer of the corpus through the queue, writes outcomes, screenshots and attempts, then override works", async () => {
    await fetch(`${origin}/__reset`, { method: "POST" });
    const { owner, ws } = await ownerWithWorkspace();
    const p = await project(owner, ws.slug, { settings: { batchSize: 3, concurrency: 2 } });
    const ids = sites.sites.map((s) => s.id);
    const found = await json<DiscoverResult>(
      await p.api("POST", `/${p.id}/discover`, { source: "csv", csv: corpusCsv(ids) }),
    );
    expect(found.added).toBe(ids.length);

    const start = await p.api("POST", `/${p.id}/automation/start`, {});
    expect(start.status).toBe(202);
    expect(await json(start)).toEqual({ queued: ids.length, dryRun: false });

    const final = await vi.waitFor(
      async () => {
        const d = await p.detail();
        expect(d.counts.queued + d.counts.running + d.counts.pending).toBe(0);
        return d;
      },
      { timeout: 240_000, interval: 1000 },
    );
    const dealers = await p.dealers();
    const expected = new Map(sites.sites.map((s) => [s.id.replace(/-/g, " "), s.expected]));
    for (const d of dealers) {
      const want = expected.get(d.name);
      if (want === "success") expect(d, d.name).toMatchObject({ status: "success", attempts: 1 });
      else expect(d, d.name).toMatchObject({ status: "failed", category: want, attempts: 1 });
      expect(d.screenshots.length, d.name).toBeGreaterThan(0);
      for (const shot of d.screenshots) expect(await env.FILES.head(shot.key), shot.key).not.toBeNull();
    }
    const successes = [...expected.values()].filter((e) => e === "success").length;
    expect(final.counts).toMatchObject({ success: successes, failed: ids.length - successes });
    expect(final.run?.secondsPerSite).toBeGreaterThan(0);
    expect(final.run?.etaSeconds).toBe(0);

    const submissions = (await (await fetch(`${origin}/__submissions`)).json()) as {
      site: string;
      accepted: boolean;
    }[];
    const accepted = new Set(submissions.filter((s) => s.accepted).map((s) => s.site));
    expect([...accepted].sort()).toEqual(
      sites.sites
        .filter((s) => s.expected === "success")
        .map((s) => s.id)
        .sort(),
    );

    const attempts = (await json<{ attempts: AttemptRecord[] }>(await p.api("GET", `/${p.id}/attempts?limit=50`)))
      .attempts;
    expect(attempts).toHaveLength(ids.length);
    expect(attempts.filter((a) => a.outcome === "success")).toHaveLength(successes);
    // Every success names its proof: the request that carried the form and the site's answer.
    for (const a of attempts.filter((x) => x.outcome === "success"))
      expect(a.evidence, a.dealershipName).toMatch(/^Request: POST .* → HTTP [23]\d\d; carried .*email/m);
    expect(attempts.every((a) => a.screenshots.length > 0 && a.durationMs! > 0)).toBe(true);

    // Retry failed takes only what a retry can fix: the form that refused the profile's details,
    // not the captcha, the block or the pages with no form. It fails the same way again.
    const retryable = sites.sites.filter((s) => s.expected === "validation_error").map((s) => s.id.replace(/-/g, " "));
    const retry = await json<{ queued: number }>(await p.api("POST", `/${p.id}/automation/retry-failed`));
    expect(retry.queued).toBe(retryable.length);
    await vi.waitFor(
      async () => {
        const d = await p.detail();
        expect(d.counts.queued + d.counts.running).toBe(0);
        expect((await p.dealers()).filter((x) => x.attempts === 2).map((x) => x.name)).toEqual(retryable);
      },
      { timeout: 60_000, interval: 1000 },
    );
    expect((await p.dealers("failed")).map((d) => d.category).sort()).toEqual(
      sites.sites
        .filter((s) => s.expected !== "success")
        .map((s) => s.expected)
        .sort(),
    );

    const failed = dealers.filter((d) => d.status === "failed");
    const bulk = await json<{ updated: number }>(
      await p.api("POST", `/${p.id}/dealerships/override`, {
        rowIds: failed.map((d) => d.id),
        note: "Phoned the sales desk",
      }),
    );
    expect(bulk.updated).toBe(failed.length);
    const after = await p.detail();
    expect(after.counts).toMatchObject({ failed: 0, manual_override: failed.length });
    expect(after.successRate).toBe(1);

    // Deleting the project takes its screenshots with it.
    expect((await p.api("DELETE", `/${p.id}`)).status).toBe(204);
    for (const table of [after.tables.dealerships, after.tables.attempts])
      expect((await env.FILES.list({ prefix: `contact/${table}/` })).objects).toEqual([]);
  }, 300_000);

  it("fills and screenshots without sending on a dry run, and leaves the dealers pending", async () => {
    await fetch(`${origin}/__reset`, { method: "POST" });
    const { owner, ws } = await ownerWithWorkspace();
    const p = await project(owner, ws.slug, { settings: { batchSize: 5, concurrency: 1 } });
    const ids = ["harbor-point-honda", "cypress-creek-buick"];
    await p.api("POST", `/${p.id}/discover`, { source: "csv", csv: corpusCsv(ids) });
    expect(await json(await p.api("POST", `/${p.id}/automation/start`, { dryRun: true }))).toEqual({
      queued: 2,
      dryRun: true,
    });
    await vi.waitFor(
      async () => {
        const d = await p.detail();
        expect(d.counts.queued + d.counts.running).toBe(0);
        expect(d.run?.dryRun).toBe(true);
      },
      { timeout: 60_000, interval: 500 },
    );
    const [harbor, cypress] = await Promise.all(
      ids.map(async (id) => (await p.dealers()).find((d) => d.name === id.replace(/-/g, " "))!),
    );
    expect(harbor).toMatchObject({ status: "pending", attempts: 1, reason: expect.stringMatching(/^Dry run/) });
    expect(harbor!.screenshots.map((s) => s.name)).toContain("before_submit.jpg");
    expect(cypress).toMatchObject({ status: "failed", category: "no_form" });
    const attempts = (await json<{ attempts: AttemptRecord[] }>(await p.api("GET", `/${p.id}/attempts`))).attempts;
    expect(attempts.map((a) => a.outcome).sort()).toEqual(["dry_run", "failure"]);
    expect(await (await fetch(`${origin}/__submissions`)).json()).toEqual([]);
  }, 120_000);
});

/**
 * Prompts as data, inside workerd: the Prompts table seeded with the default sections, a site job
 * building its prompts from the table's active rows (run directly against the Messages API
 * stand-in, as the generate-jobs consumer runs it), variants split between generations and
 * counted, publishing counted as a success once per version, and the site settings API.
 */
import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { DEFAULT_PROMPT_SECTIONS, DEFAULT_SITE_MAX_TOKENS, DEFAULT_SITE_MODELS } from "../../automation/sites/agents";
import { FAKE_API_KEY } from "../../automation/sites/agents/test/fake-messages-api";
import type { BusinessListRow } from "../../schema/hunting-api";
import { StageRecord } from "../../schema/site-agents";
import type { PromptListing } from "../../schema/site-prompts";
import type { TableDetail } from "../../schema/tables";
import { runSiteJob } from "../sites/jobs";
import { stagesKey } from "../sites/stages";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";

type Row = { id: string; cells: Record<string, unknown> };

/** A workspace with Rosa's Taquería (the stand-in's fixture business), its fallback site in review, and an Anthropic key. */
async function workspaceWithSite() {
  const { owner, ws, base } = await ownerWithWorkspace();
  const api = (method: string, path: string, body?: unknown) =>
    call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
  const { id } = await json<{ id: string }>(
    await api("POST", "/territories", { query: "restaurant", location: { zip: "78702" } }),
  );
  const csv = `name,category,phone,zip,rating,reviews\n"Rosa's Taquería",Mexican restaurant,(512) 555-0142,78702,4.8,312`;
  expect((await api("POST", `/territories/${id}/scrape`, { source: "csv", csv })).status).toBe(200);
  const [business] = (await json<{ rows: BusinessListRow[] }>(await api("GET", `/businesses?territory=${id}`))).rows;
  // Made without a key: the fallback version 1, at once, with no queued job to race the test's.
  const site = await json<{ siteId: string; version: number }>(
    await api("POST", "/sites/generate", { businessRowId: business!.rowId }),
  );
  expect(site.version).toBe(1);
  const key = await call(owner, "PATCH", `${base}/settings`, { secrets: { anthropicApiKey: FAKE_API_KEY } });
  expect(key.status).toBe(200);
  const huntingIds = await json<{ territories: string; businesses: string; runs: string }>(
    await api("GET", "/hunting/tables"),
  );
  const tables = await json<{ id: string; name: string }[]>(await api("GET", "/tables"));
  const sitesId = tables.find((t) => t.name === "Sites")!.id;
  const sitesTable = await json<TableDetail>(await call(owner, "GET", `/api/tables/${sitesId}`));
  const cell = (row: Row, name: string) => row.cells[sitesTable.columns.find((c) => c.name === name)!.id];
  const siteRow = async () => {
    const { rows } = await json<{ rows: Row[] }>(await call(owner, "GET", `/api/tables/${sitesId}/rows`));
    const row = rows.find((r) => r.id === site.siteId)!;
    return (name: string) => cell(row, name);
  };
  /** One generation by the agents, as the generate-jobs consumer runs it. */
  const generate = async (variant?: string) => {
    const queued = await call(owner, "PATCH", `/api/tables/${sitesId}/rows/${site.siteId}`, {
      cells: { Status: "queued" },
    });
    expect(queued.status).toBe(200);
    const job = {
      kind: "site" as const,
      workspaceId: ws.id,
      huntingIds,
      siteId: site.siteId,
      businessRowId: business!.rowId,
      ...(variant ? { variant } : {}),
    };
    await runSiteJob({ ...env, ANTHROPIC_BASE_URL: inject("fakeAnthropic").url }, job);
    return siteRow();
  };
  const prompts = async () => json<PromptListing>(await api("GET", "/sites/prompts"));
  const promptCells = async (tableId: string) => {
    const detail = await json<TableDetail>(await call(owner, "GET", `/api/tables/${tableId}`));
    const { rows } = await json<{ rows: Row[] }>(await call(owner, "GET", `/api/tables/${tableId}/rows`));
    return rows.map((row) => (name: string) => row.cells[detail.columns.find((c) => c.name === name)!.id]);
  };
  return { owner, ws, base, api, site, generate, siteRow, prompts, promptCells };
}

describe("sites — prompts as data", () => {
  it("seeds the Prompts table with every default section as version 1 of the default variant", async () => {
    const { prompts, promptCells } = await workspaceWithSite();
    const listing = await prompts();
    expect(listing.prompts.map((p) => [p.agent, p.section])).toEqual(
      DEFAULT_PROMPT_SECTIONS.map((s) => [s.agent, s.section]),
    );
    for (const p of listing.prompts) {
      expect(p).toMatchObject({ variant: "default", version: 1, active: true, uses: 0, successes: 0 });
    }
    const rows = await promptCells(listing.tableId);
    expect(rows.map((get) => get("Text"))).toEqual(DEFAULT_PROMPT_SECTIONS.map((s) => s.text));
    // No uses yet: the success rate is blank rather than 0 %.
    expect(rows.map((get) => get("Success rate") ?? null)).toEqual(rows.map(() => null));
    expect((await prompts()).tableId).toBe(listing.tableId);
  }, 90_000);

  it("fails a generation whose edited prompt has an unknown placeholder, before any model is called", async () => {
    const { owner, prompts, generate } = await workspaceWithSite();
    const listing = await prompts();
    const system = listing.prompts.find((p) => p.agent === "concept" && p.section === "system")!;
    const edited = await call(owner, "PATCH", `/api/tables/${listing.tableId}/rows/${system.id}`, {
      cells: { Text: "You are the Concept agent. Write in a {{tone}} voice." },
    });
    expect(edited.status).toBe(200);
    const row = await generate();
    expect(row("Status")).toBe("failed");
    expect(row("Error")).toMatch(
      /^Prompts, variant "default": Unknown placeholder in the Concept prompt: \{\{tone\}\} \(system\)/,
    );
    expect(row("Version")).toBe(1);
    expect((await prompts()).prompts.every((p) => p.uses === 0)).toBe(true);
  }, 90_000);

  it("splits two active variants between two generations and records each choice", async () => {
    const { owner, ws, api, site, prompts, promptCells, generate } = await workspaceWithSite();
    const listing = await prompts();
    const bold = DEFAULT_PROMPT_SECTIONS.filter((s) => s.agent === "concept").map((s) => ({
      cells: {
        Agent: s.agent,
        Section: s.section,
        Text: s.section === "system" ? `${s.text}\nBe bold.` : s.text,
        Version: 1,
        Variant: "bold",
        Active: true,
      },
    }));
    expect((await call(owner, "POST", `/api/tables/${listing.tableId}/rows`, { rows: bold })).status).toBe(201);
    // The workspace's models are the ones the agents run with.
    const settings = await api("PATCH", "/sites/settings", { models: { architect: "claude-opus-9-test" } });
    expect(settings.status).toBe(200);

    const first = await generate();
    const second = await generate();
    const conceptOf = (line: unknown) => /Concept: (\w+)/.exec(String(line))?.[1];
    expect(first("Status")).toBe("review");
    expect(second("Version")).toBe(3);
    expect(first("Prompt variants")).toMatch(
      /^Analyst: default · Concept: (default|bold) · Art Director: default · Architect: default$/,
    );
    expect([conceptOf(first("Prompt variants")), conceptOf(second("Prompt variants"))].sort()).toEqual([
      "bold",
      "default",
    ]);
    expect(second("Stages")).toMatch(/Architect: complete, claude-opus-9-test/);

    // The version's stage records name the variant and the rows it was built from.
    const file = await env.FILES.get(stagesKey(ws.id, site.siteId, 3));
    const records = StageRecord.array().parse(await file!.json());
    const concept = records.find((r) => r.stage === "concept")!;
    expect(concept.prompt?.variant).toBe(conceptOf(second("Prompt variants")));
    const used = (await prompts()).prompts.filter((p) => concept.prompt!.rowIds.includes(p.id));
    expect(used.map((p) => [p.variant, p.section])).toEqual([
      [concept.prompt!.variant, "system"],
      [concept.prompt!.variant, "instructions"],
      [concept.prompt!.variant, "output format"],
    ]);

    const after = await prompts();
    const uses = (agent: string, variant: string) =>
      after.prompts.filter((p) => p.agent === agent && p.variant === variant).map((p) => p.uses);
    expect(uses("analyst", "default")).toEqual([2, 2, 2]);
    expect(uses("concept", "default")).toEqual([1, 1, 1]);
    expect(uses("concept", "bold")).toEqual([1, 1, 1]);
    const lastUsed = (await promptCells(after.tableId)).map((get) => get("Last used"));
    expect(lastUsed.every((at) => typeof at === "string" && !Number.isNaN(Date.parse(at)))).toBe(true);

    // A variant a person asks for is used, though it is not the least used; one nobody has fails first.
    await generate("bold");
    // Now "bold" is the more used, so only the request makes it the choice.
    const asked = await generate("bold");
    expect(asked("Prompt variants")).toMatch(/Concept: bold/);
    const unknown = await generate("nope");
    expect(unknown("Status")).toBe("failed");
    expect(unknown("Error")).toBe('No active prompt has the variant "nope"');
  }, 120_000);

  it("counts a published version as one success of its prompts, however often it is published", async () => {
    const { api, site, prompts, promptCells, generate } = await workspaceWithSite();
    const successes = async () => (await prompts()).prompts.map((p) => p.successes);
    // Version 1 is the fallback's: publishing it counts for no prompt.
    expect((await api("POST", `/sites/${site.siteId}/publish`)).status).toBe(200);
    expect(new Set(await successes())).toEqual(new Set([0]));

    expect((await generate())("Version")).toBe(2);
    expect((await api("POST", `/sites/${site.siteId}/publish`)).status).toBe(200);
    expect(new Set(await successes())).toEqual(new Set([1]));
    await api("POST", `/sites/${site.siteId}/publish`);
    await api("POST", `/sites/${site.siteId}/unpublish`);
    await api("POST", `/sites/${site.siteId}/publish`);
    expect(new Set(await successes())).toEqual(new Set([1]));
    const listing = await prompts();
    const rates = (await promptCells(listing.tableId)).map((get) => get("Success rate"));
    expect(rates).toEqual(listing.prompts.map(() => 1));
  }, 120_000);
});

describe("sites — settings API", () => {
  it("reads the defaults, takes an owner's change and refuses bad values and non-owners", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const settings = (client: typeof owner, method: string, body?: unknown) =>
      call(client, method, `/api/sites/settings?workspace=${ws.slug}`, body);
    expect(await json(await settings(owner, "GET"))).toEqual({
      models: DEFAULT_SITE_MODELS,
      maxTokens: DEFAULT_SITE_MAX_TOKENS,
      allowBatchDelay: false,
      allowedHosts: [],
    });

    const changed = await settings(owner, "PATCH", {
      models: { concept: "claude-haiku-9-new" },
      maxTokens: { architect: 48_000 },
      allowBatchDelay: true,
      allowedHosts: ["Fonts.Example.com", "fonts.example.com", "cdn.typekit.net"],
    });
    expect(changed.status).toBe(200);
    const expected = {
      models: { ...DEFAULT_SITE_MODELS, concept: "claude-haiku-9-new" },
      maxTokens: { ...DEFAULT_SITE_MAX_TOKENS, architect: 48_000 },
      allowBatchDelay: true,
      allowedHosts: ["fonts.example.com", "cdn.typekit.net"],
    };
    expect(await json(changed)).toEqual(expected);
    expect(await json(await settings(owner, "GET"))).toEqual(expected);

    const refused = async (body: unknown, message: RegExp) => {
      const res = await settings(owner, "PATCH", body);
      expect(res.status).toBe(400);
      expect((await json<{ error: { message: string } }>(res)).error.message).toMatch(message);
    };
    await refused({ models: { analyst: "" } }, /^models\.analyst: a model name such as claude-sonnet-5-5, not empty/);
    await refused({ models: { analyst: "   " } }, /^models\.analyst: a model name/);
    await refused({ models: { designer: "claude-sonnet-5-5" } }, /designer/);
    await refused({ maxTokens: { architect: 100 } }, /^maxTokens\.architect: at least 256 tokens/);
    await refused({ maxTokens: { analyst: 64_001 } }, /^maxTokens\.analyst: at most 64,000 tokens/);
    await refused({ allowBatchDelay: "yes" }, /^allowBatchDelay: /);
    await refused({ allowedHosts: ["https://fonts.example.com/css"] }, /^allowedHosts\[0\]: a host name such as/);
    await refused({ allowedHosts: ["*.example.com"] }, /^allowedHosts\[0\]: a host name such as/);
    await refused({ temperature: 1 }, /temperature/);
    expect(await json(await settings(owner, "GET"))).toEqual(expected);

    const editor = await memberWithRole(owner, base, "editor");
    expect((await settings(editor, "GET")).status).toBe(200);
    const forbidden = await settings(editor, "PATCH", { allowBatchDelay: false });
    expect(forbidden.status).toBe(403);
    expect(await json(await settings(owner, "GET"))).toEqual(expected);
  }, 30_000);
});

/**
 * `/api/autopilot` through the real Worker: the status a viewer reads, settings editors change
 * (bad input named), the switch starting a cycle, "Run one cycle" answering 409 while one runs,
 * a cycle's record (404 from another workspace), and the audit trail.
 */
import { describe, expect, it } from "vitest";
import type { AutopilotStatus } from "../../schema/autopilot";
import { CYCLE_WAIT_MS, settledCycle } from "../autopilot/test/cycles";
import { type Client, call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import { HIDDEN_WEBHOOK } from "./autopilot";

function autopilot(client: Client, slug: string) {
  return (method: string, path: string, body?: unknown) =>
    call(client, method, `/api/autopilot${path}${path.includes("?") ? "&" : "?"}workspace=${slug}`, body);
}

type CycleAnswer = {
  id: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  phases: { name: string; done: number; failed: number; skipped: number; error: string | null }[];
};

describe("autopilot API", () => {
  it("shows a viewer the defaults: off, the brief's schedules and caps, no cycles yet", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const viewer = await memberWithRole(owner, base, "viewer");
    const res = await autopilot(viewer, ws.slug)("GET", "");
    expect(res.status).toBe(200);
    const status = await json<AutopilotStatus>(res);
    expect(status.settings).toMatchObject({ enabled: false, caps: { territories: 10, generate: 5, send: 20 } });
    expect(status.settings.schedules.scraping).toEqual({ enabled: true, everyMinutes: 360 });
    expect(status.nextRuns.map((r) => [r.schedule, r.nextRunAt])).toEqual([
      ["scraping", null],
      ["generation", null],
      ["sending", null],
      ["health", null],
      ["cleanup", null],
    ]);
    expect(status).toMatchObject({ running: null, cycles: [], alerts: [], cyclesTableId: null });
    expect(status.spend.map((s) => s.provider)).toContain("anthropic");
  });

  it("refuses viewers' changes and runs, and names the field of bad input", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const viewer = await memberWithRole(owner, base, "viewer");
    expect((await autopilot(viewer, ws.slug)("POST", "", { enabled: true })).status).toBe(403);
    expect((await autopilot(viewer, ws.slug)("POST", "/run")).status).toBe(403);
    expect((await autopilot({}, ws.slug)("GET", "")).status).toBe(401);

    const api = autopilot(owner, ws.slug);
    const bad = await api("POST", "", { enabled: false, caps: { generate: -1 } });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toMatch(/^caps\.generate: /);
    const noSwitch = await api("POST", "", { caps: { generate: 2 } });
    expect(noSwitch.status).toBe(400);
    expect((await json<{ error: { message: string } }>(noSwitch)).error.message).toMatch(/^enabled: /);
    const badSchedule = await api("POST", "", { enabled: false, schedules: { sending: { everyMinutes: 0 } } });
    expect(badSchedule.status).toBe(400);
    expect((await json<{ error: { message: string } }>(badSchedule)).error.message).toMatch(
      /schedules\.sending\.everyMinutes/,
    );
    expect((await api("GET", "/cycles/not-a-cycle")).status).toBe(400);
  });

  it("shows the alert webhook's address to editors only; viewers see that one is set", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const viewer = await memberWithRole(owner, base, "viewer");
    const hook = "https://hooks.example.com/services/T000/B000/secret";
    expect((await autopilot(owner, ws.slug)("POST", "", { enabled: false, alertWebhook: hook })).status).toBe(200);
    const seenBy = async (client: Client) =>
      (await json<AutopilotStatus>(await autopilot(client, ws.slug)("GET", ""))).settings.alertWebhook;
    expect(await seenBy(owner)).toBe(hook);
    expect(await seenBy(viewer)).toBe(HIDDEN_WEBHOOK);
  });

  it(
    "saves an editor's settings, starts a cycle when switched on, and audits the change",
    async () => {
      const { owner, ws, base } = await ownerWithWorkspace();
      const editor = await memberWithRole(owner, base, "editor");
      const res = await autopilot(editor, ws.slug)("POST", "", {
        enabled: true,
        caps: { generate: 2 },
        schedules: { sending: { enabled: false } },
        budgets: { anthropic: 5 },
      });
      expect(res.status).toBe(200);
      const status = await json<AutopilotStatus & { startedCycleId: string | null }>(res);
      expect(status.settings).toMatchObject({
        enabled: true,
        caps: { generate: 2, send: 20 },
        budgets: { anthropic: 5 },
      });
      expect(status.settings.schedules.sending).toEqual({ enabled: false, everyMinutes: 30 });
      expect(status.startedCycleId).toMatch(/^cyc_/);
      expect(status.running?.id).toBe(status.startedCycleId);
      expect(status.running?.trigger).toBe("switch");
      expect(status.cyclesTableId).not.toBeNull();
      expect(status.spend.find((s) => s.provider === "anthropic")).toMatchObject({ budget: 5, reached: false });
      await settledCycle(ws.id, status.startedCycleId!);

      // Saving again while on starts nothing.
      const again = await json<{ startedCycleId: string | null }>(
        await autopilot(editor, ws.slug)("POST", "", { enabled: true }),
      );
      expect(again.startedCycleId).toBeNull();
      const audit = await json<{ entries: { action: string }[] }>(await call(owner, "GET", `${base}/audit`));
      expect(audit.entries.filter((e) => e.action === "autopilot.settings-changed")).toHaveLength(2);
    },
    CYCLE_WAIT_MS + 5_000,
  );

  it(
    "runs one cycle, answers 409 with the running cycle's id to a second click, then reports the cycle's phases",
    async () => {
      const { owner, ws, base } = await ownerWithWorkspace();
      const api = autopilot(owner, ws.slug);
      const [first, second] = await Promise.all([api("POST", "/run"), api("POST", "/run")]);
      const answers = [first!, second!];
      const started = answers.find((r) => r.status === 202)!;
      const refused = answers.find((r) => r.status === 409)!;
      expect(started).toBeDefined();
      expect(refused).toBeDefined();
      const { cycleId } = await json<{ cycleId: string }>(started);
      expect(await json(refused)).toMatchObject({ cycleId, error: expect.stringContaining("already running") });

      await settledCycle(ws.id, cycleId);
      const res = await api("GET", `/cycles/${cycleId}`);
      expect(res.status).toBe(200);
      const cycle = await json<CycleAnswer>(res);
      expect(cycle).toMatchObject({ id: cycleId, status: "finished" });
      expect(cycle.finishedAt).not.toBeNull();
      expect(cycle.phases.map((p) => p.name)).toEqual([
        "health",
        "cleanup",
        "scraping",
        "generation",
        "pitching",
        "report",
      ]);
      expect(Object.keys(cycle.phases[0]!).sort()).toEqual(["done", "error", "failed", "name", "skipped"]);

      const status = await json<AutopilotStatus>(await api("GET", ""));
      expect(status.running).toBeNull();
      expect(status.cycles.map((c) => [c.id, c.trigger])).toEqual([[cycleId, "button"]]);
      // A whole cycle did every schedule's work: each counts again from its start.
      expect(status.nextRuns.every((r) => r.lastRunAt === cycle.startedAt)).toBe(true);

      const other = await ownerWithWorkspace("Other Agency");
      expect((await autopilot(other.owner, other.ws.slug)("GET", `/cycles/${cycleId}`)).status).toBe(404);
      const audit = await json<{ entries: { action: string; target: string }[] }>(
        await call(owner, "GET", `${base}/audit`),
      );
      expect(audit.entries).toContainEqual(
        expect.objectContaining({ action: "autopilot.cycle-started", target: cycleId }),
      );
    },
    CYCLE_WAIT_MS + 5_000,
  );

  it(
    "marks a cycle run with an API token as the API's, or the CLI's when it says so",
    async () => {
      const { owner, ws, base } = await ownerWithWorkspace();
      const created = await json<{ token: string }>(
        await call(owner, "POST", `${base}/tokens`, { name: "cli", role: "editor" }),
      );
      const api = autopilot({ token: created.token }, ws.slug);
      const first = await json<{ cycleId: string }>(await api("POST", "/run"));
      expect((await settledCycle(ws.id, first.cycleId)).trigger).toBe("api");
      const second = await json<{ cycleId: string }>(await api("POST", "/run?via=cli"));
      expect((await settledCycle(ws.id, second.cycleId)).trigger).toBe("cli");
    },
    CYCLE_WAIT_MS * 2,
  );
});

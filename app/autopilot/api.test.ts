import { afterEach, describe, expect, it, vi } from "vitest";
import { autopilotApi, autopilotClient, RUNNING_MESSAGE } from "./api";

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));

afterEach(() => vi.unstubAllGlobals());

describe("Run one cycle from the dashboard", () => {
  it("gives the new cycle's id", async () => {
    const fetch = answer(201, { cycleId: "cyc_abcdefgh1" });
    vi.stubGlobal("fetch", fetch);
    expect(await autopilotClient("demo").run()).toEqual({ ok: true, cycleId: "cyc_abcdefgh1" });
    expect(fetch).toHaveBeenCalledWith(
      "/api/autopilot/run?workspace=demo",
      expect.objectContaining({ method: "POST" }),
    );
  });

  it("says a cycle is running when the server answers 409", async () => {
    vi.stubGlobal("fetch", answer(409, { error: { status: 409, message: "cycle cyc_x is running" } }));
    expect(await autopilotClient("demo").run()).toEqual({ ok: false, message: RUNNING_MESSAGE });
    expect(RUNNING_MESSAGE).toBe("A cycle is running");
  });

  it("lets other failures through with the server's message", async () => {
    vi.stubGlobal("fetch", answer(403, { error: { status: 403, message: "Viewers cannot run cycles" } }));
    await expect(autopilotClient("demo").run()).rejects.toThrow("Viewers cannot run cycles");
  });

  it("names the workspace in every path", () => {
    expect(autopilotApi("la esquina", "/api/pipeline")).toBe("/api/pipeline?workspace=la+esquina");
  });
});

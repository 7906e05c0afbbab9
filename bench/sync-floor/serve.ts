/** Serves the sync floor (worker.ts) with `wrangler dev` on a free port, as Rowpilot is served. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitForHttp } from "../../scripts/run";
import { freePort } from "../../scripts/serve";

export async function serveFloor(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "rowpilot-floor-"));
  const args = ["dev", "-c", "bench/sync-floor/wrangler.jsonc", "--port", String(port)];
  const child: ChildProcess = spawn("wrangler", [...args, "--persist-to", state, "--log-level", "error"], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await exited;
    }
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `ws://127.0.0.1:${port}`, stop };
}

/** Serves the sync floor (worker.ts) with `wrangler dev` on a free port, as Rowpilot is served. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startWrangler } from "../../scripts/serve";

export async function serveFloor(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "rowpilot-floor-"));
  const args = ["dev", "-c", "bench/sync-floor/wrangler.jsonc", "--port", String(port)];
  const removeState = () => rmSync(state, { recursive: true, force: true });
  const wrangler = await startWrangler(
    [...args, "--persist-to", state, "--log-level", "error"],
    `http://127.0.0.1:${port}/`,
  ).catch((error: unknown) => {
    removeState();
    throw error;
  });
  const stop = async () => {
    await wrangler.stop();
    removeState();
  };
  return { url: `ws://127.0.0.1:${port}`, stop };
}

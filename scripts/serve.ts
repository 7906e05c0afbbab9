/**
 * The product served as `npm start` serves it (wrangler dev over the build, every binding local),
 * on a free port with its own empty state: for browser tests, socket tests and benchmarks.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fireCronsWhileRunning } from "./local-cron";
import { providerStandIns } from "./provider-urls";
import { run, waitForHttp } from "./run";
import { wranglerDevArgs } from "./wrangler-dev";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type Served = {
  url: string;
  state: string;
  /** The server's process group (wrangler and the workerd it runs), for benchmarks that measure its CPU. */
  group: number | undefined;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/**
 * Serves the current build on `port` with `state` as its storage (a new temp folder if absent);
 * `config` names another build's generated `server/wrangler.json` (a benchmark's private copy).
 * `env` is read for provider stand-ins (`OUTSCRAPER_URL`…) as `npm start` reads its environment;
 * `cron` fires the Worker's cron triggers on their schedules as `npm start` does.
 */
export async function serve(
  options: {
    port?: number;
    state?: string;
    secrets?: Record<string, string>;
    config?: string;
    env?: Record<string, string | undefined>;
    cron?: boolean;
  } = {},
): Promise<Served> {
  const state = options.state ?? mkdtempSync(join(tmpdir(), "rowpilot-e2e-"));
  const port = options.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state, "-c", "wrangler.jsonc"], {
    quiet: true,
  });
  const vars = {
    ROWPILOT_ENV: "local",
    APP_URL: url,
    ...(options.secrets ?? testSecrets()),
    ...providerStandIns(options.env ?? {}),
  };
  const args = wranglerDevArgs({ port, state, logLevel: "error", vars, config: options.config });
  const { child, stop } = await startWrangler(args, `${url}/sign-in`);
  if (options.cron) fireCronsWhileRunning(child, url);
  return { url, state, group: child.pid, stop };
}

/**
 * Runs `wrangler <args>` in a process group of its own until `readyUrl` answers (killed if it never
 * does); `stop` ends the group, wrangler and the workerd it runs.
 */
export async function startWrangler(
  args: string[],
  readyUrl: string,
): Promise<{ child: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> }> {
  const child: ChildProcess = spawn("wrangler", args, { stdio: ["ignore", "inherit", "inherit"], detached: true });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      await exited;
    }
  };
  try {
    await waitForHttp(readyUrl, 120_000);
  } catch (error) {
    await stop("SIGKILL");
    throw error;
  }
  return { child, stop };
}

export function testSecrets(): Record<string, string> {
  return { BETTER_AUTH_SECRET: randomBytes(32).toString("base64"), SETTINGS_KEY: randomBytes(32).toString("base64") };
}

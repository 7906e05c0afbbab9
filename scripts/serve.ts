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
import { run, waitForHttp } from "./run";

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
 */
export async function serve(
  options: { port?: number; state?: string; secrets?: Record<string, string>; config?: string } = {},
): Promise<Served> {
  const state = options.state ?? mkdtempSync(join(tmpdir(), "rowpilot-e2e-"));
  const port = options.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state, "-c", "wrangler.jsonc"], {
    quiet: true,
  });
  const vars = { ROWPILOT_ENV: "local", APP_URL: url, ...(options.secrets ?? testSecrets()) };
  const args = ["dev", "--port", String(port), "--persist-to", state, "--log-level", "error"];
  if (options.config) args.push("-c", options.config);
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
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
    await waitForHttp(`${url}/sign-in`, 120_000);
  } catch (error) {
    await stop("SIGKILL");
    throw error;
  }
  return { url, state, group: child.pid, stop };
}

export function testSecrets(): Record<string, string> {
  return { BETTER_AUTH_SECRET: randomBytes(32).toString("base64"), SETTINGS_KEY: randomBytes(32).toString("base64") };
}

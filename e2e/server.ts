/**
 * Global setup for browser tests: builds the app and serves it as `npm start` does (wrangler dev
 * over the build, every binding local), on a free port with its own empty state.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { run, waitForHttp } from "../scripts/run";

declare module "vitest" {
  interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export default async function setup(project: TestProject) {
  const state = mkdtempSync(join(tmpdir(), "rowpilot-e2e-"));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  await run("react-router", ["build"], { quiet: true });
  await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state, "-c", "wrangler.jsonc"], {
    quiet: true,
  });
  const vars = {
    ROWPILOT_ENV: "local",
    APP_URL: baseUrl,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    SETTINGS_KEY: randomBytes(32).toString("base64"),
  };
  const args = ["dev", "--port", String(port), "--persist-to", state, "--log-level", "error"];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const server: ChildProcess = spawn("wrangler", args, { stdio: ["ignore", "inherit", "inherit"], detached: true });
  try {
    await waitForHttp(`${baseUrl}/sign-in`, 120_000);
  } catch (error) {
    stop(server);
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  return () => {
    stop(server);
    rmSync(state, { recursive: true, force: true });
  };
}

function stop(server: ChildProcess) {
  if (server.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

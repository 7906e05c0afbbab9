/**
 * Local configuration: `.dev.vars` (read by wrangler and the Vite plugin) with fresh random
 * secrets, written once and never committed. Production secrets come from `wrangler secret put`.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const STATE_DIR = ".wrangler/state";
const DEV_VARS = ".dev.vars";

export function ensureLocalEnv(port: number): Record<string, string> {
  const vars = existsSync(DEV_VARS) ? parseVars(readFileSync(DEV_VARS, "utf8")) : {};
  const next = {
    ROWPILOT_ENV: "local",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    SETTINGS_KEY: randomBytes(32).toString("base64"),
    ...vars,
    APP_URL: `http://localhost:${port}`,
  };
  const text = `${Object.entries(next)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n")}\n`;
  if (!existsSync(DEV_VARS) || readFileSync(DEV_VARS, "utf8") !== text) writeFileSync(DEV_VARS, text, { mode: 0o600 });
  return next;
}

export function parseVars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match?.[1]) out[match[1]] = match[2]!.replace(/^"(.*)"$/, "$1");
  }
  return out;
}

export function portFromEnv(): number {
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  return port;
}

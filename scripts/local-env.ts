/**
 * Local configuration: `.dev.vars` (read by wrangler and the Vite plugin) with fresh random
 * secrets, written once and never committed, and the provider stand-ins of `npm run dev`.
 * Production secrets come from `wrangler secret put`.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { passedVarNames } from "./provider-urls";

export const STATE_DIR = ".wrangler/state";
const DEV_VARS = ".dev.vars";

/**
 * Writes `.dev.vars` for a server on `port` (see `localVars`); `standIns` as there. The CLI
 * passes none and so leaves a running dev server's stand-ins alone.
 */
export function ensureLocalEnv(port: number, standIns?: Record<string, string>): Record<string, string> {
  const before = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, "utf8") : null;
  const next = localVars(parseVars(before ?? ""), port, standIns && { standIns, names: passedVarNames() });
  const text = `${Object.entries(next)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n")}\n`;
  if (before !== text) writeFileSync(DEV_VARS, text, { mode: 0o600 });
  return next;
}

/**
 * What `.dev.vars` should hold, from what it holds: secrets kept (made once), `APP_URL` for the
 * port and, when `providers` is given, exactly its stand-ins among the provider URL `names`
 * (an earlier run's removed).
 */
export function localVars(
  vars: Record<string, string>,
  port: number,
  providers?: { standIns: Record<string, string>; names: string[] },
): Record<string, string> {
  const kept = { ...vars };
  if (providers) for (const name of providers.names) delete kept[name];
  return {
    ROWPILOT_ENV: "local",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    SETTINGS_KEY: randomBytes(32).toString("base64"),
    ...kept,
    ...providers?.standIns,
    APP_URL: `http://localhost:${port}`,
  };
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

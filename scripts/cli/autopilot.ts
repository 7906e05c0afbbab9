/**
 * `rowpilot autopilot --workspace <slug> --once | --status`: starts one cycle on the running local
 * server and prints each phase as it is recorded until the cycle ends, or prints the autopilot's
 * settings, next runs, last cycles, health and alerts. It reaches the server through its API with
 * a token it issues in the local database for the call and revokes afterwards.
 */
import { eq } from "drizzle-orm";
import type { AutopilotStatus, CycleRecord, PhaseResult } from "../../schema/autopilot";
import { apiToken } from "../../schema/db";
import { ensureLocalEnv, portFromEnv } from "../local-env";
import { cycleLine, phaseLine, statusLines } from "./autopilot-format";
import type { Command } from "./commands";
import { CliError, findWorkspace } from "./workspace-owner";

/** How often `--once` asks for the cycle's progress. */
const POLL_MS = 1_000;
/**
 * How long `--once` follows a cycle: every phase through all its retries (scraping 3 × 5 min
 * backing off…) can take over an hour; past this the cycle goes on and `--status` shows it.
 */
const FOLLOW_MS = 90 * 60_000;
/** One API call; the local server answers in well under a second. */
const CALL_TIMEOUT_MS = 30_000;

type Server = { origin: string; slug: string; token: string };

async function api<T>(server: Server, method: string, path: string): Promise<{ status: number; body: T }> {
  const url = `${server.origin}/api/autopilot${path}${path.includes("?") ? "&" : "?"}workspace=${server.slug}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${server.token}` },
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    if (cause === "ECONNREFUSED")
      throw new CliError(`The local server is not running on ${server.origin}: start it with \`npm start\` first`);
    throw new CliError(`${server.origin} did not answer ${method} ${path}: ${(error as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as T;
  return { status: res.status, body };
}

const messageOf = (body: unknown) => {
  const error = (body as { error?: unknown }).error;
  return typeof error === "string" ? error : ((error as { message?: string })?.message ?? JSON.stringify(body));
};

/** A token for this call only, issued in the local database (and revoked by `done`). */
async function withToken<T>(slug: string, work: (server: Server) => Promise<T>): Promise<T> {
  const port = portFromEnv();
  ensureLocalEnv(port);
  const { openLocal } = await import("../local-db");
  const { issueApiToken } = await import("../../worker/api/tokens");
  const local = await openLocal();
  try {
    const ws = await findWorkspace(local.db, slug);
    const { token, row } = await issueApiToken(local.db, {
      workspaceId: ws.id,
      name: "Autopilot CLI (one call)",
      role: "editor",
      createdBy: null,
    });
    try {
      return await work({ origin: `http://localhost:${port}`, slug, token });
    } finally {
      await local.db.update(apiToken).set({ revokedAt: new Date() }).where(eq(apiToken.id, row.id));
    }
  } finally {
    await local.dispose();
  }
}

async function printStatus(server: Server) {
  const { status, body } = await api<AutopilotStatus>(server, "GET", "");
  if (status !== 200) throw new CliError(`GET /api/autopilot answered ${status}: ${messageOf(body)}`);
  console.log(statusLines(body).join("\n"));
}

/** Starts a cycle and prints each phase once it is recorded, until the cycle ends. */
async function runOnce(server: Server) {
  const started = await api<{ cycleId?: string }>(server, "POST", "/run?via=cli");
  if (started.status === 409) throw new CliError(`${messageOf(started.body)}; follow it with --status`);
  if (started.status !== 202 || !started.body.cycleId)
    throw new CliError(`POST /api/autopilot/run answered ${started.status}: ${messageOf(started.body)}`);
  const id = started.body.cycleId;
  console.log(`Cycle ${id} started`);
  const printed = new Set<string>();
  const until = Date.now() + FOLLOW_MS;
  while (Date.now() < until) {
    const { status, body } = await api<CycleRecord>(server, "GET", `/cycles/${id}`);
    if (status !== 200) throw new CliError(`GET /api/autopilot/cycles/${id} answered ${status}: ${messageOf(body)}`);
    for (const phase of body.phases as PhaseResult[]) {
      if (printed.has(phase.name)) continue;
      printed.add(phase.name);
      console.log(`  ${phaseLine(phase)}`);
    }
    if (body.status !== "running") {
      console.log(cycleLine(body));
      if (body.status === "failed") throw new CliError(`Cycle ${id} failed: ${body.error ?? "see its Cycles row"}`);
      return;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  console.log(`Cycle ${id} is still running after ${FOLLOW_MS / 60_000} minutes; follow it with --status`);
}

export const autopilotCommand: Command = {
  usage: "autopilot --workspace <slug> --once | --status",
  summary:
    "Run one autopilot cycle on the local server and follow it (--once), or print the autopilot's state (--status).",
  options: {
    workspace: { type: "string", description: "workspace slug" },
    once: { type: "boolean", description: "start one cycle and print its phases until it ends" },
    status: { type: "boolean", description: "print settings, next runs, last cycles, health and alerts" },
  },
  async run(values) {
    const slug = values.workspace;
    if (typeof slug !== "string" || !slug) throw new CliError("--workspace is required");
    if (Boolean(values.once) === Boolean(values.status)) throw new CliError("pass one of --once or --status");
    await withToken(slug, values.once ? runOnce : printStatus);
  },
};

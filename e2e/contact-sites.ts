/**
 * The dealership site corpora (`e2e/contact-sites/`: 12 sites with real-world contact-form
 * difficulties; `e2e/contact-sites-more/`: 14 more, written apart from the engine;
 * `e2e/contact-sites-proof/`: 12 whose difficulty is proving a send, four of them built to fake a
 * success), each with a
 * server that records what every form received and a checker, started on free ports for the
 * contact engine's tests and benchmark.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import { promisify } from "node:util";

export const CORPORA = ["contact-sites", "contact-sites-more", "contact-sites-proof"] as const;
export type Corpus = (typeof CORPORA)[number];

/** The sender profile the corpus's checker expects. */
export const CORPUS_PROFILE = {
  firstName: "Dana",
  lastName: "Whitfield",
  email: "dana.whitfield@example.org",
  phone: "(512) 555-0147",
  zip: "78701",
  message: "Hello, I am interested in a 2025 model. Please send your best out-the-door price.",
  vehicleOfInterest: "2025 Toyota RAV4 XLE",
};

/** `npm run --silent rowpilot -- <args>`, as an operator runs it; never rejects. */
export async function rowpilot(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("npm", ["run", "--silent", "rowpilot", "--", ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 10_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A request's body as text, for the small servers the engine's tests stand up. */
export function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => resolve(data));
  });
}

/** How long the corpus server may take to print its ports. */
const START_TIMEOUT_MS = 10_000;

export interface ContactSites {
  port: number;
  iframePort: number;
  url(site: string): string;
  /** Every site id, from the corpus's expected outcomes. */
  sites(): Promise<{ id: string; expected: string }[]>;
  submissions(): Promise<{ site: string; accepted: boolean; fields: Record<string, unknown> }[]>;
  reset(): Promise<void>;
  /** The corpus's own checker: one "<id> PASS|FAIL <reason>" line per site. */
  check(only?: string[]): Promise<{ lines: string[]; passed: number; total: number }>;
  stop(): Promise<void>;
}

export async function startContactSites(corpus: Corpus = "contact-sites"): Promise<ContactSites> {
  const dir = join(import.meta.dirname, corpus);
  const child: ChildProcess = spawn(process.execPath, [join(dir, "server.mjs"), "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const { port, iframePort } = await new Promise<{ port: number; iframePort: number }>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error(`The contact sites server did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.once("exit", (code) => reject(new Error(`The contact sites server exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening (\d+)/.exec(out)?.[1];
      const iframePort = /iframe-port (\d+)/.exec(out)?.[1];
      if (port && iframePort) {
        clearTimeout(timer);
        resolve({ port: Number(port), iframePort: Number(iframePort) });
      }
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    iframePort,
    url: (site) => `${origin}/${site}/`,
    async sites() {
      const truth = JSON.parse(await readFile(join(dir, "truth.json"), "utf8")) as {
        id: string;
        expected: string;
      }[];
      return truth.map(({ id, expected }) => ({ id, expected }));
    },
    submissions: async () => (await fetch(`${origin}/__submissions`)).json(),
    async reset() {
      await fetch(`${origin}/__reset`, { method: "POST" });
    },
    async check(only) {
      const args = [join(dir, "check.mjs"), "--port", String(port), ...(only ? ["--only", only.join(",")] : [])];
      const { stdout } = await promisify(execFile)(process.execPath, args).catch((e) => e as { stdout: string });
      const lines = stdout.split("\n").filter((l) => / (PASS|FAIL) /.test(l));
      const score = /score: (\d+)\/(\d+)/.exec(stdout);
      return { lines, passed: Number(score?.[1] ?? 0), total: Number(score?.[2] ?? 0) };
    },
    async stop() {
      child.kill();
    },
  };
}

/**
 * The `wrangler dev` command line that serves the build, shared by `npm start` and the test
 * servers (`scripts/serve.ts`), so what a test serves is what `npm start` serves.
 */
export type WranglerDevOptions = {
  port: number;
  /** The folder of D1, R2 and Durable Object state (`--persist-to`). */
  state: string;
  logLevel: "warn" | "error";
  /**
   * Worker vars for this run. Passed as `--var`: wrangler reads none from the process environment
   * once `.dev.vars` exists, and these must win over what that file holds.
   */
  vars: Record<string, string>;
  /** Another build's generated `wrangler.json` (a benchmark's private copy). */
  config?: string;
};

/** The arguments of `wrangler dev` for `options`. */
export function wranglerDevArgs(options: WranglerDevOptions): string[] {
  const args = ["dev", "--port", String(options.port), "--persist-to", options.state, "--log-level", options.logLevel];
  if (options.config) args.push("-c", options.config);
  // wrangler splits NAME:value at the first colon only, so URLs pass whole.
  for (const [name, value] of Object.entries(options.vars)) args.push("--var", `${name}:${value}`);
  return args;
}

/** Reads a site's Content-Security-Policy back and lists every way it breaks the rules for sites. */

import { CHAT_SCRIPT_SOURCE, CHAT_SOCKET_SOURCE, isLocalSource } from "./chat-embed";

/** Directives a site's policy must hold with exactly this value. */
const REQUIRED_NONE = ["default-src", "form-action", "base-uri", "frame-ancestors"];

/** Source expressions that let in code or markup from anywhere, in any directive. */
const NEVER = ["'unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'"];

/** Whole schemes allowed as a source ("https:", "data:", …): too wide for scripts and styles. */
const BARE_SCHEME = /^[a-z][a-z0-9+.-]*:$/i;

export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Every violation of the site CSP rules, as sentences; empty when the policy is fine.
 * @example cspProblems("default-src *") // ["default-src must be 'none' (it is *)", …]
 */
export function cspProblems(header: string): string[] {
  const problems: string[] = [];
  const directives = parseCsp(header);
  for (const name of REQUIRED_NONE) {
    const sources = directives.get(name);
    if (sources?.join(" ") !== "'none'")
      problems.push(`${name} must be 'none' (it is ${sources?.join(" ") || "missing"})`);
  }
  // Nothing to connect to, or the chat widget's one socket (its exact path, one visitor room).
  const connect = directives.get("connect-src")?.join(" ") ?? "";
  if (connect !== "'none'" && !CHAT_SOCKET_SOURCE.test(connect))
    problems.push(`connect-src must be 'none' or the chat socket (it is ${connect || "missing"})`);
  const scripts = directives.get("script-src") ?? [];
  if (scripts.filter((source) => CHAT_SCRIPT_SOURCE.test(source)).length > 1)
    problems.push("script-src allows more than one chat widget");
  const sandbox = directives.get("sandbox");
  if (!sandbox) problems.push("sandbox is missing: the page would run in the origin it is served from");
  else if (sandbox.some((flag) => flag.toLowerCase() === "allow-same-origin"))
    problems.push("sandbox allows allow-same-origin: the page would run in the origin it is served from");
  for (const [name, sources] of directives) {
    for (const source of sources) {
      const lower = source.toLowerCase();
      if (NEVER.includes(lower)) problems.push(`${name} allows ${source}`);
      if (source.includes("*")) problems.push(`${name} has a wildcard: ${source}`);
      if ((lower.startsWith("http:") || lower.startsWith("ws:")) && !isLocalSource(source))
        problems.push(`${name} allows a host without TLS: ${source}`);
      const codeOrStyle = name.startsWith("script-src") || name.startsWith("style-src");
      if (BARE_SCHEME.test(source) && (codeOrStyle || !["data:"].includes(lower))) {
        problems.push(`${name} allows a whole scheme: ${source}`);
      }
    }
  }
  return problems;
}

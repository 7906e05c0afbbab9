/**
 * The Architect's second and last try at a page a browser found faults in: the same system prompt
 * (so the prompt cache is read, not written again), its first instructions with the facts and the
 * design brief, then the page it wrote and what the check found, one finding a line.
 */
import type { ArchitectOutput } from "../../../../schema/site-agents";
import type { BuiltPrompt } from "./build-prompt";

/**
 * The repair prompt from the Architect's first prompt, its page and the findings.
 * @example buildRepairPrompt(record.input, page, ["Accessibility (axe button-name, critical, 1 element): …"])
 */
export function buildRepairPrompt(first: BuiltPrompt, page: ArchitectOutput, findings: readonly string[]): BuiltPrompt {
  const user = `${first.user}

You built this page before (html, css and js as JSON):
${JSON.stringify(page, null, 2)}

A browser loaded it under its Content-Security-Policy, at desktop and phone size, and found:
${findings.map((finding) => `- ${finding}`).join("\n")}

Fix every finding without losing what works: keep the business's facts, the design brief, the SEO tags and the claim bar. Answer with the complete corrected page.`;
  return { system: first.system, user };
}

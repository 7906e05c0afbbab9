import { describe, expect, it } from "vitest";
import { ANSWERS, FACTS } from "../test/fixtures";
import { buildPrompt } from "./build-prompt";
import { DEFAULT_PROMPT_SECTIONS } from "./defaults";
import { buildRepairPrompt } from "./repair-prompt";

describe("the Architect's repair prompt", () => {
  const first = buildPrompt("architect", DEFAULT_PROMPT_SECTIONS, FACTS, ANSWERS);
  const findings = [
    "Accessibility (axe button-name, critical, 1 element): Buttons must have discernible text — at main > button",
    "Console error: Cannot read properties of null (reading 'x')",
  ];
  const repair = buildRepairPrompt(first, ANSWERS.architect, findings);

  it("keeps the Architect's system prompt, so it stays the cached one", () => {
    expect(repair.system).toBe(first.system);
  });

  it("carries the first instructions, the page as it was and every finding on its own line", () => {
    expect(repair.user.startsWith(first.user)).toBe(true);
    expect(repair.user).toContain(JSON.stringify(ANSWERS.architect.html));
    expect(repair.user).toContain(
      "\n- Accessibility (axe button-name, critical, 1 element): Buttons must have discernible text — at main > button\n- Console error: Cannot read properties of null (reading 'x')\n",
    );
    expect(repair.user).toMatch(/Fix every finding.*claim bar.*complete corrected page\.$/s);
  });

  it("changes nothing it is given", () => {
    expect(buildRepairPrompt(first, ANSWERS.architect, findings)).toEqual(repair);
    expect(findings).toHaveLength(2);
  });
});

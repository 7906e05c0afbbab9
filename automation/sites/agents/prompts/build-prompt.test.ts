import { describe, expect, it } from "vitest";
import { type PromptSection, SITE_AGENT_LABELS, SITE_AGENTS } from "../../../../schema/site-agents";
import { SiteFacts } from "../../../../schema/sites";
import { ANSWERS, FACTS } from "../test/fixtures";
import { buildPrompt, checkPrompt, PromptError } from "./build-prompt";
import { DEFAULT_PROMPT_SECTIONS } from "./defaults";

const sections = (agent: PromptSection["agent"], system: string, instructions: string): PromptSection[] => [
  { agent, section: "system", text: system },
  { agent, section: "instructions", text: instructions },
];

describe("site agents — building a prompt", () => {
  it("fills business placeholders and keeps facts out of the cached system prompt", () => {
    const prompt = buildPrompt("analyst", DEFAULT_PROMPT_SECTIONS, FACTS, {});
    expect(prompt.user).toContain("Business: Rosa's Taquería");
    expect(prompt.user).toContain('- 5★ "The breakfast tacos are handmade every morning');
    expect(prompt.system).not.toContain("Rosa");
    expect(prompt.system).toContain("Answer with the JSON object the output schema describes");
    expect(prompt.user).not.toMatch(/\{\{/);
  });

  it("names its role in every default system prompt", () => {
    for (const agent of SITE_AGENTS) {
      expect(buildPrompt(agent, DEFAULT_PROMPT_SECTIONS, FACTS, ANSWERS).system).toContain(
        `You are the ${SITE_AGENT_LABELS[agent]}`,
      );
    }
  });

  it("gives later agents the outputs before them", () => {
    const prompt = buildPrompt("architect", DEFAULT_PROMPT_SECTIONS, FACTS, ANSWERS);
    expect(prompt.user).toContain(ANSWERS.artDirector.hero.headline);
    expect(prompt.user).toContain(ANSWERS.concept.creativeDna.valueProposition);
  });

  it("says a fact is not known rather than leaving it blank", () => {
    const bare = SiteFacts.parse({ name: "Bare Bones Barbers" });
    const prompt = buildPrompt("architect", DEFAULT_PROMPT_SECTIONS, bare, ANSWERS);
    expect(prompt.user).toContain("Phone: (not known)");
    expect(prompt.user).toContain("(no reviews)");
  });

  it("refuses unknown placeholders, naming each one and its section", () => {
    const prompts = sections("concept", "You are the Concept agent. {{tone}}", "{{business.nmae}} {{analyst}}");
    expect(() => checkPrompt("concept", prompts)).toThrow(PromptError);
    expect(() => checkPrompt("concept", prompts)).toThrow(
      /Unknown placeholders in the Concept prompt: \{\{tone\}\} \(system\), \{\{business\.nmae\}\} \(instructions\)/,
    );
  });

  it("refuses an earlier agent reading a later agent's output", () => {
    const prompts = sections("analyst", "You are the Analyst.", "Design: {{artDirector}}");
    expect(() => buildPrompt("analyst", prompts, FACTS, ANSWERS)).toThrow(/\{\{artDirector\}\} \(instructions\)/);
  });

  it("refuses an agent without a system or an instructions section", () => {
    for (const section of ["system", "instructions"] as const) {
      const prompts = DEFAULT_PROMPT_SECTIONS.filter((s) => !(s.agent === "architect" && s.section === section));
      expect(() => checkPrompt("architect", prompts)).toThrow(`The Architect prompt has no active ${section} section`);
    }
  });
});

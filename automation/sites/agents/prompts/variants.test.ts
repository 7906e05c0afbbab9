import { describe, expect, it } from "vitest";
import type { PromptRow } from "../../../../schema/site-prompts";
import { activeVariants, chooseVariants, sectionsOf, variantsLine } from "./variants";

let ids = 0;
const row = (fields: Partial<PromptRow> & Pick<PromptRow, "agent" | "section">): PromptRow => ({
  id: `r${++ids}`,
  text: `${fields.agent} ${fields.section} ${fields.variant ?? "default"} v${fields.version ?? 1}`,
  variant: "default",
  version: 1,
  active: true,
  uses: 0,
  successes: 0,
  ...fields,
});

/** A concept variant's system and instructions rows. */
const concept = (variant: string, uses = 0, extra: Partial<PromptRow> = {}) => [
  row({ agent: "concept", section: "system", variant, uses, ...extra }),
  row({ agent: "concept", section: "instructions", variant, uses, ...extra }),
];

describe("prompt variants — choosing one per agent", () => {
  it("uses the only active variant and leaves inactive rows out", () => {
    const rows = [...concept("default"), ...concept("bold", 0, { active: false })];
    const [choice] = chooseVariants(rows, "site-1", ["concept"]);
    expect(choice?.variant).toBe("default");
    expect(sectionsOf([choice!]).map((s) => s.text)).toEqual([
      "concept system default v1",
      "concept instructions default v1",
    ]);
  });

  it("picks the least used variant", () => {
    const rows = [...concept("default", 3), ...concept("bold", 2), ...concept("calm", 1)];
    for (const site of ["a", "b", "c", "d"]) expect(chooseVariants(rows, site, ["concept"])[0]?.variant).toBe("calm");
  });

  it("uses a variant a person asked for where the agent has it, and the usual choice where it does not", () => {
    const rows = [...concept("default", 5), ...concept("bold", 9), row({ agent: "analyst", section: "system" })];
    const choices = chooseVariants(rows, "a", ["analyst", "concept"], "bold");
    expect(choices.map((c) => [c.agent, c.variant])).toEqual([
      ["analyst", "default"],
      ["concept", "bold"],
    ]);
    expect(chooseVariants(rows, "a", ["concept"], "bold")[0]?.variant).toBe("bold");
    expect(chooseVariants(rows, "a", ["concept"])[0]?.variant).toBe("default");
  });

  it("splits two unused variants evenly over generations, as the counts grow", () => {
    let rows = [...concept("default"), ...concept("bold")];
    const picked: string[] = [];
    for (let generation = 0; generation < 6; generation++) {
      const [choice] = chooseVariants(rows, "the-same-site", ["concept"]);
      picked.push(choice!.variant);
      const used = new Set(choice!.rows.map((r) => r.id));
      rows = rows.map((r) => (used.has(r.id) ? { ...r, uses: r.uses + 1 } : r));
    }
    expect(picked.filter((v) => v === "bold")).toHaveLength(3);
    expect(picked.filter((v) => v === "default")).toHaveLength(3);
  });

  it("breaks a tie the same way for the same site, and differently across sites", () => {
    const rows = [...concept("default"), ...concept("bold")];
    const pick = (site: string) => chooseVariants(rows, site, ["concept"])[0]?.variant;
    expect(pick("site-7")).toBe(pick("site-7"));
    const sites = Array.from({ length: 40 }, (_, i) => `site-${i}`);
    expect(new Set(sites.map(pick))).toEqual(new Set(["default", "bold"]));
  });

  it("uses the newest version of each section, and names it", () => {
    const rows = [
      ...concept("bold"),
      row({ agent: "concept", section: "system", variant: "bold", version: 2 }),
      row({ agent: "analyst", section: "system" }),
      row({ agent: "analyst", section: "instructions" }),
    ];
    const choices = chooseVariants(rows, "s", ["analyst", "concept"]);
    expect(choices.find((c) => c.agent === "concept")!.rows.map((r) => r.text)).toEqual([
      "concept instructions bold v1",
      "concept system bold v2",
    ]);
    expect(variantsLine(choices)).toBe("Analyst: default · Concept: bold v2");
  });

  it("counts a variant's uses by its most used section, so a new section does not make it look unused", () => {
    const rows = [
      ...concept("default", 5),
      row({ agent: "concept", section: "examples", variant: "default", uses: 0 }),
      ...concept("bold", 2),
    ];
    expect(chooseVariants(rows, "s", ["concept"])[0]?.variant).toBe("bold");
    expect(activeVariants(rows, "concept").get("default")).toHaveLength(3);
  });

  it("chooses nothing for an agent without an active row (the prompt check then says which section is missing)", () => {
    expect(chooseVariants(concept("default"), "s", ["analyst", "concept"]).map((c) => c.agent)).toEqual(["concept"]);
  });
});

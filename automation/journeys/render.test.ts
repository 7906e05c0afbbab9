import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render";

const row = { Name: "Ana María Ruiz", Company: "Ruiz Roofing", Score: 72, Tags: ["vip", "texas"], Notes: null };

describe("journeys — message templates", () => {
  it("fills lead placeholders from the row, matching column names without case", () => {
    expect(renderTemplate("Hi {{lead.Name}} at {{ lead.company }}", row)).toBe("Hi Ana María Ruiz at Ruiz Roofing");
  });

  it("gives the first word of the Name as first_name", () => {
    expect(renderTemplate("Hi {{lead.first_name}},", row)).toBe("Hi Ana,");
    expect(renderTemplate("Hi {{lead.first_name}},", {})).toBe("Hi ,");
  });

  it("writes numbers and lists as text", () => {
    expect(renderTemplate("{{lead.Score}} / {{lead.Tags}}", row)).toBe("72 / vip, texas");
  });

  it("leaves unknown and empty placeholders empty, never as written", () => {
    expect(renderTemplate("[{{lead.Budget}}][{{lead.Notes}}][{{sender.name}}]", row)).toBe("[][][]");
  });
});

import { describe, expect, it } from "vitest";
import { templateDraft, WRITER_SYSTEM, type WriterFacts, writerPrompt } from "./index";

const ROSA: WriterFacts = {
  channel: "email",
  recipient: {
    name: "Rosa's Taquería",
    category: "Mexican restaurant",
    city: "Austin",
    rating: 4.8,
    reviewCount: 312,
    highlights: ["handmade breakfast tacos"],
  },
  siteUrl: "http://localhost:8787/s/rosas-taqueria-x1y2z3/",
  sender: { firstName: "Ana", lastName: "Ruiz", email: "ana@rowpilot.example" },
};

describe("the writer's prompt", () => {
  it("keeps the system prompt the same for every recipient, so it can be cached", () => {
    const other = { ...ROSA, recipient: { ...ROSA.recipient, name: "Bob's Bikes" } };
    expect(writerPrompt(ROSA).system).toBe(writerPrompt(other).system);
    expect(WRITER_SYSTEM).not.toContain("Rosa");
  });

  it("gives the model the business's facts and the site's address as a plain URL", () => {
    const { user } = writerPrompt(ROSA);
    expect(user).toContain("Business: Rosa's Taquería");
    expect(user).toContain("Rating: 4.8 out of 5 from 312 reviews");
    expect(user).toContain("What reviewers praise: handmade breakfast tacos");
    expect(user).toContain("Site we made for them: http://localhost:8787/s/rosas-taqueria-x1y2z3/");
  });

  it("leaves unknown facts out and says when there is no site", () => {
    const bare = { ...ROSA, siteUrl: null, recipient: { ...ROSA.recipient, rating: null, city: "", highlights: [] } };
    const { user } = writerPrompt(bare);
    expect(user).not.toMatch(/Rating|City|praise|\/s\//);
    expect(user).toContain("No site has been made for them yet");
  });
});

describe("the template writer", () => {
  it("fills the pitch with the site's address and offers other subject lines", () => {
    const draft = templateDraft(ROSA);
    expect(draft).toMatchObject({ ok: true, subject: "A website for Rosa's Taquería" });
    if (!draft.ok) throw new Error("expected a draft");
    expect(draft.body).toContain("http://localhost:8787/s/rosas-taqueria-x1y2z3/");
    expect(draft.body).toContain("Ana Ruiz");
    expect(draft.subjects.length).toBeGreaterThanOrEqual(2);
    expect(draft.subjects).not.toContain(draft.subject);
  });

  it("offers to make a site when the business has none, with no address", () => {
    const draft = templateDraft({ ...ROSA, siteUrl: null });
    if (!draft.ok) throw new Error("expected a draft");
    expect(draft.subject).toBe("A website for Rosa's Taquería?");
    expect(draft.body).not.toContain("http");
    expect(draft.subjects.length).toBeGreaterThanOrEqual(2);
  });

  it("writes a short SMS with the address and no subject", () => {
    const draft = templateDraft({ ...ROSA, channel: "sms" });
    if (!draft.ok) throw new Error("expected a draft");
    expect(draft.subject).toBe("");
    expect(draft.body).toContain("/s/rosas-taqueria-x1y2z3/");
    expect(draft.body.length).toBeLessThanOrEqual(300);
  });

  it("refuses a template of one's own with an unknown placeholder, naming it", () => {
    expect(templateDraft(ROSA, { subject: "Hi {{business.nmae}}", body: "{{site.url}}" })).toEqual({
      ok: false,
      unknown: ["business.nmae"],
      missing: [],
    });
  });

  it("refuses a placeholder with nothing to fill it for this recipient", () => {
    const draft = templateDraft({ ...ROSA, siteUrl: null }, { subject: "For {{business.name}}", body: "{{site.url}}" });
    expect(draft).toEqual({ ok: false, unknown: [], missing: ["site.url"] });
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_PITCH_TEMPLATES, type PitchContext, renderPitch, unknownPitchPlaceholders } from "./templates";

const ctx: PitchContext = {
  business: { name: "Rosa's Bakery", city: "Austin", category: "Bakery" },
  site: { url: "https://rosas-bakery.sites.rowpilot.com" },
  sender: { firstName: "Dana", lastName: "Whitfield", email: "dana@example.com", phone: "555-0100" },
};

describe("pitch templates", () => {
  it("fills the business, the site and the sender", () => {
    const pitch = renderPitch(
      {
        subject: "{{business.name}} in {{ business.city }}",
        body: "A {{business.category}} site: {{site.url}} — {{sender.name}} ({{sender.firstName}}, {{sender.email}}, {{sender.phone}})",
      },
      ctx,
    );
    expect(pitch).toEqual({
      ok: true,
      subject: "Rosa's Bakery in Austin",
      body: "A bakery site: https://rosas-bakery.sites.rowpilot.com — Dana Whitfield (Dana, dana@example.com, 555-0100)",
    });
  });

  it("reports unknown placeholders before sending, each once, from subject and body", () => {
    const template = {
      subject: "Hi {{business}}",
      body: "{{site.link}} {{business}} {{dealership.name}} {{site.url}}",
    };
    expect(unknownPitchPlaceholders(template)).toEqual(["business", "site.link", "dealership.name"]);
    expect(renderPitch(template, ctx)).toEqual({
      ok: false,
      unknown: ["business", "site.link", "dealership.name"],
      missing: [],
    });
  });

  it("refuses a pitch whose placeholder has nothing to fill it for this business", () => {
    const noCity = { ...ctx, business: { name: "Rosa's Bakery", city: null, category: "Bakery" } };
    expect(renderPitch({ subject: "In {{business.city}}", body: "{{business.name}}" }, noCity)).toEqual({
      ok: false,
      unknown: [],
      missing: ["business.city"],
    });
  });

  it("ships default templates that use only known placeholders, link the site and render fully", () => {
    expect(DEFAULT_PITCH_TEMPLATES.length).toBeGreaterThanOrEqual(2);
    for (const template of DEFAULT_PITCH_TEMPLATES) {
      expect(unknownPitchPlaceholders(template)).toEqual([]);
      const pitch = renderPitch(template, ctx);
      if (!pitch.ok) throw new Error(`${template.id} did not render: ${JSON.stringify(pitch)}`);
      expect(pitch.body).toContain(ctx.site.url);
      expect(`${pitch.subject}\n${pitch.body}`).not.toMatch(/\{\{|\}\}/);
    }
  });
});

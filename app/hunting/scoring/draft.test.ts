import { describe, expect, it } from "vitest";
import { HuntingSettings } from "../../../schema/hunting-api";
import { fromDraft, toDraft } from "./draft";

const defaults = HuntingSettings.parse({});

describe("lead scoring page — the settings it saves", () => {
  it("saves exactly the settings it was given when nothing is changed", () => {
    const saved = fromDraft(toDraft(defaults));
    expect(saved).toEqual({ ok: true, value: defaults });
  });

  it("saves a changed weight, threshold, requirement and schedule", () => {
    const draft = toDraft(defaults);
    draft.weights.noWebsite = "40";
    draft.weights.notChain = "0";
    draft.minRating = "4.2";
    draft.requireEmail = true;
    draft.autoEnabled = true;
    draft.everyMinutes = "60";
    const saved = fromDraft(draft);
    if (!saved.ok) throw new Error(saved.error);
    const parsed = HuntingSettings.parse(saved.value);
    expect(parsed.scoring.weights).toMatchObject({ noWebsite: 40, notChain: 0 });
    expect(parsed.scoring).toMatchObject({ minRating: 4.2, requireEmail: true, requireNoWebsite: false });
    expect(parsed.autoScrape).toEqual({ enabled: true, everyMinutes: 60, dailyCap: 10 });
  });

  it("names a field left empty instead of sending it", () => {
    const draft = toDraft(defaults);
    draft.weights.hasEmail = " ";
    expect(fromDraft(draft)).toEqual({ ok: false, error: "Has email: enter a number." });
    const other = toDraft(defaults);
    other.dailyCap = "ten";
    expect(fromDraft(other)).toEqual({ ok: false, error: "Daily cap: enter a number." });
  });

  it("sends weights over 100 in total for the API to refuse in its own words", () => {
    const draft = toDraft(defaults);
    draft.weights.noWebsite = "60";
    const saved = fromDraft(draft);
    expect(saved.ok).toBe(true);
    const checked = HuntingSettings.safeParse(saved.ok ? saved.value : null);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues[0]?.message).toMatch(/add up to more than 100/);
  });
});

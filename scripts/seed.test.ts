import { describe, expect, it } from "vitest";
import { MessagingSettings } from "../schema/messaging-api";
import { DEMO_MESSAGING } from "./seed";

describe("demo seed — messaging", () => {
  it("gives the demo a complete sender that sends through the outbox", () => {
    const settings = MessagingSettings.parse(DEMO_MESSAGING);
    expect(settings).toEqual(DEMO_MESSAGING);
    expect(settings.sender.fromName).toBe("Rowpilot Demo");
    expect(settings.sender.fromEmail).toBe("demo@rowpilot.example");
    expect(settings.sender.postalAddress).not.toBe("");
    // Nothing holds a demo's sends: no warm-up, no window, caps far above a demo's volume.
    expect(settings.pace).toMatchObject({ warmUp: null, minSpacingSeconds: 0, senderDailyCap: 100_000 });
  });
});

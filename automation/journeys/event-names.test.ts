import { describe, expect, it } from "vitest";
import { workflowEventType } from "./event-names";

describe("journeys — event names in a Workflows instance", () => {
  it("keeps an unkeyed event's name and folds a key into the allowed alphabet", () => {
    expect(workflowEventType("clicked")).toBe("clicked");
    expect(workflowEventType("clicked", "Spring offer!")).toBe("clicked--spring_offer_");
    expect(workflowEventType("webhook", "x".repeat(300)).length).toBeLessThanOrEqual(100);
  });
});

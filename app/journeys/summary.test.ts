import { describe, expect, it } from "vitest";
import { durationInWords, entryInWords, nodeSummary } from "./summary";

describe("journey nodes in words", () => {
  it("says what a send, a wait and a condition do in one line", () => {
    expect(
      nodeSummary({ id: "a", kind: "send", channel: "email", template: { subject: "Hi {{lead.Name}}", body: "x" } }),
    ).toBe("Email: Hi {{lead.Name}}");
    expect(
      nodeSummary({ id: "w", kind: "wait", until: { event: "clicked", timeoutSeconds: 172_800 }, next: "x" }),
    ).toBe("Wait 2 days or until clicked");
    expect(
      nodeSummary({
        id: "c",
        kind: "condition",
        all: [{ type: "property", field: "Score", operator: "greater_than", value: 50 }],
      }),
    ).toBe("If Score > 50");
  });

  it("names nested AND / OR groups and negations", () => {
    expect(
      nodeSummary({
        id: "c",
        kind: "condition",
        any: [
          { type: "behavior", field: "opened", operator: "exists" },
          { all: [{ type: "property", field: "City", operator: "equals", value: "Lima", not: true }] },
        ],
      }),
    ).toBe("If opened is set or (not City = Lima)");
  });

  it("writes durations in their largest whole unit", () => {
    expect(durationInWords(86_400)).toBe("1 day");
    expect(durationInWords(7_200)).toBe("2 hours");
    expect(durationInWords(90)).toBe("90 seconds");
  });

  it("says how rows enter", () => {
    expect(entryInWords({ kind: "manual" })).toBe("By hand or the API");
    expect(entryInWords({ kind: "event", type: "clicked", key: "spring" })).toBe("On clicked (spring)");
  });
});

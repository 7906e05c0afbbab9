import { describe, expect, it } from "vitest";
import { isLocalStandIn } from "./seed-payments";

describe("connecting the demo workspace to a Recurrente stand-in", () => {
  it("takes only a stand-in on this machine, never Recurrente itself", () => {
    expect(isLocalStandIn("http://127.0.0.1:4010/api")).toBe(true);
    expect(isLocalStandIn("http://localhost:4010/api")).toBe(true);
    expect(isLocalStandIn("http://[::1]:4010/api")).toBe(true);
    expect(isLocalStandIn("https://app.recurrente.com/api")).toBe(false);
    expect(isLocalStandIn("http://127.0.0.1.example.com/api")).toBe(false);
    expect(isLocalStandIn("not a url")).toBe(false);
    expect(isLocalStandIn(undefined)).toBe(false);
  });
});

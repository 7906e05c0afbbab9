import { describe, expect, it } from "vitest";
import { isLocalOrigin } from "./auth";
import { isSameOrigin } from "./origin";

const req = (headers: Record<string, string>) =>
  new Request("https://app.rowpilot.test/api/x", { method: "POST", headers });

describe("origin checks", () => {
  it("accepts our own origin and the configured app origin", () => {
    expect(isSameOrigin(req({ origin: "https://app.rowpilot.test" }), [])).toBe(true);
    expect(isSameOrigin(req({ origin: "https://rowpilot.example" }), ["https://rowpilot.example"])).toBe(true);
  });
  it("refuses another site, and a request with no origin that is not same-origin", () => {
    expect(isSameOrigin(req({ origin: "https://evil.example" }), [])).toBe(false);
    expect(isSameOrigin(req({}), [])).toBe(false);
    expect(isSameOrigin(req({ "sec-fetch-site": "cross-site" }), [])).toBe(false);
    expect(isSameOrigin(req({ "sec-fetch-site": "same-origin" }), [])).toBe(true);
  });
  it("treats only plain-http loopback as local (no Secure cookies)", () => {
    expect(isLocalOrigin("http://localhost:8787")).toBe(true);
    expect(isLocalOrigin("http://127.0.0.1:5173")).toBe(true);
    expect(isLocalOrigin("https://localhost")).toBe(false);
    expect(isLocalOrigin("http://rowpilot.example")).toBe(false);
  });
});

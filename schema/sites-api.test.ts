import { describe, expect, it } from "vitest";
import { runningAgent, SiteListQuery } from "./sites-api";

describe("sites API — the agent at work", () => {
  it("names the agent a Stages cell says is running", () => {
    expect(runningAgent("Analyst: running…")).toBe("analyst");
    expect(runningAgent("Art Director: running…")).toBe("artDirector");
  });

  it("names none for finished stages, an unknown agent or an empty cell", () => {
    expect(runningAgent("Analyst: complete, claude-sonnet-5-5, 4.2 s, 1,830 tokens, $0.012")).toBeNull();
    expect(runningAgent("Critic: running…")).toBeNull();
    expect(runningAgent(null)).toBeNull();
  });

  it("refuses a status filter that is no site status", () => {
    expect(SiteListQuery.safeParse({ status: "review" }).success).toBe(true);
    expect(SiteListQuery.safeParse({ status: "live" }).success).toBe(false);
  });
});

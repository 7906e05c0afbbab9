import { describe, expect, it } from "vitest";
import { CreateInvitation, CreateWorkspace, Slug, UpdateSettings } from "./api";

describe("API input shapes", () => {
  it("accepts URL-friendly slugs and refuses the rest with a reason", () => {
    expect(Slug.safeParse("acme-motors").success).toBe(true);
    for (const bad of ["A", "Acme", "acme motors", "-acme", "acme--motors", "a".repeat(41)]) {
      expect(Slug.safeParse(bad).success, bad).toBe(false);
    }
  });
  it("trims workspace names and refuses blank ones", () => {
    expect(CreateWorkspace.parse({ name: "  Acme  " }).name).toBe("Acme");
    expect(CreateWorkspace.safeParse({ name: "   " }).success).toBe(false);
  });
  it("defaults invitations to editor for seven days and never grants owner", () => {
    expect(CreateInvitation.parse({})).toEqual({ role: "editor", expiresInDays: 7 });
    expect(CreateInvitation.safeParse({ role: "owner" }).success).toBe(false);
  });
  it("takes only known provider secrets, as values or null", () => {
    expect(UpdateSettings.parse({ secrets: { anthropicApiKey: "sk", smsApiKey: null } }).secrets).toEqual({
      anthropicApiKey: "sk",
      smsApiKey: null,
    });
    expect(UpdateSettings.safeParse({ secrets: { databasePassword: "x" } }).success).toBe(false);
    expect(UpdateSettings.safeParse({ secrets: { anthropicApiKey: "" } }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { hashSecret, newId, newSecret } from "./tokens";

describe("bearer secrets", () => {
  it("are prefixed, URL-safe and different every time", () => {
    const a = newSecret("rp");
    const b = newSecret("rp");
    expect(a).toMatch(/^rp_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(newSecret("inv")).toMatch(/^inv_/);
  });
  it("hash the same way every time, and differently from each other", async () => {
    const secret = newSecret("rp");
    expect(await hashSecret(secret)).toBe(await hashSecret(secret));
    expect(await hashSecret(secret)).not.toBe(await hashSecret(newSecret("rp")));
    expect(await hashSecret(secret)).not.toContain(secret.slice(3));
  });
  it("make ids without URL-unsafe characters", () => {
    expect(newId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

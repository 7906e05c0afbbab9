import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, importSettingsKey, SettingsKeyError, secretHint } from "./secrets";

const keyText = () => randomBytes(32).toString("base64");

describe("workspace secret encryption", () => {
  it("round-trips and never contains the plaintext", async () => {
    const key = await importSettingsKey(keyText());
    const sealed = await encryptSecret(key, "ws1:anthropicApiKey", "sk-ant-very-secret");
    expect(sealed).not.toContain("very-secret");
    expect(await decryptSecret(key, "ws1:anthropicApiKey", sealed)).toBe("sk-ant-very-secret");
  });
  it("encrypts the same value differently each time", async () => {
    const key = await importSettingsKey(keyText());
    expect(await encryptSecret(key, "s", "v")).not.toBe(await encryptSecret(key, "s", "v"));
  });
  it("refuses a ciphertext moved to another workspace or setting", async () => {
    const key = await importSettingsKey(keyText());
    const sealed = await encryptSecret(key, "ws1:anthropicApiKey", "secret");
    await expect(decryptSecret(key, "ws2:anthropicApiKey", sealed)).rejects.toThrow();
    await expect(decryptSecret(key, "ws1:smsApiKey", sealed)).rejects.toThrow();
  });
  it("refuses a different key", async () => {
    const sealed = await encryptSecret(await importSettingsKey(keyText()), "s", "secret");
    await expect(decryptSecret(await importSettingsKey(keyText()), "s", sealed)).rejects.toThrow();
  });
  it("explains a missing or malformed SETTINGS_KEY", async () => {
    await expect(importSettingsKey(undefined)).rejects.toThrow(SettingsKeyError);
    await expect(importSettingsKey(randomBytes(16).toString("base64"))).rejects.toThrow(/32 bytes/);
  });
  it("hints at a secret by its last four characters only", () => {
    expect(secretHint("sk-ant-abcdef1234")).toBe("••••1234");
    expect(secretHint("short")).toBe("••••");
  });
});

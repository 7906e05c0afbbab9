import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import { readWorkspaceSecret } from "./settings";

type Settings = { secrets: { key: string; set: boolean; hint: string | null }[] };

describe("workspace settings", () => {
  it("stores provider keys encrypted and never sends them back in clear", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const secret = "sk-ant-api03-VERYSECRETVALUE-9876";
    const res = await call(owner, "PATCH", `${base}/settings`, { secrets: { anthropicApiKey: secret } });
    expect(res.status).toBe(200);
    const text = await (await call(owner, "GET", `${base}/settings`)).text();
    expect(text).not.toContain("VERYSECRETVALUE");
    const anthropic = (JSON.parse(text) as Settings).secrets.find((s) => s.key === "anthropicApiKey");
    expect(anthropic).toMatchObject({ set: true, hint: "••••9876" });
    const stored = await env.DB.prepare("SELECT ciphertext FROM workspace_secret WHERE workspace_id = ?")
      .bind(ws.id)
      .first<{
        ciphertext: string;
      }>();
    expect(stored?.ciphertext).toBeTruthy();
    expect(stored?.ciphertext).not.toContain("VERYSECRETVALUE");
    expect(await readWorkspaceSecret(env, getDb(env.DB), ws.id, "anthropicApiKey")).toBe(secret);
  });

  it("clears a key with null and leaves the others", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    await call(owner, "PATCH", `${base}/settings`, {
      secrets: { smsApiKey: "sms-key-123456", emailApiKey: "email-key-123456" },
    });
    await call(owner, "PATCH", `${base}/settings`, { secrets: { smsApiKey: null } });
    const { secrets } = await json<Settings>(await call(owner, "GET", `${base}/settings`));
    expect(secrets.filter((s) => s.set).map((s) => s.key)).toEqual(["emailApiKey"]);
    expect(await readWorkspaceSecret(env, getDb(env.DB), ws.id, "smsApiKey")).toBeNull();
  });

  it("lets viewers and editors see which keys are set, and refuses their changes", async () => {
    const { owner, base } = await ownerWithWorkspace();
    await call(owner, "PATCH", `${base}/settings`, { secrets: { outscraperApiKey: "outscraper-123456" } });
    for (const role of ["viewer", "editor"] as const) {
      const member = await memberWithRole(owner, base, role);
      const seen = await json<Settings>(await call(member, "GET", `${base}/settings`));
      expect(seen.secrets.find((s) => s.key === "outscraperApiKey")?.set).toBe(true);
      const res = await call(member, "PATCH", `${base}/settings`, { secrets: { outscraperApiKey: "mine" } });
      expect(res.status).toBe(403);
    }
    const after = await json<Settings>(await call(owner, "GET", `${base}/settings`));
    expect(after.secrets.find((s) => s.key === "outscraperApiKey")?.hint).toBe("••••3456");
  });

  it("refuses unknown keys and empty values, naming them", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const unknown = await call(owner, "PATCH", `${base}/settings`, { secrets: { dbPassword: "x" } });
    expect(unknown.status).toBe(400);
    expect((await json<{ error: { message: string } }>(unknown)).error.message).toMatch(/secrets/);
    const missing = await call(owner, "PATCH", `${base}/settings`, {});
    expect((await json<{ error: { message: string } }>(missing)).error.message).toMatch(/Nothing to change/);
  });
});

describe("audit log", () => {
  it("records membership, invitation, token and settings changes for owners to read", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const editor = await memberWithRole(owner, base, "editor");
    await call(owner, "PATCH", `${base}/members/${editor.id}`, { role: "viewer" });
    await call(owner, "POST", `${base}/tokens`, { name: "ci" });
    await call(owner, "PATCH", `${base}/settings`, { secrets: { smsApiKey: "sms-key-123456" } });
    const res = await call(owner, "GET", `${base}/audit`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const actions = (JSON.parse(text) as { entries: { action: string }[] }).entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "workspace.created",
        "invitation.created",
        "invitation.accepted",
        "member.role_changed",
        "token.created",
        "settings.secrets_changed",
      ]),
    );
    expect(text).not.toContain("sms-key-123456");
    expect((await call(editor, "GET", `${base}/audit`)).status).toBe(403);
  });
});

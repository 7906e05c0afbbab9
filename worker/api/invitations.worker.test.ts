import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, json, ownerWithWorkspace, signUp } from "../test/http";

async function invite(owner: { cookie: string }, base: string, body: Record<string, unknown> = {}) {
  const res = await call(owner, "POST", `${base}/invitations`, body);
  expect(res.status).toBe(201);
  const created = await json<{ id: string; url: string; role: string }>(res);
  return { ...created, token: created.url.split("/invite/")[1]! };
}

describe("invitation links", () => {
  it("lets the holder of a link join with its role, once", async () => {
    const { owner, ws, base } = await ownerWithWorkspace("Gulf Coast Cars");
    const link = await invite(owner, base, { role: "viewer" });
    expect(link.url).toMatch(/^http:\/\/rowpilot\.test\/invite\/inv_/);
    expect(await json(await call({}, "GET", `/api/invitations/${link.token}`))).toEqual({
      workspace: { name: "Gulf Coast Cars", slug: ws.slug },
      role: "viewer",
      status: "valid",
    });
    const guest = await signUp();
    const accepted = await call(guest, "POST", `/api/invitations/${link.token}/accept`);
    expect(accepted.status).toBe(200);
    expect(await json(await call(guest, "GET", base))).toMatchObject({ role: "viewer" });
    const second = await signUp();
    const reused = await call(second, "POST", `/api/invitations/${link.token}/accept`);
    expect(reused.status).toBe(410);
    expect((await call(second, "GET", base)).status).toBe(403);
    expect(await json(await call({}, "GET", `/api/invitations/${link.token}`))).toMatchObject({ status: "used" });
  });

  it("needs a signed-in user to accept", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const link = await invite(owner, base);
    expect((await call({}, "POST", `/api/invitations/${link.token}/accept`)).status).toBe(401);
  });

  it("refuses revoked and expired links", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const revoked = await invite(owner, base);
    expect((await call(owner, "DELETE", `${base}/invitations/${revoked.id}`)).status).toBe(204);
    const guest = await signUp();
    expect((await call(guest, "POST", `/api/invitations/${revoked.token}/accept`)).status).toBe(410);
    const expired = await invite(owner, base);
    await env.DB.prepare("UPDATE invitation SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, expired.id)
      .run();
    expect(await json(await call({}, "GET", `/api/invitations/${expired.token}`))).toMatchObject({ status: "expired" });
    expect((await call(guest, "POST", `/api/invitations/${expired.token}/accept`)).status).toBe(410);
    expect((await call(guest, "GET", base)).status).toBe(403);
  });

  it("lists pending invitations to owners only, and never their secret", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const link = await invite(owner, base, { email: "pat@example.com" });
    const listed = await call(owner, "GET", `${base}/invitations`);
    const text = await listed.text();
    expect(JSON.parse(text).invitations).toHaveLength(1);
    expect(text).not.toContain(link.token);
    const guest = await signUp();
    await call(guest, "POST", `/api/invitations/${link.token}/accept`);
    expect(
      (await json<{ invitations: unknown[] }>(await call(owner, "GET", `${base}/invitations`))).invitations,
    ).toHaveLength(0);
  });

  it("refuses invitations from editors and viewers, and owner invitations from anyone", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const editorLink = await invite(owner, base, { role: "editor" });
    const editor = await signUp();
    await call(editor, "POST", `/api/invitations/${editorLink.token}/accept`);
    expect((await call(editor, "POST", `${base}/invitations`, {})).status).toBe(403);
    expect((await call(owner, "POST", `${base}/invitations`, { role: "owner" })).status).toBe(400);
  });

  it("answers 404 for an unknown link or invitation", async () => {
    const { owner, base } = await ownerWithWorkspace();
    expect((await call({}, "GET", "/api/invitations/inv_unknown")).status).toBe(404);
    expect((await call(owner, "DELETE", `${base}/invitations/unknown`)).status).toBe(404);
  });
});

import { describe, expect, it } from "vitest";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";

async function newToken(owner: { cookie: string }, base: string, role: "editor" | "viewer", name = "script") {
  const res = await call(owner, "POST", `${base}/tokens`, { name, role });
  expect(res.status).toBe(201);
  return json<{ id: string; token: string; prefix: string }>(res);
}

describe("API tokens", () => {
  it("are shown once, listed by prefix, and work as a bearer credential for their workspace", async () => {
    const { owner, ws, base } = await ownerWithWorkspace();
    const created = await newToken(owner, base, "editor");
    expect(created.token).toMatch(/^rp_/);
    const listed = await call(owner, "GET", `${base}/tokens`);
    const text = await listed.text();
    expect(text).not.toContain(created.token);
    expect(JSON.parse(text).tokens[0]).toMatchObject({ prefix: created.prefix, role: "editor", lastUsedAt: null });
    expect(await json(await call({ token: created.token }, "GET", base))).toMatchObject({
      slug: ws.slug,
      role: "editor",
    });
    const afterUse = await json<{ tokens: { lastUsedAt: string | null }[] }>(
      await call(owner, "GET", `${base}/tokens`),
    );
    expect(afterUse.tokens[0]!.lastUsedAt).not.toBeNull();
  });

  it("are refused in another workspace", async () => {
    const a = await ownerWithWorkspace("A");
    const b = await ownerWithWorkspace("B");
    const token = await newToken(a.owner, a.base, "editor");
    expect((await call({ token: token.token }, "GET", b.base)).status).toBe(403);
    const list = await json<{ workspaces: { slug: string }[] }>(
      await call({ token: token.token }, "GET", "/api/workspaces"),
    );
    expect(list.workspaces.map((w) => w.slug)).toEqual([a.ws.slug]);
  });

  it("stop working once revoked", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const token = await newToken(owner, base, "viewer");
    expect((await call(owner, "DELETE", `${base}/tokens/${token.id}`)).status).toBe(204);
    expect((await call({ token: token.token }, "GET", base)).status).toBe(401);
    expect((await call(owner, "DELETE", `${base}/tokens/${token.id}`)).status).toBe(404);
  });

  it("cannot manage the workspace, whatever their role", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const editorToken = await newToken(owner, base, "editor");
    expect((await call({ token: editorToken.token }, "POST", `${base}/tokens`, { name: "escalate" })).status).toBe(403);
    expect(
      (await call({ token: editorToken.token }, "PATCH", `${base}/settings`, { secrets: { smsApiKey: "x" } })).status,
    ).toBe(403);
    expect((await call({ token: editorToken.token }, "GET", "/api/me")).status).toBe(403);
  });

  it("can be created only by owners, with editor or viewer roles", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const editor = await memberWithRole(owner, base, "editor");
    expect((await call(editor, "POST", `${base}/tokens`, { name: "mine" })).status).toBe(403);
    expect((await call(editor, "GET", `${base}/tokens`)).status).toBe(403);
    expect((await call(owner, "POST", `${base}/tokens`, { name: "x", role: "owner" })).status).toBe(400);
    expect((await call(owner, "POST", `${base}/tokens`, { role: "editor" })).status).toBe(400);
  });
});

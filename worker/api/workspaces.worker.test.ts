import { describe, expect, it } from "vitest";
import { call, json, memberWithRole, ownerWithWorkspace, signUp } from "../test/http";

describe("workspaces", () => {
  it("creates a workspace whose creator is its owner, with a slug from its name", async () => {
    const person = await signUp();
    const res = await call(person, "POST", "/api/workspaces", { name: "Hill Country Auto" });
    expect(res.status).toBe(201);
    const ws = await json(res);
    expect(ws).toMatchObject({ name: "Hill Country Auto", role: "owner" });
    expect(ws.slug).toMatch(/^hill-country-auto/);
    const list = await json<{ workspaces: { slug: string }[] }>(await call(person, "GET", "/api/workspaces"));
    expect(list.workspaces.map((w) => w.slug)).toContain(ws.slug);
  });

  it("refuses malformed JSON, a missing name and a wrong type, naming the field", async () => {
    const person = await signUp();
    const malformed = await call(person, "POST", "/api/workspaces", '{"name":');
    expect(malformed.status).toBe(400);
    expect((await json<{ error: { message: string } }>(malformed)).error.message).toMatch(/Malformed JSON/);
    const missing = await call(person, "POST", "/api/workspaces", {});
    expect(missing.status).toBe(400);
    expect((await json<{ error: { message: string } }>(missing)).error.message).toMatch(/^name:/);
    const wrongType = await call(person, "POST", "/api/workspaces", { name: 42 });
    expect((await json<{ error: { message: string } }>(wrongType)).error.message).toMatch(/^name: .*string/);
    const badSlug = await call(person, "POST", "/api/workspaces", { name: "X", slug: "Not A Slug" });
    expect((await json<{ error: { message: string } }>(badSlug)).error.message).toMatch(/^slug:/);
  });

  it("refuses a slug that is taken", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const res = await call(owner, "POST", "/api/workspaces", { name: "Again", slug: ws.slug });
    expect(res.status).toBe(409);
  });

  it("shows a workspace to members with their role, 403 to others, 404 when unknown", async () => {
    const { owner, base } = await ownerWithWorkspace();
    expect(await json(await call(owner, "GET", base))).toMatchObject({ role: "owner" });
    const stranger = await signUp();
    expect((await call(stranger, "GET", base)).status).toBe(403);
    expect((await call(owner, "GET", "/api/workspaces/no-such-workspace")).status).toBe(404);
  });

  it("lets owners rename, not editors", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const editor = await memberWithRole(owner, base, "editor");
    expect((await call(editor, "PATCH", base, { name: "Hijacked" })).status).toBe(403);
    const res = await call(owner, "PATCH", base, { name: "Renamed" });
    expect(res.status).toBe(200);
    expect(await json(await call(editor, "GET", base))).toMatchObject({ name: "Renamed", role: "editor" });
  });

  it("refuses a cookie-authenticated write from another site", async () => {
    const person = await signUp();
    const res = await call(person, "POST", "/api/workspaces", { name: "CSRF" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const list = await json<{ workspaces: unknown[] }>(await call(person, "GET", "/api/workspaces"));
    expect(list.workspaces).toHaveLength(0);
  });

  it("answers unknown API routes and reserved paths with 404s", async () => {
    const person = await signUp();
    for (const path of ["/api/nope", "/t/abc", "/hooks/unknown"]) {
      const res = await call(person, "GET", path);
      expect(res.status, path).toBe(404);
      expect((await json<{ error: { status: number } }>(res)).error.status).toBe(404);
    }
    // Sites are public pages: an address with no site says so in a page of its own, locked down.
    const site = await call(person, "GET", "/s/some-site/");
    expect(site.status).toBe(404);
    expect(site.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(await site.text()).toContain("No site is published at this address.");
  });
});

describe("members", () => {
  it("lists members for any member", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const viewer = await memberWithRole(owner, base, "viewer");
    const { members } = await json<{ members: { email: string; role: string }[] }>(
      await call(viewer, "GET", `${base}/members`),
    );
    expect(members.map((m) => m.role).sort()).toEqual(["owner", "viewer"]);
  });

  it("lets owners change roles and remove members; editors cannot", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const editor = await memberWithRole(owner, base, "editor");
    const viewer = await memberWithRole(owner, base, "viewer");
    expect((await call(editor, "PATCH", `${base}/members/${viewer.id}`, { role: "editor" })).status).toBe(403);
    expect((await call(editor, "DELETE", `${base}/members/${viewer.id}`)).status).toBe(403);
    expect((await call(owner, "PATCH", `${base}/members/${viewer.id}`, { role: "editor" })).status).toBe(200);
    expect(await json(await call(viewer, "GET", base))).toMatchObject({ role: "editor" });
    expect((await call(owner, "DELETE", `${base}/members/${viewer.id}`)).status).toBe(204);
    expect((await call(viewer, "GET", base)).status).toBe(403);
  });

  it("keeps at least one owner", async () => {
    const { owner, base } = await ownerWithWorkspace();
    expect((await call(owner, "PATCH", `${base}/members/${owner.id}`, { role: "editor" })).status).toBe(409);
    expect((await call(owner, "DELETE", `${base}/members/${owner.id}`)).status).toBe(409);
  });

  it("answers 404 for someone who is not a member and 400 for an unknown role", async () => {
    const { owner, base } = await ownerWithWorkspace();
    const stranger = await signUp();
    expect((await call(owner, "PATCH", `${base}/members/${stranger.id}`, { role: "viewer" })).status).toBe(404);
    expect((await call(owner, "PATCH", `${base}/members/${owner.id}`, { role: "admin" })).status).toBe(400);
  });
});

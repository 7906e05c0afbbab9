import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Attachment } from "../../schema/attachments";
import { type Client, call, json, memberWithRole, nextAddress, ORIGIN } from "../test/http";
import { tableWith } from "../test/tables";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function upload(client: Client, path: string, body: BodyInit, type: string, name: string) {
  const headers = new Headers({ origin: ORIGIN, "cf-connecting-ip": nextAddress(), "content-type": type });
  if (client.cookie) headers.set("cookie", client.cookie);
  if (client.token) headers.set("authorization", `Bearer ${client.token}`);
  return SELF.fetch(`${ORIGIN}${path}/files?name=${encodeURIComponent(name)}`, { method: "POST", headers, body });
}

describe("a table's files", () => {
  it("stores an upload, puts it in an attachment cell, and serves it to readers without letting it run", async () => {
    const t = await tableWith([
      { name: "Dealer", type: "text" },
      { name: "Shots", type: "attachment" },
    ]);
    const res = await upload(t.owner, t.path, PNG, "image/png", "../home page.png");
    expect(res.status).toBe(201);
    const file = await json<Attachment>(res);
    expect(file).toMatchObject({ name: "_home page.png", type: "image/png", size: PNG.length });
    expect(file.key.startsWith(`files/${t.tableId}/`)).toBe(true);

    const row = await t.insert({ Dealer: "Bayou Ford", Shots: [file] });
    expect((await t.row(row))[t.col("Shots")]).toEqual([file]);

    const viewer = await memberWithRole(t.owner, t.base, "viewer");
    const served = await call(viewer, "GET", `${t.path}/files/${file.key}`);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
    expect((await upload(viewer, t.path, PNG, "image/png", "x.png")).status).toBe(403);
  });

  it("downloads rather than shows anything but an image, and serves the contact engine's screenshots", async () => {
    const t = await tableWith([{ name: "Dealer", type: "text" }]);
    const html = await json<Attachment>(
      await upload(t.owner, t.path, "<script>alert(1)</script>", "text/html", "x.html"),
    );
    const served = await call(t.owner, "GET", `${t.path}/files/${html.key}`);
    expect(served.headers.get("content-disposition")).toMatch(/^attachment;/);

    const shot = `contact/${t.tableId}/row1/2026-11-26T10-00-00-000Z/after_submit.png`;
    await env.FILES.put(shot, PNG, { httpMetadata: { contentType: "image/png" } });
    expect((await call(t.owner, "GET", `${t.path}/files/${shot}`)).status).toBe(200);
  });

  it("refuses another table's files, and empty or oversized uploads", async () => {
    const a = await tableWith([{ name: "Dealer", type: "text" }]);
    const b = await tableWith([{ name: "Dealer", type: "text" }]);
    const file = await json<Attachment>(await upload(a.owner, a.path, PNG, "image/png", "a.png"));
    expect((await call(b.owner, "GET", `${b.path}/files/${file.key}`)).status).toBe(404);
    expect((await upload(a.owner, a.path, new Uint8Array(0), "image/png", "e.png")).status).toBe(400);
    const big = await upload(a.owner, a.path, new Uint8Array(10 * 1024 * 1024 + 1), "image/png", "big.png");
    expect(big.status).toBe(413);
  });

  it("refuses a cell value that is not a list of attachments", async () => {
    const t = await tableWith([{ name: "Shots", type: "attachment" }]);
    const bad = await call(t.owner, "POST", `${t.path}/rows`, {
      cells: { Shots: [{ url: "https://example.com/x.png" }] },
    });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toMatch(/list of attachments/);
  });
});

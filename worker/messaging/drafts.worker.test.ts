import { describe, expect, it } from "vitest";
import type { MessageRecord } from "../../schema/messaging-api";
import { json } from "../test/http";
import { workspaceWithLeads } from "../test/messaging";

describe("PATCH /api/messages/:id — editing a draft", { timeout: 30_000 }, () => {
  it("changes a draft's subject and body", async () => {
    const w = await workspaceWithLeads();
    const { id } = await w.draft(w.rose);
    const res = await w.api("PATCH", `/messages/${id}`, { subject: "Rose, your site is ready" });
    expect(res.status).toBe(200);
    expect(await json<MessageRecord>(res)).toMatchObject({ subject: "Rose, your site is ready", status: "draft" });
    expect(await w.read(id)).toMatchObject({
      subject: "Rose, your site is ready",
      body: expect.stringContaining("Hi Rose"),
    });
  });

  it("refuses to change a message once it is queued or sent", async () => {
    const w = await workspaceWithLeads();
    const { id } = await w.draft(w.rose);
    expect((await w.api("POST", `/messages/${id}/send`)).status).toBe(202);
    const res = await w.api("PATCH", `/messages/${id}`, { subject: "Too late" });
    expect(res.status).toBe(400);
    expect((await json<{ error: { message: string } }>(res)).error.message).toMatch(/Only a draft can be edited/);
    expect((await w.read(id)).subject).toBe("A website for Rose's Bakery");
  });
});

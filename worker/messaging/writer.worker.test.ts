import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { FAKE_API_KEY, type FakeTurn } from "../../automation/sites/agents/test/fake-messages-api";
import { WRITER_ANSWER } from "../../automation/sites/agents/test/fixtures";
import type { MessageRecord } from "../../schema/messaging-api";
import type { DraftAnswer } from "../../schema/messaging-writer";
import { getDb } from "../db";
import { findHunting } from "../hunting/tables";
import { byKey } from "../kinds/tables";
import { publishedSiteUrl } from "../sites/host";
import { ensureSites } from "../sites/tables";
import { call, json } from "../test/http";
import { workspaceWithRosa } from "../test/sites";
import { writeDraft } from "./writer";

const fake = inject("fakeAnthropic").url;
const testOrigin = { kind: "automation" as const, job: "test" };

/** Rosa with an email and a Sites row for her (its slug is all the writer reads of it). */
async function rosaWithSite(key: string | null) {
  const rosa = await workspaceWithRosa();
  const db = getDb(env.DB);
  const h = (await findHunting(env, db, rosa.ws.id))!;
  await h.businesses.room.patchRow(
    rosa.business.rowId,
    byKey(h.businesses, { email: "Rosa@Taqueria.example" }),
    testOrigin,
  );
  const sites = await ensureSites(env, db, rosa.ws.id, null, h.ids.businesses);
  const slug = "rosas-taqueria-abc123";
  const site = await sites.room.insertRow(
    byKey(sites, { business: [rosa.business.rowId], slug, status: "review", version: 1 }),
    testOrigin,
  );
  expect(site.ok).toBe(true);
  await call(rosa.owner, "PATCH", `/api/workspaces/${rosa.ws.slug}/settings`, {
    sender: { fromName: "Ana Ruiz", fromEmail: "ana@rowpilot.example" },
    ...(key ? { secrets: { anthropicApiKey: key } } : {}),
  });
  const draft = (body: Record<string, unknown> = {}) =>
    rosa.api("POST", "/messages/draft", {
      recipientTable: h.ids.businesses,
      recipientRowId: rosa.business.rowId,
      ...body,
    });
  /** The writer as the Worker runs it, its Anthropic client pointed at the stand-in. */
  const write = () =>
    writeDraft({ ...env, ANTHROPIC_BASE_URL: fake }, db, rosa.ws.id, null, {
      recipientTable: h.ids.businesses,
      recipientRowId: rosa.business.rowId,
      channel: "email",
    });
  const read = async (id: string) => json<MessageRecord>(await rosa.api("GET", `/messages/${id}`));
  return { ...rosa, h, siteUrl: publishedSiteUrl(env, slug), draft, write, read };
}

async function queueWriter(key: string, ...turns: FakeTurn[]) {
  const res = await fetch(`${fake}/__fake/queue/messageWriter`, {
    method: "POST",
    body: JSON.stringify({ turns, key }),
  });
  expect(res.status).toBe(204);
}

const writerCalls = async (key: string) =>
  (
    await (await fetch(`${fake}/__fake/calls?key=${key}`)).json<{ agent: string; messages: { content: string }[] }[]>()
  ).filter((c) => c.agent === "messageWriter");

describe("the message writer", { timeout: 30_000 }, () => {
  it("writes the model's draft, with the business's facts and its site's address, as a draft row", async () => {
    const key = `${FAKE_API_KEY}-writer-ai`;
    const rosa = await rosaWithSite(key);
    const body = `Hi Rosa's team,\n\nI made you a site:\n\n${rosa.siteUrl}\n\nAna`;
    await queueWriter(key, { kind: "answer", json: { ...WRITER_ANSWER, body } });

    const answer = await rosa.write();

    expect(answer).toMatchObject({ status: "draft", writer: "ai", subject: WRITER_ANSWER.subject, body });
    expect(answer.subjects).toEqual(WRITER_ANSWER.subjects);
    expect(answer.writerError).toBeUndefined();
    const [call] = await writerCalls(key);
    expect(call!.messages[0]!.content).toContain("Business: Rosa's Taquería");
    expect(call!.messages[0]!.content).toContain(`Site we made for them: ${rosa.siteUrl}`);
    expect(await rosa.read(answer.id)).toMatchObject({
      status: "draft",
      to: "rosa@taqueria.example",
      subject: WRITER_ANSWER.subject,
      body,
    });
  });

  it("asks again with the problem when the answer does not fit, then falls back to the template and says why", async () => {
    const key = `${FAKE_API_KEY}-writer-bad`;
    const rosa = await rosaWithSite(key);
    const bad: FakeTurn = { kind: "answer", json: { subject: "Hi", body: "" } };
    await queueWriter(key, bad, bad, bad);

    const answer = await rosa.write();

    const calls = await writerCalls(key);
    expect(calls).toHaveLength(3);
    expect(calls[1]!.messages.at(-1)!.content).toContain("could not be used");
    expect(answer).toMatchObject({ status: "draft", writer: "template", subject: "A website for Rosa's Taquería" });
    expect(answer.writerError).toContain("Message Writer gave no usable answer in 3 attempts");
    expect(answer.body).toContain(rosa.siteUrl);
    expect((await rosa.read(answer.id)).body).toBe(answer.body);
  });
});

describe("POST /api/messages/draft", { timeout: 30_000 }, () => {
  it("fills the pitch template without a key and says the template wrote it", async () => {
    const rosa = await rosaWithSite(null);
    const res = await rosa.draft();
    expect(res.status).toBe(201);
    const answer = await json<DraftAnswer>(res);
    expect(answer).toMatchObject({ status: "draft", writer: "template", subject: "A website for Rosa's Taquería" });
    expect(answer.body).toContain(rosa.siteUrl);
    expect(answer.body).toContain("Ana Ruiz");
    expect(answer.subjects.length).toBeGreaterThanOrEqual(2);
    expect((await rosa.read(answer.id)).status).toBe("draft");
  });

  it("refuses a recipient without an email, and writes nothing", async () => {
    const rosa = await rosaWithSite(null);
    await rosa.h.businesses.room.patchRow(rosa.business.rowId, byKey(rosa.h.businesses, { email: null }), testOrigin);
    const res = await rosa.draft();
    expect(res.status).toBe(400);
    expect((await json<{ error: { message: string } }>(res)).error.message).toContain("has no email address");
    expect((await json<{ messages: unknown[] }>(await rosa.api("GET", "/messages"))).messages).toHaveLength(0);
  });

  it("refuses a template with an unknown placeholder, naming it, before anything is written", async () => {
    const rosa = await rosaWithSite(null);
    const res = await rosa.draft({ template: { subject: "For {{business.nmae}}", body: "See {{site.url}}" } });
    expect(res.status).toBe(400);
    expect((await json<{ error: { message: string } }>(res)).error.message).toContain(
      "unknown placeholders {{business.nmae}}",
    );
    expect((await json<{ messages: unknown[] }>(await rosa.api("GET", "/messages"))).messages).toHaveLength(0);
  });
});

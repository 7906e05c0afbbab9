/**
 * Sending through an email provider as `npm start` runs it with `RESEND_URL` and `POSTMARK_URL`
 * pointing at stand-ins: a workspace chooses the provider and sets its key in its settings, a
 * message to a lead is written and sent, and the stand-in gets it once, tracked, with one-click
 * unsubscribe, while the row says sent with the provider's message id.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakePostmark } from "../automation/messaging/providers/test/fake-postmark";
import type { FakeProvider, FakeRequest } from "../automation/messaging/providers/test/fake-provider";
import { startFakeResend } from "../automation/messaging/providers/test/fake-resend";
import type { MessageRecord } from "../schema/messaging-api";
import { describeStandIns, providerStandIns } from "../scripts/provider-urls";
import { type Served, serve } from "../scripts/serve";
import { Api } from "./api";

const RESEND_KEY = "re_e2e_key";
const POSTMARK_KEY = "postmark-e2e-token";
const SENDER = {
  fromName: "Ana at Rowpilot",
  fromEmail: "ana@rowpilot.example",
  replyTo: "",
  postalAddress: "100 Congress Ave, Austin, TX 78701",
};
/** A send goes through the outreach-jobs queue; a loaded machine takes a few seconds. */
const SENT_WITHIN_MS = 20_000;

let resend: FakeProvider | undefined;
let postmark: FakeProvider | undefined;
let served: Served | undefined;

beforeAll(async () => {
  resend = await startFakeResend(RESEND_KEY);
  postmark = await startFakePostmark(POSTMARK_KEY);
  served = await serve({ env: { RESEND_URL: resend.url, POSTMARK_URL: postmark.url } });
});

afterAll(async () => {
  await served?.stop();
  if (served) rmSync(served.state, { recursive: true, force: true });
  await resend?.close();
  await postmark?.close();
});

/** A lead with an email address in a new table, and a message to them sent through `provider`. */
async function sendThrough(provider: "resend" | "postmark", apiKey: string) {
  const { api, slug, tableId } = await Api.withTable(
    served!.url,
    [{ name: "Name" }, { name: "Email", type: "email" }],
    `Leads ${provider}`,
  );
  await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
    sender: SENDER,
    providers: { email: provider },
    secrets: { emailApiKey: apiKey },
  });
  const lead = await api.request<{ id: string }>("POST", `/api/tables/${tableId}/rows`, {
    cells: { Name: "Rose's Bakery", Email: "rose@bakery.example" },
  });
  const ws = `workspace=${slug}`;
  const { id } = await api.request<{ id: string }>("POST", `/api/messages?${ws}`, {
    recipientTable: tableId,
    recipientRowId: lead.id,
    channel: "email",
    subject: "A website for Rose's Bakery",
    body: "Hi Rose,\n\nYour new site: https://roses-bakery.example/\n\nAna",
  });
  await api.request("POST", `/api/messages/${id}/send?${ws}`);
  const until = Date.now() + SENT_WITHIN_MS;
  let message = await api.request<MessageRecord>("GET", `/api/messages/${id}?${ws}`);
  while (message.status === "queued" && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    message = await api.request<MessageRecord>("GET", `/api/messages/${id}?${ws}`);
  }
  return { id, message };
}

/** Every request the stand-in got for one message (our message id travels in each body). */
const requestsFor = (fake: FakeProvider, id: string): FakeRequest[] => fake.requests.filter((r) => r.body.includes(id));

describe("sending pitch emails through provider stand-ins", () => {
  it("says at start which providers are stand-ins", () => {
    const standIns = providerStandIns({ RESEND_URL: resend!.url, POSTMARK_URL: postmark!.url });
    expect(describeStandIns(standIns)).toBe(
      `Providers: RESEND_URL → ${resend!.url} (stand-in), POSTMARK_URL → ${postmark!.url} (stand-in)`,
    );
  });

  it("sends once through Resend, with the key, the idempotency key and one-click unsubscribe", async () => {
    const { id, message } = await sendThrough("resend", RESEND_KEY);
    expect(message).toMatchObject({ status: "sent", provider: "Resend", error: null });
    const requests = requestsFor(resend!, id);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.headers.authorization).toBe(`Bearer ${RESEND_KEY}`);
    expect(request!.headers["idempotency-key"]).toBe(`message-${id}`);
    const body = JSON.parse(request!.body);
    expect(body.headers["List-Unsubscribe"]).toMatch(new RegExp(`^<${served!.url}/u/[\\w-]+\\.[\\w-]+>$`));
    expect(body.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(body.html).toContain(`${served!.url}/t/o/`);
    expect(body.html).toContain(`href="${served!.url}/t/c/`);
    expect(body.tags).toEqual([{ name: "message_id", value: id }]);
    expect(message.providerMessageId).toMatch(/^resend-email-\d+$/);
  });

  it("sends once through Postmark, the headers in Postmark's form", async () => {
    const { id, message } = await sendThrough("postmark", POSTMARK_KEY);
    expect(message).toMatchObject({ status: "sent", provider: "Postmark", error: null });
    const requests = requestsFor(postmark!, id);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.headers["x-postmark-server-token"]).toBe(POSTMARK_KEY);
    const body = JSON.parse(request!.body);
    expect(body.Headers).toEqual([
      { Name: "List-Unsubscribe", Value: expect.stringMatching(new RegExp(`^<${served!.url}/u/`)) },
      { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
    ]);
    expect(body.Metadata).toEqual({ message_id: id });
    expect(message.providerMessageId).toMatch(/^postmark-\d+$/);
  });

  it("fails the message with the provider's reason when the key is refused", async () => {
    const { id, message } = await sendThrough("resend", "re_refused");
    expect(message.status).toBe("failed");
    expect(message.error).toMatch(/^Resend answered HTTP 401: .*Check the Resend key/);
    expect(requestsFor(resend!, id)).toHaveLength(1);
  });
});

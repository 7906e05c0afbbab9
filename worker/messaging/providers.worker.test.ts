/**
 * The send job through each provider's client, against the providers' fakes on 127.0.0.1
 * (`worker/test/fake-providers-setup.ts`): what each provider receives, and what the row says.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { FakeRequest } from "../../automation/messaging/providers/test/fake-provider";
import { verifyToken } from "../../automation/messaging/tracking";
import type { MessagingSettingsInput } from "../../schema/messaging-api";
import { FAKE_KEYS, type FakeName, failNext, fakeRequests, fakeUrl } from "../test/fake-providers";
import { call } from "../test/http";
import { workspaceWithLeads } from "../test/messaging";
import { queuedMessage } from "../test/send-job";
import { trackingKeyOf } from "./tracker";

const LINK = "https://roses-bakery.example/menu?day=sat";
const BODY = `Hi Rose,\n\nYour new site is up: ${LINK}\n\nAna`;
/** APP_URL of the workerd tests (vitest.config.ts). */
const APP = "http://rowpilot.test";

type EmailName = Exclude<FakeName, "twilio">;

/** What a provider received, read from its own request form. */
type Seen = { authorized: boolean; headers: Record<string, string>; html: string; messageTag: string };

const pairs = (list: unknown) =>
  Object.fromEntries((list as { Name: string; Value: string }[]).map(({ Name, Value }) => [Name, Value]));

const EMAIL_PROVIDERS: Record<EmailName, { name: string; urlVar: keyof Env; read(r: FakeRequest): Seen }> = {
  resend: {
    name: "Resend",
    urlVar: "RESEND_URL",
    read: (r) => {
      const body = JSON.parse(r.body);
      return {
        authorized: r.headers.authorization === `Bearer ${FAKE_KEYS.resend}`,
        headers: body.headers,
        html: body.html,
        messageTag: body.tags.find((tag: { name: string }) => tag.name === "message_id")?.value,
      };
    },
  },
  postmark: {
    name: "Postmark",
    urlVar: "POSTMARK_URL",
    read: (r) => {
      const body = JSON.parse(r.body);
      return {
        authorized: r.headers["x-postmark-server-token"] === FAKE_KEYS.postmark,
        headers: pairs(body.Headers),
        html: body.HtmlBody,
        messageTag: body.Metadata.message_id,
      };
    },
  },
  sendgrid: {
    name: "SendGrid",
    urlVar: "SENDGRID_URL",
    read: (r) => {
      const body = JSON.parse(r.body);
      return {
        authorized: r.headers.authorization === `Bearer ${FAKE_KEYS.sendgrid}`,
        headers: body.headers,
        html: body.content.find((part: { type: string }) => part.type === "text/html")?.value,
        messageTag: body.custom_args.message_id,
      };
    },
  },
  ses: {
    name: "Amazon SES",
    urlVar: "SES_URL",
    read: (r) => {
      const body = JSON.parse(r.body);
      return {
        // The fake re-signs the request with the secret: it answered only if the signature matched.
        authorized: `${r.headers.authorization}`.startsWith(
          `AWS4-HMAC-SHA256 Credential=${FAKE_KEYS.ses.split(":")[0]}/`,
        ),
        headers: pairs(body.Content.Simple.Headers),
        html: body.Content.Simple.Body.Html.Data,
        messageTag: body.EmailTags.find((tag: { Name: string }) => tag.Name === "message_id")?.Value,
      };
    },
  },
};

/** A workspace whose messaging settings (and secrets) are changed as given. */
async function workspaceWith(change: MessagingSettingsInput & { secrets?: Record<string, string | null> }) {
  const t = await workspaceWithLeads();
  const res = await call(t.owner, "PATCH", `${t.base}/settings`, change);
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${await res.text()}`);
  return t;
}

/** The requests a fake received for one message (each names it in its body). */
const requestsFor = async (name: FakeName, messageId: string) =>
  (await fakeRequests(name)).filter((r) => r.body.includes(messageId));

const urlEnv = (name: FakeName, urlVar: keyof Env): Partial<Env> => ({ [urlVar]: fakeUrl(name) });

describe("the send job — through each email provider", { timeout: 30_000 }, () => {
  for (const [kind, provider] of Object.entries(EMAIL_PROVIDERS) as [
    EmailName,
    (typeof EMAIL_PROVIDERS)[EmailName],
  ][]) {
    it(`hands ${provider.name} the tracked email with its key, the one-click unsubscribe headers and our message id`, async () => {
      const t = await workspaceWith({ providers: { email: kind }, secrets: { emailApiKey: FAKE_KEYS[kind] } });
      const m = await queuedMessage(t, { body: BODY });

      expect(await m.run(1, { env: urlEnv(kind, provider.urlVar) })).toEqual({ type: "done", status: "sent" });

      const requests = await requestsFor(kind, m.id);
      expect(requests).toHaveLength(1);
      const request = requests[0]!;
      const seen = provider.read(request);
      expect(seen.authorized).toBe(true);
      if (kind === "resend") expect(request.headers["idempotency-key"]).toBe(`message-${m.id}`);
      expect(seen.messageTag).toBe(m.id);
      expect(seen.headers["List-Unsubscribe"]).toMatch(new RegExp(`^<${APP}/u/[\\w-]+\\.[\\w-]+>$`));
      expect(seen.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

      // The link leaves as a signed tracked link that leads back to exactly the original URL.
      expect(seen.html).not.toContain(`href="${LINK.replace("&", "&amp;")}"`);
      const token = new RegExp(`href="${APP}/t/c/([\\w-]+\\.[\\w-]+)"`).exec(seen.html)?.[1] ?? "";
      expect(await verifyToken(await trackingKeyOf(env), token, "c")).toMatchObject({
        ok: true,
        payload: { url: LINK, messageId: m.id },
      });
      expect(seen.html).toMatch(
        new RegExp(`<img src="${APP}/t/o/[\\w-]+\\.[\\w-]+\\.gif" width="1" height="1" alt="">`),
      );
      expect(seen.html).toContain("100 Congress Ave, Austin, TX 78701");

      const row = await t.read(m.id);
      expect(row).toMatchObject({ status: "sent", provider: provider.name, error: null });
      expect(row.providerMessageId).toMatch(/^(resend-email|postmark|sendgrid|ses)-\d+$/);
      expect(await m.cell("html")).toBe(seen.html);
    });
  }
});

describe("the send job — provider refusals and missing settings", { timeout: 30_000 }, () => {
  const resendEnv = urlEnv("resend", "RESEND_URL");

  it("fails the message at once with Resend's reason when it refuses the key", async () => {
    const t = await workspaceWith({ providers: { email: "resend" }, secrets: { emailApiKey: "re_not_the_key" } });
    const m = await queuedMessage(t);
    expect(await m.run(1, { env: resendEnv })).toEqual({ type: "done", status: "failed" });
    expect((await t.read(m.id)).error).toBe(
      "Resend answered HTTP 401: the key was not recognised. Check the Resend key and sender in Settings",
    );
    expect(await requestsFor("resend", m.id)).toHaveLength(1);
  });

  it("tries a rate-limited send again after Resend's Retry-After with the same idempotency key, and sends it once", async () => {
    const t = await workspaceWith({ providers: { email: "resend" }, secrets: { emailApiKey: FAKE_KEYS.resend } });
    const m = await queuedMessage(t);
    await failNext("resend", { status: 429, message: "Too many requests", retryAfter: "7" });
    expect(await m.run(1, { env: resendEnv })).toEqual({ type: "retry", delaySeconds: 7 });
    expect(await t.read(m.id)).toMatchObject({
      status: "queued",
      error: "Try 1 failed: Resend answered HTTP 429: Too many requests; trying again in 7 s",
    });
    expect(await m.run(2, { env: resendEnv })).toEqual({ type: "done", status: "sent" });
    const keys = (await requestsFor("resend", m.id)).map((r) => r.headers["idempotency-key"]);
    expect(keys).toEqual([`message-${m.id}`, `message-${m.id}`]);
    expect(await t.read(m.id)).toMatchObject({ status: "sent", provider: "Resend", error: null });
  });

  it("fails a message whose provider has no key, saying where to set it, and calls nobody", async () => {
    const t = await workspaceWith({ providers: { email: "resend" } });
    const m = await queuedMessage(t);
    expect(await m.run(1, { env: resendEnv })).toEqual({ type: "done", status: "failed" });
    expect((await t.read(m.id)).error).toBe(
      "Resend needs the workspace's email API key: Settings → Messaging → emailApiKey",
    );
    expect(await requestsFor("resend", m.id)).toEqual([]);
  });

  it("fails an email from a sender without a postal address, as the bulk-sender rules ask, and calls nobody", async () => {
    const t = await workspaceWith({
      sender: { postalAddress: "" },
      providers: { email: "resend" },
      secrets: { emailApiKey: FAKE_KEYS.resend },
    });
    const m = await queuedMessage(t);
    expect(await m.run(1, { env: resendEnv })).toEqual({ type: "done", status: "failed" });
    expect((await t.read(m.id)).error).toBe("Add your postal address in Settings → Messaging");
    expect(await requestsFor("resend", m.id)).toEqual([]);
  });
});

describe("the send job — Cloudflare's Email Service", { timeout: 30_000 }, () => {
  it("sends the tracked email through the EMAIL binding and keeps the id it answers", async () => {
    const t = await workspaceWith({ providers: { email: "cloudflare" } });
    const m = await queuedMessage(t, { body: BODY });
    expect(await m.run(1)).toEqual({ type: "done", status: "sent" });
    const row = await t.read(m.id);
    expect(row).toMatchObject({ status: "sent", provider: "Cloudflare Email Service", error: null });
    expect(row.providerMessageId).toMatch(/@/);
    expect(await m.cell("html")).toContain(`${APP}/t/o/`);
  });

  it("fails clearly when no send_email binding is bound", async () => {
    const t = await workspaceWith({ providers: { email: "cloudflare" } });
    const m = await queuedMessage(t);
    expect(await m.run(1, { env: { EMAIL: undefined } })).toEqual({ type: "done", status: "failed" });
    expect((await t.read(m.id)).error).toMatch(/^Cloudflare Email Service is not bound: add a send_email binding/);
  });
});

describe("the send job — SMS through Twilio and the outbox", { timeout: 30_000 }, () => {
  const twilioEnv = urlEnv("twilio", "TWILIO_URL");

  it("sends from the workspace's number with the account's key", async () => {
    const t = await workspaceWith({ providers: { sms: "twilio" }, secrets: { smsApiKey: FAKE_KEYS.twilio } });
    const m = await queuedMessage(t, { channel: "sms", body: "Hi Rose, your site is up." });
    expect(await m.run(1, { env: twilioEnv })).toEqual({ type: "done", status: "sent" });
    const requests = (await fakeRequests("twilio")).filter((r) => r.body.includes("Hi+Rose"));
    expect(requests.map((r) => Object.fromEntries(new URLSearchParams(r.body)))).toContainEqual({
      To: "+15125550100",
      From: "+15125550199",
      Body: "Hi Rose, your site is up.",
    });
    expect(await t.read(m.id)).toMatchObject({ status: "sent", provider: "Twilio", error: null });
    expect((await t.read(m.id)).providerMessageId).toMatch(/^SM\d{32}$/);
  });

  it("keeps an outbox SMS as sent from the workspace's number", async () => {
    const t = await workspaceWithLeads();
    const m = await queuedMessage(t, { channel: "sms", body: "Hi Rose, from the outbox." });
    expect(await m.run(1)).toEqual({ type: "done", status: "sent" });
    expect(await t.outbox()).toEqual([
      expect.objectContaining({ messageId: m.id, channel: "sms", from: "+15125550199", to: "+15125550100" }),
    ]);
  });

  it("fails an SMS when the workspace has no number to send from, saying where to set one", async () => {
    const t = await workspaceWith({
      sender: { smsFrom: "" },
      providers: { sms: "twilio" },
      secrets: { smsApiKey: FAKE_KEYS.twilio },
    });
    const m = await queuedMessage(t, { channel: "sms", body: "No number yet." });
    expect(await m.run(1, { env: twilioEnv })).toEqual({ type: "done", status: "failed" });
    expect((await t.read(m.id)).error).toBe(
      "Twilio needs a number to send from: Settings → Messaging → sender.smsFrom (E.164, e.g. +15125550100)",
    );
    expect((await fakeRequests("twilio")).filter((r) => r.body.includes("No+number"))).toEqual([]);
  });
});

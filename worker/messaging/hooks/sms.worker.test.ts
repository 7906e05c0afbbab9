import { describe, expect, it } from "vitest";
import { SENDER } from "../../test/messaging";
import { postHook, TWILIO_TOKEN, twilioSigned } from "./test/signed";
import { hookWorkspace } from "./test/workspace";

const ROSE_PHONE = "+15125550100";
const OUR_NUMBER = "+15125550199";

async function smsWorkspace() {
  const t = await hookWorkspace({ smsWebhookSecret: TWILIO_TOKEN });
  const path = `/hooks/sms/twilio/${t.ws.slug}`;
  let sids = 0;
  /** Rose texts `text` to our number. */
  const texted = async (text: string) =>
    postHook(
      path,
      await twilioSigned(path, {
        MessageSid: `SM-in-${++sids}`,
        SmsStatus: "received",
        From: ROSE_PHONE,
        To: OUR_NUMBER,
        Body: text,
      }),
    );
  /** An SMS to Rose, sent through the outbox. */
  const sentSms = async (body = "Your site is ready: have a look?") => {
    const { id } = await t.draft(t.rose, { channel: "sms", body });
    const res = await t.api("POST", `/messages/${id}/send`);
    if (res.status !== 202) throw new Error(`send: ${res.status} ${await res.text()}`);
    return { id, status: (await t.settled(id)).status };
  };
  return { ...t, path, texted, sentSms };
}

describe("SMS webhooks — Twilio", { timeout: 40_000 }, () => {
  it("suppresses the number on STOP, confirms in TwiML, and the next SMS to it is suppressed", async () => {
    const t = await smsWorkspace();
    const first = await t.sentSms();
    expect(first.status).toBe("sent");
    const res = await t.texted(" Stop ");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/xml");
    expect(await res.text()).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Message>You are unsubscribed from ${SENDER.fromName} messages. No more messages will be sent.</Message></Response>`,
    );
    expect(await t.suppressions()).toEqual([[ROSE_PHONE, "unsubscribed"]]);
    expect((await t.read(first.id)).status).toBe("unsubscribed");
    expect(await t.inbound()).toEqual([expect.objectContaining({ channel: "sms", from: ROSE_PHONE, body: " Stop " })]);
    const next = await t.sentSms("One more thing");
    expect(next.status).toBe("suppressed");
  });

  it("answers HELP with the sender's name and how to opt out, and suppresses nothing", async () => {
    const t = await smsWorkspace();
    const res = await t.texted("help");
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(
      `<Message>${SENDER.fromName}: reply to this number to reach us. Reply STOP to opt out.</Message>`,
    );
    expect(await t.suppressions()).toEqual([]);
  });

  it("keeps a reply as an inbound SMS in the thread of the last SMS sent to that number, marked replied", async () => {
    const t = await smsWorkspace();
    const sent = await t.sentSms();
    const res = await t.texted("Sounds good, call me");
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await t.inbound()).toEqual([
      expect.objectContaining({
        channel: "sms",
        from: ROSE_PHONE,
        to: OUR_NUMBER,
        body: "Sounds good, call me",
        status: "delivered",
        threadId: sent.id,
      }),
    ]);
    expect((await t.read(sent.id)).status).toBe("replied");
  });

  it("marks a message delivered from a status callback naming it, once for a callback sent twice", async () => {
    const t = await smsWorkspace();
    const id = await t.sent("sms", "Twilio", "SM-out-1");
    const path = `${t.path}?message_id=${id}`;
    const callback = await twilioSigned(path, {
      MessageSid: "SM-out-1",
      MessageStatus: "delivered",
      From: OUR_NUMBER,
      To: ROSE_PHONE,
    });
    expect((await postHook(path, callback)).status).toBe(200);
    expect((await postHook(path, callback)).status).toBe(200);
    expect((await t.read(id)).status).toBe("delivered");
    expect(await t.eventsOf(id)).toEqual([{ type: "delivered", source: "twilio", machine: false }]);
  });

  it("refuses a request signed with another Auth Token with 401, and changes nothing", async () => {
    const t = await smsWorkspace();
    const sent = await t.sentSms();
    const signed = await twilioSigned(t.path, {
      MessageSid: "SM-forged",
      SmsStatus: "received",
      From: ROSE_PHONE,
      To: OUR_NUMBER,
      Body: "STOP",
    });
    const forged = { ...signed, body: signed.body.replace("SM-forged", "SM-forged-2") };
    const res = await postHook(t.path, forged);
    expect(res.status).toBe(401);
    expect(await t.suppressions()).toEqual([]);
    expect(await t.inbound()).toEqual([]);
    expect((await t.read(sent.id)).status).toBe("sent");
  });
});

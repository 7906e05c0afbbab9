import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NormalizedEvent } from "../../../schema/messaging-events";
import { events, SIGNATURE_HEADER, smsKeywords, verify } from "./twilio";

const AUTH_TOKEN = "12345";
const NOW = new Date("2026-12-06T12:00:00Z");
const URL_ = "https://app.example/hooks/sms/twilio/acme";

/** Signed as Twilio documents it, computed here with Node's own HMAC. */
function signed(body: string, url = URL_, token = AUTH_TOKEN) {
  const params = [...new URLSearchParams(body)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signature = createHmac("sha1", token)
    .update(url + params.map(([k, v]) => k + v).join(""))
    .digest("base64");
  return { url, headers: new Headers({ [SIGNATURE_HEADER]: signature }), body };
}

/** An inbound SMS as Twilio posts it (trimmed). */
const INBOUND = new URLSearchParams({
  ToCountry: "US",
  SmsMessageSid: "SM1f0e8ae6ade43cb3c0ce4525424e404f",
  NumMedia: "0",
  SmsSid: "SM1f0e8ae6ade43cb3c0ce4525424e404f",
  SmsStatus: "received",
  Body: "Sounds good, call me tomorrow",
  To: "+15017122661",
  MessageSid: "SM1f0e8ae6ade43cb3c0ce4525424e404f",
  AccountSid: "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
  From: "+15558675310",
  ApiVersion: "2010-04-01",
}).toString();

describe("Twilio webhooks — signature", () => {
  it("matches the worked example in Twilio's security docs", async () => {
    const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const body = "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212";
    const headers = new Headers({ [SIGNATURE_HEADER]: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=" });
    expect(await verify({ url, headers, body }, AUTH_TOKEN, NOW)).toEqual({ ok: true });
  });

  it("accepts an inbound SMS signed with the Auth Token", async () => {
    expect(await verify(signed(INBOUND), AUTH_TOKEN, NOW)).toEqual({ ok: true });
  });

  it("refuses another Auth Token, a changed body and another URL", async () => {
    expect(await verify(signed(INBOUND, URL_, "other-token"), AUTH_TOKEN, NOW)).toEqual({
      ok: false,
      reason: "X-Twilio-Signature does not match the URL, parameters and Auth Token",
    });
    expect(
      (await verify({ ...signed(INBOUND), body: INBOUND.replace("Sounds+good", "STOP") }, AUTH_TOKEN, NOW)).ok,
    ).toBe(false);
    expect(
      (await verify({ ...signed(INBOUND), url: "https://app.example/hooks/sms/twilio/other" }, AUTH_TOKEN, NOW)).ok,
    ).toBe(false);
  });

  it("refuses an unsigned request", async () => {
    expect(await verify({ url: URL_, headers: new Headers(), body: INBOUND }, AUTH_TOKEN, NOW)).toEqual({
      ok: false,
      reason: "missing X-Twilio-Signature header",
    });
  });
});

describe("Twilio webhooks — events", () => {
  it("turns an inbound SMS into an inbound event from the sender", () => {
    const [event] = events(INBOUND, NOW);
    expect(NormalizedEvent.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      provider: "twilio",
      providerMessageId: "SM1f0e8ae6ade43cb3c0ce4525424e404f",
      type: "inbound",
      at: "2026-12-06T12:00:00.000Z",
      recipient: "+15558675310",
      inbound: { from: "+15558675310", to: "+15017122661", text: "Sounds good, call me tomorrow" },
    });
  });

  it("maps final status callbacks and skips the steps before them", () => {
    const status = (MessageStatus: string) =>
      new URLSearchParams({
        MessageSid: "SM1",
        MessageStatus,
        From: "+15017122661",
        To: "+15558675310",
        AccountSid: "AC1",
      }).toString();
    const url = `${URL_}?message_id=msg_row_1`;
    expect(
      ["queued", "sent", "delivered", "undelivered", "failed"].map((s) => events(status(s), NOW, url)[0]?.type),
    ).toEqual([undefined, undefined, "delivered", "failed", "failed"]);
    expect(events(status("delivered"), NOW, url)[0]).toMatchObject({
      messageId: "msg_row_1",
      recipient: "+15558675310",
      eventId: "twilio:SM1:delivered",
    });
  });

  it("says what is missing from a body that is not a Twilio message", () => {
    expect(() => events("hello=world", NOW)).toThrow("Twilio webhook body has no MessageSid, From or To");
  });
});

describe("Twilio SMS keywords", () => {
  it("reads the opt-out, help and opt-in words in any case, trimmed", () => {
    for (const word of ["STOP", "stopall", " Unsubscribe ", "cancel", "END", "quit\n"])
      expect(smsKeywords(word)).toBe("stop");
    for (const word of ["HELP", "info"]) expect(smsKeywords(word)).toBe("help");
    for (const word of ["START", "unstop", "Yes"]) expect(smsKeywords(word)).toBe("start");
  });

  it("ignores a keyword inside a sentence", () => {
    expect(smsKeywords("please stop texting me")).toBeNull();
    expect(smsKeywords("Sounds good")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { composeSms, emailDraft } from "./compose";

const SENDER = {
  fromName: "Ana",
  fromEmail: "ana@rowpilot.example",
  replyTo: "",
  postalAddress: "100 Congress Ave\nAustin, TX",
  smsFrom: "+15125550199",
};
const DRAFT = {
  messageId: "m1",
  to: "rose@bakery.example",
  subject: " Hello ",
  body: "Hi <Rose> & co,\nline two\n\nBye",
};

describe("messaging — a row made ready to send", () => {
  it("drafts the email from the workspace's sender, the HTML left to be made from the text", () => {
    expect(emailDraft(DRAFT, SENDER, "ws1")).toEqual({
      workspaceId: "ws1",
      messageId: "m1",
      from: { email: "ana@rowpilot.example", name: "Ana" },
      to: "rose@bakery.example",
      replyTo: null,
      subject: "Hello",
      text: DRAFT.body,
      html: null,
      postalAddress: "100 Congress Ave\nAustin, TX",
      unsubscribeMailto: null,
    });
  });

  it("sends an SMS from the given number with the message's one idempotency key", () => {
    expect(composeSms({ ...DRAFT, to: "+15125550100", body: " Hi Rose " }, SENDER.smsFrom)).toEqual({
      messageId: "m1",
      from: "+15125550199",
      to: "+15125550100",
      text: "Hi Rose",
      idempotencyKey: "message-m1",
    });
  });

  it("refuses to send without a sender address, a postal address, a subject or a body, saying which", () => {
    expect(() => emailDraft(DRAFT, { ...SENDER, fromEmail: "" }, "ws1")).toThrow(/set the sender's email/);
    expect(() => emailDraft(DRAFT, { ...SENDER, postalAddress: " " }, "ws1")).toThrow(
      "Add your postal address in Settings → Messaging",
    );
    expect(() => emailDraft({ ...DRAFT, subject: " " }, SENDER, "ws1")).toThrow("The message has no subject");
    expect(() => emailDraft({ ...DRAFT, body: "" }, SENDER, "ws1")).toThrow("The message has no body");
    expect(() => composeSms({ ...DRAFT, body: " " }, "")).toThrow("The message has no text");
  });
});

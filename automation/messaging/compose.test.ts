import { describe, expect, it } from "vitest";
import { composeEmail, composeSms } from "./compose";

const SENDER = {
  fromName: "Ana",
  fromEmail: "ana@rowpilot.example",
  replyTo: "",
  postalAddress: "100 Congress Ave\nAustin, TX",
};
const DRAFT = {
  messageId: "m1",
  to: "rose@bakery.example",
  subject: " Hello ",
  body: "Hi <Rose> & co,\nline two\n\nBye",
};

describe("messaging — composing what a provider sends", () => {
  it("sends the body as text and as escaped HTML paragraphs, with the postal address at the foot", () => {
    const email = composeEmail(DRAFT, SENDER);
    expect(email).toMatchObject({
      messageId: "m1",
      from: { email: "ana@rowpilot.example", name: "Ana" },
      to: "rose@bakery.example",
      replyTo: null,
      subject: "Hello",
      idempotencyKey: "msg:m1",
    });
    expect(email.text).toBe("Hi <Rose> & co,\nline two\n\nBye\n\n--\n100 Congress Ave\nAustin, TX\n");
    expect(email.html).toContain("<p>Hi &lt;Rose&gt; &amp; co,<br>line two</p>\n<p>Bye</p>");
    expect(email.html).toContain("100 Congress Ave<br>Austin, TX");
  });

  it("refuses to send without a sender address, a subject or a body, saying which", () => {
    expect(() => composeEmail(DRAFT, { ...SENDER, fromEmail: "" })).toThrow(/set the sender's email/);
    expect(() => composeEmail({ ...DRAFT, subject: " " }, SENDER)).toThrow("The message has no subject");
    expect(() => composeEmail({ ...DRAFT, body: "" }, SENDER)).toThrow("The message has no body");
    expect(() => composeSms({ ...DRAFT, body: " " }, "")).toThrow("The message has no text");
  });
});

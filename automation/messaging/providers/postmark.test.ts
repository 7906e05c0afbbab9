import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postmarkSender } from "./postmark";
import { describeErrorKinds, sendError } from "./test/error-kinds";
import { startFakePostmark } from "./test/fake-postmark";
import type { FakeProvider } from "./test/fake-provider";
import { pitchEmail } from "./test/messages";

const TOKEN = "server-token-123";

describe("Postmark — sending a pitch email", () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakePostmark(TOKEN);
  });
  afterAll(() => fake.close());

  it("posts the email with headers as Name/Value pairs, our message id as Metadata and the stream", async () => {
    const result = await postmarkSender({ apiKey: TOKEN, baseUrl: fake.url }).send(pitchEmail);

    expect(result).toEqual({ provider: "Postmark", providerMessageId: "postmark-1" });
    expect(JSON.parse(fake.requests.at(-1)?.body ?? "")).toEqual({
      From: '"Ana, Studio Web" <ana@studio.example>',
      To: "owner@bakery.example",
      ReplyTo: "replies@studio.example",
      Subject: "A new site for Rosa's Bakery",
      TextBody: pitchEmail.text,
      HtmlBody: pitchEmail.html,
      Headers: [
        {
          Name: "List-Unsubscribe",
          Value: "<https://rowpilot.example.com/u/tok_123>, <mailto:unsubscribe@studio.example>",
        },
        { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
      ],
      Metadata: { message_id: "msg_01HZX3K9" },
      MessageStream: "outbound",
    });
  });

  it("sends on the stream it is given", async () => {
    await postmarkSender({ apiKey: TOKEN, baseUrl: fake.url, messageStream: "pitches" }).send(pitchEmail);
    expect(JSON.parse(fake.requests.at(-1)?.body ?? "").MessageStream).toBe("pitches");
  });

  it("stops on an inactive recipient (ErrorCode 406): the address bounced or complained", async () => {
    fake.failNext({
      status: 422,
      code: 406,
      message: "You tried to send to recipient(s) that have been marked as inactive.",
    });
    const error = await sendError(() => postmarkSender({ apiKey: TOKEN, baseUrl: fake.url }).send(pitchEmail));
    expect(error).toMatchObject({ kind: "invalid", retryable: false });
    expect(error.message).toContain("marked as inactive");
  });

  it("stops as a setup problem when the sender signature is not confirmed (ErrorCode 401)", async () => {
    fake.failNext({ status: 422, code: 401, message: "Sender signature not confirmed" });
    const error = await sendError(() => postmarkSender({ apiKey: TOKEN, baseUrl: fake.url }).send(pitchEmail));
    expect(error).toMatchObject({ kind: "auth", retryable: false });
    expect(error.message).toContain("Sender signature not confirmed");
  });
});

describeErrorKinds("Postmark", {
  start: () => startFakePostmark(TOKEN),
  invalidStatus: 422,
  client: ({ baseUrl, wrongKey, timeoutMs }) => {
    const sender = postmarkSender({ apiKey: wrongKey ? "wrong" : TOKEN, baseUrl, timeoutMs });
    return { send: () => sender.send(pitchEmail) };
  },
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resendSender } from "./resend";
import { describeErrorKinds, sendError } from "./test/error-kinds";
import type { FakeProvider } from "./test/fake-provider";
import { startFakeResend } from "./test/fake-resend";
import { pitchEmail } from "./test/messages";

const KEY = "re_test_123";

describe("Resend — sending a pitch email", () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeResend(KEY);
  });
  afterAll(() => fake.close());

  it("posts the email with its unsubscribe headers, our message id as a tag and the idempotency key", async () => {
    const result = await resendSender({ apiKey: KEY, baseUrl: fake.url }).send(pitchEmail);

    expect(result).toEqual({ provider: "Resend", providerMessageId: "resend-email-1" });
    const request = fake.requests.at(-1);
    expect(request?.headers["idempotency-key"]).toBe("send/msg_01HZX3K9");
    expect(JSON.parse(request?.body ?? "")).toEqual({
      from: '"Ana, Studio Web" <ana@studio.example>',
      to: ["owner@bakery.example"],
      reply_to: "replies@studio.example",
      subject: "A new site for Rosa's Bakery",
      text: pitchEmail.text,
      html: pitchEmail.html,
      headers: {
        "List-Unsubscribe": "<https://rowpilot.example.com/u/tok_123>, <mailto:unsubscribe@studio.example>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
      tags: [{ name: "message_id", value: "msg_01HZX3K9" }],
    });
  });

  it("sends the same idempotency key on every try of one message", async () => {
    const sender = resendSender({ apiKey: KEY, baseUrl: fake.url });
    fake.failNext({ status: 500 });
    await sender.send(pitchEmail).catch(() => undefined);
    await sender.send(pitchEmail);
    const keys = fake.requests.slice(-2).map((request) => request.headers["idempotency-key"]);
    expect(keys).toEqual(["send/msg_01HZX3K9", "send/msg_01HZX3K9"]);
  });

  it("asks again later while an earlier try with the same key is still being sent (409)", async () => {
    fake.failNext({ status: 409, message: "The same idempotency key is already being processed" });
    const error = await sendError(() => resendSender({ apiKey: KEY, baseUrl: fake.url }).send(pitchEmail));
    expect(error).toMatchObject({ kind: "rate_limited", retryable: true });
  });
});

describeErrorKinds("Resend", {
  start: () => startFakeResend(KEY),
  invalidStatus: 422,
  client: ({ baseUrl, wrongKey, timeoutMs }) => {
    const sender = resendSender({ apiKey: wrongKey ? "re_wrong" : KEY, baseUrl, timeoutMs });
    return { send: () => sender.send(pitchEmail) };
  },
});

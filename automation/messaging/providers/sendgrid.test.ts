import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendGridSender } from "./sendgrid";
import { describeErrorKinds } from "./test/error-kinds";
import type { FakeProvider } from "./test/fake-provider";
import { startFakeSendGrid } from "./test/fake-sendgrid";
import { pitchEmail } from "./test/messages";

const KEY = "SG.test-key";

describe("SendGrid — sending a pitch email", () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeSendGrid(KEY);
  });
  afterAll(() => fake.close());

  it("posts one personalization with the unsubscribe headers and our message id in custom_args", async () => {
    const result = await sendGridSender({ apiKey: KEY, baseUrl: fake.url }).send(pitchEmail);

    expect(result).toEqual({ provider: "SendGrid", providerMessageId: "sendgrid-1" });
    expect(JSON.parse(fake.requests.at(-1)?.body ?? "")).toEqual({
      personalizations: [{ to: [{ email: "owner@bakery.example" }] }],
      from: { email: "ana@studio.example", name: "Ana, Studio Web" },
      reply_to: { email: "replies@studio.example" },
      subject: "A new site for Rosa's Bakery",
      content: [
        { type: "text/plain", value: pitchEmail.text },
        { type: "text/html", value: pitchEmail.html },
      ],
      headers: pitchEmail.headers,
      custom_args: { message_id: "msg_01HZX3K9" },
    });
  });
});

describeErrorKinds("SendGrid", {
  start: () => startFakeSendGrid(KEY),
  invalidStatus: 400,
  client: ({ baseUrl, wrongKey, timeoutMs }) => {
    const sender = sendGridSender({ apiKey: wrongKey ? "SG.wrong" : KEY, baseUrl, timeoutMs });
    return { send: () => sender.send(pitchEmail) };
  },
});

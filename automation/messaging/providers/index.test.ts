import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_PROVIDERS, makeEmailSender, makeSmsSender } from "./index";
import { startFakePostmark } from "./test/fake-postmark";
import type { FakeProvider } from "./test/fake-provider";
import { pitchEmail } from "./test/messages";

describe("makeEmailSender / makeSmsSender — picking the client by the workspace's setting", () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakePostmark("token");
  });
  afterAll(() => fake.close());

  it("gives each email provider's own client", () => {
    const names = EMAIL_PROVIDERS.map((kind) => makeEmailSender(kind, { apiKey: "k" }).provider);
    expect(names).toEqual(["Resend", "Postmark", "SendGrid", "Amazon SES"]);
    expect(makeSmsSender("twilio", { apiKey: "AC1:token" }).provider).toBe("Twilio");
  });

  it("passes the base URL on, so a stand-in takes the provider's place", async () => {
    const sent = await makeEmailSender("postmark", { apiKey: "token", baseUrl: fake.url }).send(pitchEmail);
    expect(sent.provider).toBe("Postmark");
    expect(fake.requests).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeErrorKinds, sendError } from "./test/error-kinds";
import type { FakeProvider } from "./test/fake-provider";
import { startFakeTwilio } from "./test/fake-twilio";
import { pitchSms } from "./test/messages";
import { twilioSender } from "./twilio";

const SID = "AC00000000000000000000000000000001";
const TOKEN = "auth-token-123";
const KEY = `${SID}:${TOKEN}`;

describe("Twilio — sending a pitch SMS", () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeTwilio(SID, TOKEN);
  });
  afterAll(() => fake.close());

  it("posts To, From and Body form encoded to the account's Messages, and returns the message sid", async () => {
    const result = await twilioSender({ apiKey: KEY, baseUrl: fake.url }).send(pitchSms);

    expect(result).toEqual({ provider: "Twilio", providerMessageId: `SM${"1".padStart(32, "0")}` });
    const form = Object.fromEntries(new URLSearchParams(fake.requests.at(-1)?.body));
    expect(form).toEqual({ To: "+15125550199", From: "+15125550100", Body: pitchSms.text });
  });

  it("asks for delivery status at the callback URL when given one", async () => {
    const statusCallbackUrl = "https://rowpilot.example.com/hooks/twilio/status";
    await twilioSender({ apiKey: KEY, baseUrl: fake.url, statusCallbackUrl }).send(pitchSms);
    expect(new URLSearchParams(fake.requests.at(-1)?.body).get("StatusCallback")).toBe(statusCallbackUrl);
  });

  it("stops on a number Twilio cannot text, with Twilio's reason and code", async () => {
    const error = await sendError(() =>
      twilioSender({ apiKey: KEY, baseUrl: fake.url }).send({ ...pitchSms, to: "5550199" }),
    );
    expect(error).toMatchObject({ kind: "invalid", retryable: false });
    expect(error.message).toContain("The 'To' number 5550199 is not a valid phone number. (Twilio error 21211)");
  });

  it("refuses a key not given as ACCOUNT_SID:AUTH_TOKEN", async () => {
    const error = await sendError(() => twilioSender({ apiKey: TOKEN, baseUrl: fake.url }).send(pitchSms));
    expect(error).toMatchObject({ kind: "auth", message: "The Twilio key must be given as ACCOUNT_SID:AUTH_TOKEN" });
  });
});

describeErrorKinds("Twilio", {
  start: () => startFakeTwilio(SID, TOKEN),
  invalidStatus: 400,
  client: ({ baseUrl, wrongKey, timeoutMs }) => {
    const sender = twilioSender({ apiKey: wrongKey ? `${SID}:wrong` : KEY, baseUrl, timeoutMs });
    return { send: () => sender.send(pitchSms) };
  },
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sesSender } from "./ses";
import { describeErrorKinds, sendError } from "./test/error-kinds";
import type { FakeProvider } from "./test/fake-provider";
import { startFakeSes } from "./test/fake-ses";
import { pitchEmail } from "./test/messages";

const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  region: "us-east-2",
};
const KEY = `${CREDENTIALS.accessKeyId}:${CREDENTIALS.secretAccessKey}:${CREDENTIALS.region}`;

describe("Amazon SES — sending a pitch email", () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeSes(CREDENTIALS);
  });
  afterAll(() => fake.close());

  it("signs the request with SigV4 for SES in the key's region", async () => {
    const result = await sesSender({ apiKey: KEY, baseUrl: fake.url }).send(pitchEmail);

    expect(result).toEqual({ provider: "Amazon SES", providerMessageId: "ses-1" });
    const authorization = fake.requests.at(-1)?.headers.authorization;
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-2\/ses\/aws4_request, SignedHeaders=\S+, Signature=[0-9a-f]{64}$/,
    );
  });

  it("sends a simple message with the unsubscribe headers and our message id as an email tag", async () => {
    await sesSender({ apiKey: KEY, baseUrl: fake.url, configurationSetName: "pitches" }).send(pitchEmail);

    expect(JSON.parse(fake.requests.at(-1)?.body ?? "")).toEqual({
      FromEmailAddress: '"Ana, Studio Web" <ana@studio.example>',
      Destination: { ToAddresses: ["owner@bakery.example"] },
      ReplyToAddresses: ["replies@studio.example"],
      Content: {
        Simple: {
          Subject: { Data: "A new site for Rosa's Bakery", Charset: "UTF-8" },
          Body: {
            Text: { Data: pitchEmail.text, Charset: "UTF-8" },
            Html: { Data: pitchEmail.html, Charset: "UTF-8" },
          },
          Headers: [
            {
              Name: "List-Unsubscribe",
              Value: "<https://rowpilot.example.com/u/tok_123>, <mailto:unsubscribe@studio.example>",
            },
            { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
          ],
        },
      },
      EmailTags: [{ Name: "message_id", Value: "msg_01HZX3K9" }],
      ConfigurationSetName: "pitches",
    });
  });

  it("refuses a key not given as ACCESS_KEY_ID:SECRET_ACCESS_KEY:REGION, before calling SES", async () => {
    const before = fake.requests.length;
    const error = await sendError(() => sesSender({ apiKey: "AKIDEXAMPLE", baseUrl: fake.url }).send(pitchEmail));
    expect(error).toMatchObject({
      kind: "auth",
      message: "The Amazon SES key must be given as ACCESS_KEY_ID:SECRET_ACCESS_KEY:REGION",
    });
    expect(fake.requests.length).toBe(before);
  });

  it("stops as a setup problem when the account's sending is paused (a 400 by its error type)", async () => {
    fake.failNext({ status: 400, type: "SendingPausedException", message: "Sending is paused for this account" });
    const paused = await sendError(() => sesSender({ apiKey: KEY, baseUrl: fake.url }).send(pitchEmail));
    expect(paused).toMatchObject({ kind: "auth", retryable: false });
    expect(paused.message).toContain("SendingPausedException: Sending is paused for this account");
  });
});

describeErrorKinds("Amazon SES", {
  start: () => startFakeSes(CREDENTIALS),
  invalidStatus: 400,
  client: ({ baseUrl, wrongKey, timeoutMs }) => {
    const apiKey = wrongKey ? `${CREDENTIALS.accessKeyId}:not-the-secret:${CREDENTIALS.region}` : KEY;
    const sender = sesSender({ apiKey, baseUrl, timeoutMs });
    return { send: () => sender.send(pitchEmail) };
  },
});

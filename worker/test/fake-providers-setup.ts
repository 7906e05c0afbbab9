/**
 * The messaging providers' fakes (`automation/messaging/providers/test/fake-*.ts`, node:http
 * servers) for the tests inside workerd, which cannot open servers themselves: started on free
 * ports on 127.0.0.1 by vitest's globalSetup, with a control server beside them:
 * `GET /<provider>/requests` lists what a fake received, `POST /<provider>/fail` with a JSON list
 * of failures makes it answer its next requests with them.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { startFakePostmark } from "../../automation/messaging/providers/test/fake-postmark";
import type { FakeFailure, FakeProvider } from "../../automation/messaging/providers/test/fake-provider";
import { startFakeResend } from "../../automation/messaging/providers/test/fake-resend";
import { startFakeSendGrid } from "../../automation/messaging/providers/test/fake-sendgrid";
import { startFakeSes } from "../../automation/messaging/providers/test/fake-ses";
import { startFakeTwilio } from "../../automation/messaging/providers/test/fake-twilio";
import { FAKE_KEYS, type FakeName, SES_CREDENTIALS, TWILIO_ACCOUNT } from "./fake-providers";

export default async function setup(project: TestProject) {
  const fakes: Record<FakeName, FakeProvider> = {
    resend: await startFakeResend(FAKE_KEYS.resend),
    postmark: await startFakePostmark(FAKE_KEYS.postmark),
    sendgrid: await startFakeSendGrid(FAKE_KEYS.sendgrid),
    ses: await startFakeSes(SES_CREDENTIALS),
    twilio: await startFakeTwilio(TWILIO_ACCOUNT.sid, TWILIO_ACCOUNT.token),
  };
  const control = createServer((req, res) => {
    const [, name, action] = (req.url ?? "/").split("/");
    const fake = fakes[name as FakeName];
    if (!fake) {
      res.writeHead(404);
      return res.end(`no fake named ${name}`);
    }
    if (req.method === "GET" && action === "requests") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(fake.requests));
    }
    if (req.method !== "POST" || action !== "fail") {
      res.writeHead(404);
      return res.end(`no route ${req.method} ${req.url}`);
    }
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      fake.failNext(...(JSON.parse(body) as FakeFailure[]));
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  const urls = Object.fromEntries(Object.entries(fakes).map(([name, fake]) => [name, fake.url]));
  project.provide("fakeProviders", {
    control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    urls: urls as Record<FakeName, string>,
  });
  return async () => {
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
    await new Promise<void>((resolve) => control.close(() => resolve()));
  };
}

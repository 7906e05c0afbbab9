/**
 * A fake Twilio Messages API as its reference describes it: basic auth with the Account SID and
 * Auth Token, the SID in the path, a form-encoded body, 201 with the new message's `sid`, and
 * `{ code, message, more_info, status }` on every refusal.
 */
import { type FakeProvider, startFake } from "./fake-provider";

const E164 = /^\+[1-9]\d{1,14}$/;

export function startFakeTwilio(sid: string, token: string): Promise<FakeProvider> {
  const path = `/2010-04-01/Accounts/${sid}/Messages.json`;
  return startFake({
    authorized: (request) => request.headers.authorization === `Basic ${btoa(`${sid}:${token}`)}`,
    problems(request) {
      if (request.method !== "POST" || request.path !== path) return [`no route ${request.method} ${request.path}`];
      if (request.headers["content-type"] !== "application/x-www-form-urlencoded")
        return ["the body must be application/x-www-form-urlencoded"];
      const form = new URLSearchParams(request.body);
      const problems: string[] = [];
      if (!E164.test(form.get("To") ?? ""))
        problems.push(`The 'To' number ${form.get("To")} is not a valid phone number.`);
      if (!form.get("From")) problems.push("A 'From' phone number is required.");
      if (!form.get("Body")) problems.push("A text message Body is required.");
      return problems;
    },
    accept: (request, count) => {
      const form = new URLSearchParams(request.body);
      return {
        status: 201,
        json: {
          sid: `SM${String(count).padStart(32, "0")}`,
          status: "queued",
          to: form.get("To"),
          from: form.get("From"),
        },
      };
    },
    error: (status, message, detail) => ({
      status,
      json: {
        code: detail?.code ?? (status === 401 ? 20003 : status === 400 ? 21211 : 20500),
        message,
        more_info: "https://www.twilio.com/docs/errors",
        status,
      },
    }),
    invalidStatus: 400,
  });
}

import { describe, expect, inject, it } from "vitest";
import { checkDomain, DohError, dohResolver, domainOf } from ".";
import { SERVFAIL_NAME } from "./test/fake-doh";

const resolver = () => dohResolver(inject("fakeDohUrl"));

describe("sending domain check — SPF, DKIM, DMARC over DNS over HTTPS", () => {
  it("finds everything a Resend sender needs, SPF joined from its two strings", async () => {
    const check = await checkDomain(resolver(), "ready.example", "resend");
    expect(check.spf).toMatchObject({
      state: "ok",
      name: "send.ready.example",
      record: "v=spf1 include:amazonses.com ~all",
    });
    expect(check.dkim).toMatchObject({ state: "ok", name: "resend._domainkey.ready.example" });
    expect(check.dmarc).toMatchObject({ state: "ok", policy: "quarantine" });
  });

  it("says DMARC is missing and SPF lacks the provider's include", async () => {
    const check = await checkDomain(resolver(), "nodmarc.example", "resend");
    expect(check.dmarc).toMatchObject({ state: "missing", record: null, policy: null });
    expect(check.dmarc.message).toContain("No DMARC record");
    expect(check.spf.state).toBe("missing");
    expect(check.spf.message).toBe(
      "The SPF record at send.nodmarc.example does not include Resend: add include:amazonses.com.",
    );
    expect(check.dkim.state).toBe("ok");
  });

  it("accepts SendGrid's DKIM CNAMEs, finds Cloudflare's SPF on cf-bounce, says what it cannot check for SES", async () => {
    const sendgrid = await checkDomain(resolver(), "sendgrid.example", "sendgrid");
    expect(sendgrid.dkim.state).toBe("ok");
    expect(sendgrid.dkim.record).toContain("CNAME s1.domainkey.u1.wl.sendgrid.net");
    expect(sendgrid.dmarc.policy).toBe("none");
    expect(sendgrid.spf).toMatchObject({ state: "ok", name: "sendgrid.example" });
    const cloudflare = await checkDomain(resolver(), "sendgrid.example", "cloudflare");
    expect(cloudflare.spf).toMatchObject({ state: "ok", name: "cf-bounce.sendgrid.example" });
    const ses = await checkDomain(resolver(), "sendgrid.example", "ses");
    expect(ses.dkim.state).toBe("unknown");
    expect(ses.dkim.message).toContain("cannot check");
  });

  it("reports a domain with no records at all as missing each one", async () => {
    const check = await checkDomain(resolver(), "nothing.example", "sendgrid");
    expect([check.spf.state, check.dkim.state, check.dmarc.state]).toEqual(["missing", "missing", "missing"]);
  });

  it("turns a failing or unreachable resolver into a named error", async () => {
    await expect(checkDomain(resolver(), SERVFAIL_NAME, "resend")).rejects.toThrow(DohError);
    await expect(checkDomain(resolver(), SERVFAIL_NAME, "resend")).rejects.toThrow(/DNS status 2/);
    const down = dohResolver("http://127.0.0.1:9/dns-query");
    await expect(checkDomain(down, "ready.example", "resend")).rejects.toThrow(/could not be reached/);
  });

  it("reads the domain of a From address", () => {
    expect(domainOf("Ana <ana@Mail.Rowpilot.example>")).toBe("mail.rowpilot.example");
    expect(domainOf("ana@localhost")).toBeNull();
    expect(domainOf("")).toBeNull();
  });
});

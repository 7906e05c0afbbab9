/**
 * A DNS-over-HTTPS stand-in (the JSON API, as cloudflare-dns.com answers it) on 127.0.0.1 with
 * the sending domains the tests check: TXT and CNAME answers by name, NXDOMAIN for anything else.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

type Answer = { type: 5 | 16; data: string };

const txt = (...strings: string[]): Answer => ({ type: 16, data: strings.map((s) => `"${s}"`).join(" ") });

/** Every record the fake knows, by name. */
export const FAKE_ZONES: Record<string, Answer[]> = {
  // Ready for Resend: SPF on its send. subdomain, split in two strings (as long records are),
  // DKIM and a DMARC policy; the root's own SPF (for the domain's mailboxes) beside other TXT.
  "ready.example": [txt("v=spf1 include:_spf.google.com ~all"), txt("google-site-verification=abc")],
  "send.ready.example": [txt("v=spf1 include:amazonses.com", " ~all")],
  "resend._domainkey.ready.example": [txt("p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC")],
  "_dmarc.ready.example": [txt("v=DMARC1; p=quarantine; rua=mailto:dmarc@ready.example")],
  // Sends through Resend but has no DMARC record, and its send. subdomain's SPF lacks Resend's include.
  "nodmarc.example": [txt("v=spf1 include:_spf.google.com ~all")],
  "send.nodmarc.example": [txt("v=spf1 include:_spf.google.com ~all")],
  "resend._domainkey.nodmarc.example": [txt("p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQD")],
  // SendGrid's DKIM as its automated security publishes it: CNAMEs to its own keys.
  "sendgrid.example": [txt("v=spf1 include:sendgrid.net -all")],
  // Onboarded on Cloudflare Email Service: SPF on cf-bounce.
  "cf-bounce.sendgrid.example": [txt("v=spf1 include:_spf.mx.cloudflare.net ~all")],
  "s1._domainkey.sendgrid.example": [{ type: 5, data: "s1.domainkey.u1.wl.sendgrid.net." }],
  "s2._domainkey.sendgrid.example": [{ type: 5, data: "s2.domainkey.u1.wl.sendgrid.net." }],
  "_dmarc.sendgrid.example": [txt("v=DMARC1; p=none")],
};

/** A name whose lookups the fake answers with a server failure (DNS status 2, SERVFAIL). */
export const SERVFAIL_NAME = "broken.example";

export async function startFakeDoh(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const name = (url.searchParams.get("name") ?? "").replace(/\.$/, "").toLowerCase();
    if (url.pathname !== "/dns-query" || req.headers.accept !== "application/dns-json") {
      res.writeHead(400).end("ask /dns-query with accept: application/dns-json");
      return;
    }
    const answers = FAKE_ZONES[name];
    const status = name.endsWith(SERVFAIL_NAME) ? 2 : answers ? 0 : 3;
    const body = { Status: status, Answer: (answers ?? []).map((a) => ({ name: `${name}.`, TTL: 300, ...a })) };
    res.writeHead(200, { "content-type": "application/dns-json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dns-query`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

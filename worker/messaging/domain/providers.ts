/**
 * What each email provider asks a sending domain to publish, from each one's domain set-up docs:
 * where its SPF record goes (the provider's bounce subdomain, where its Return-Path lives) and
 * which include it carries, and the DKIM selectors that can be named without the provider's
 * dashboard.
 */
import type { EmailProvider } from "../../../schema/messaging-api";

export type DomainNeeds = {
  name: string;
  /** The SPF record's name for `domain`, and the `include:` it must carry (null: none required). */
  spf: { host: (domain: string) => string; include: string | null; note?: string };
  /** DKIM selectors to look up (`<selector>._domainkey.<domain>`), or why none can be checked. */
  dkim: { selectors: string[] } | { cannotCheck: string };
};

const root = (domain: string) => domain;

export const DOMAIN_NEEDS: Record<EmailProvider, DomainNeeds> = {
  // The outbox sends nothing: the domain only matters once a real provider is chosen.
  outbox: {
    name: "the outbox",
    spf: { host: root, include: null },
    dkim: { cannotCheck: "The outbox sends nothing, so no DKIM key is needed until a provider is chosen." },
  },
  // Resend: MX and SPF on the send. subdomain (its Return-Path, on Amazon SES), DKIM at resend._domainkey.
  resend: {
    name: "Resend",
    spf: { host: (d) => `send.${d}`, include: "include:amazonses.com" },
    dkim: { selectors: ["resend"] },
  },
  // Postmark: SPF passes on its own Return-Path (or the pm-bounces CNAME); the selector carries
  // the date the key was made (20240101123456pm), which only its dashboard shows.
  postmark: {
    name: "Postmark",
    spf: { host: root, include: null, note: "Postmark needs no SPF include: its Return-Path (pm-bounces) passes SPF." },
    dkim: {
      cannotCheck: "Postmark's DKIM selector (<date>pm._domainkey) is shown only in its dashboard; cannot check.",
    },
  },
  // SendGrid's automated security: SPF through its em… CNAME (named per account), DKIM at s1 and s2.
  sendgrid: {
    name: "SendGrid",
    spf: { host: root, include: null, note: "SendGrid's automated security publishes SPF through its own em… CNAME." },
    dkim: { selectors: ["s1", "s2"] },
  },
  // SES: SPF on a custom MAIL FROM subdomain of your choosing; Easy DKIM's three CNAMEs are named by tokens.
  ses: {
    name: "Amazon SES",
    spf: {
      host: root,
      include: null,
      note: "Amazon SES's SPF goes on the custom MAIL FROM subdomain set in its console.",
    },
    dkim: { cannotCheck: "Amazon SES signs with three CNAMEs named by tokens from its console; cannot check." },
  },
  // Cloudflare Email Service: SPF on cf-bounce.<domain>; its DKIM record is made at onboarding.
  cloudflare: {
    name: "Cloudflare Email Service",
    spf: { host: (d) => `cf-bounce.${d}`, include: "include:_spf.mx.cloudflare.net" },
    dkim: { cannotCheck: "Cloudflare publishes its DKIM record when the domain is onboarded; cannot check." },
  },
};

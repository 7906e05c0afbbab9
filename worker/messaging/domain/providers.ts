/**
 * What each email provider asks a sending domain to publish, from each one's domain set-up docs:
 * the SPF include (when the provider's Return-Path is on the sender's domain) and the DKIM
 * selectors that can be named without the provider's dashboard.
 */
import type { EmailProvider } from "../../../schema/messaging-api";

export type DomainNeeds = {
  name: string;
  /** The `include:` the SPF record should carry; null when the provider needs none on this name. */
  spfInclude: string | null;
  /** DKIM selectors to look up (`<selector>._domainkey.<domain>`), or why none can be checked. */
  dkim: { selectors: string[] } | { cannotCheck: string };
};

export const DOMAIN_NEEDS: Record<EmailProvider, DomainNeeds> = {
  // The outbox sends nothing: the domain only matters once a real provider is chosen.
  outbox: {
    name: "the outbox",
    spfInclude: null,
    dkim: { cannotCheck: "The outbox sends nothing, so no DKIM key is needed until a provider is chosen." },
  },
  // Resend: DKIM at resend._domainkey; its SPF (include:amazonses.com) sits on the send. subdomain.
  resend: { name: "Resend", spfInclude: "include:amazonses.com", dkim: { selectors: ["resend"] } },
  // Postmark's selector carries the date the key was made (20240101123456pm): only its dashboard knows it.
  postmark: {
    name: "Postmark",
    spfInclude: "include:spf.mtasv.net",
    dkim: {
      cannotCheck: "Postmark's DKIM selector (<date>pm._domainkey) is shown only in its dashboard; cannot check.",
    },
  },
  // SendGrid's automated security: s1 and s2 CNAMEs to its keys.
  sendgrid: { name: "SendGrid", spfInclude: "include:sendgrid.net", dkim: { selectors: ["s1", "s2"] } },
  // SES Easy DKIM: three CNAMEs named by tokens SES makes for the domain.
  ses: {
    name: "Amazon SES",
    spfInclude: "include:amazonses.com",
    dkim: { cannotCheck: "Amazon SES signs with three CNAMEs named by tokens from its console; cannot check." },
  },
  cloudflare: {
    name: "Cloudflare Email Service",
    spfInclude: "include:_spf.mx.cloudflare.net",
    dkim: { cannotCheck: "Cloudflare publishes its DKIM record when the domain is onboarded; cannot check." },
  },
};

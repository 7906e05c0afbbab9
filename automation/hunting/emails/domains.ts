/**
 * Which domains an address may not belong to (placeholders, site builders' and trackers'
 * own addresses, which page templates and scripts carry on every site they serve) and which are
 * free-mail providers (a small business's owner often writes from one).
 */

/** Template and documentation domains: `you@example.com` is nobody's inbox. */
const PLACEHOLDER_DOMAINS = new Set([
  "domain.com",
  "email.com",
  "company.com",
  "website.com",
  "mysite.com",
  "mydomain.com",
  "yoursite.com",
  "yourwebsite.com",
  "yourcompany.com",
  "sample.com",
  "test.com",
  "placeholder.com",
]);

/** RFC 2606 reserves these names for documentation; `yourdomain.*` is a template's blank. */
const PLACEHOLDER_PATTERN =
  /(^|\.)(example|yourdomain|your-domain|domain-name)\.[a-z.]+$|\.(example|test|invalid|localhost)$/;

/**
 * Vendors whose addresses appear in pages they host or script: error trackers (a Sentry DSN reads
 * like `abc123@o1.ingest.sentry.io`), site builders' own mailboxes and notification senders.
 * Subdomains count (`sentry-next.wixpress.com`).
 */
const VENDOR_DOMAINS = [
  "sentry.io",
  "sentry-cdn.com",
  "wixpress.com",
  "wix.com",
  "godaddy.com",
  "secureserver.net",
  "squarespace.com",
  "sqsp.net",
  "shopify.com",
  "weebly.com",
  "wordpress.com",
  "wpengine.com",
  "mailchimp.com",
  "list-manage.com",
  "hubspot.com",
  "cloudflare.com",
  "duda.co",
  "wixsite.com",
  "yext.com",
];

/** Free-mail providers; `gmail.com` on a plumber's own site is the plumber's. */
const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "ymail.com",
  "rocketmail.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "protonmail.com",
  "proton.me",
  "gmx.com",
  "gmx.net",
  "mail.com",
  "zoho.com",
  "yandex.com",
  "comcast.net",
  "att.net",
  "sbcglobal.net",
  "verizon.net",
  "bellsouth.net",
  "cox.net",
  "charter.net",
  "earthlink.net",
]);

/** Whether `domain` is `parent` or one of its subdomains. */
export const isWithin = (domain: string, parent: string): boolean => domain === parent || domain.endsWith(`.${parent}`);

/** A documentation, template or test domain. */
export const isPlaceholderDomain = (domain: string): boolean =>
  PLACEHOLDER_DOMAINS.has(domain) || PLACEHOLDER_PATTERN.test(domain);

/** A site builder's, tracker's or host's own domain. */
export const isVendorDomain = (domain: string): boolean => VENDOR_DOMAINS.some((vendor) => isWithin(domain, vendor));

/** A free-mail provider's domain. */
export const isFreeMailDomain = (domain: string): boolean => FREE_MAIL_DOMAINS.has(domain);

/**
 * One found address as a candidate: normalised (lower case, trimmed of the punctuation prose
 * leaves around it), checked against RFC 5321's length limits and a plausible top-level domain,
 * refused when it is a file name, a placeholder, a vendor's or a no-reply sender, and marked when
 * it is a role mailbox (info@, sales@) rather than a person's.
 */
import { isPlaceholderDomain, isVendorDomain } from "./domains";

/** How the address was written on the page. */
export type EmailKind = "mailto" | "plain" | "obfuscated" | "cfemail";

export type EmailCandidate = {
  address: string;
  kind: EmailKind;
  /** A shared mailbox (info@, sales@…) rather than a person's. */
  role: boolean;
};

/** RFC 5321 §4.5.3.1: a local part of at most 64 octets, a path of at most 256 (254 without `<>`). */
const MAX_LOCAL_CHARS = 64;
const MAX_ADDRESS_CHARS = 254;
/** RFC 1035 §2.3.4: a label of at most 63 octets. */
const MAX_LABEL_CHARS = 63;

/** What a local part and a domain may hold here: the dot-atom addresses people publish. */
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
/**
 * Top-level domains are letters (2 to 18 in the IANA root zone) or punycode (`xn--…`, at most 24).
 * The whole IANA list changes monthly and would weigh on the Worker; its shape catches the junk.
 */
const TLD = /^([a-z]{2,18}|xn--[a-z0-9-]{1,20})$/;

/**
 * File extensions that follow an `@` in asset names (`logo@2x.png`, `icon@3x.webp`). `.zip` and
 * `.mov` are real TLDs, but on a web page they are far likelier a file than a mailbox.
 */
const ASSET_EXTENSIONS = new Set(
  "png jpg jpeg gif svg webp avif ico bmp tif tiff heic css js mjs json map woff woff2 ttf otf eot mp4 webm mov mp3 wav pdf zip gz php html htm asp aspx jsp xml txt".split(
    " ",
  ),
);

/** Template blanks rather than anyone's mailbox. */
const PLACEHOLDER_LOCALS = new Set([
  "you",
  "your",
  "yourname",
  "your.name",
  "youremail",
  "your.email",
  "name",
  "username",
  "firstname.lastname",
  "first.last",
  "john.doe",
  "jane.doe",
  "johndoe",
  "janedoe",
  "someone",
]);

/** Senders nobody can write back to. */
const NO_REPLY = /^(no-?reply|do-?not-?reply|donotreply|mailer-daemon|bounces?)([._+-]|$)/;

/** Shared mailboxes: the first word of the local part names a function, not a person. */
const ROLE_WORDS = new Set(
  "info information sales contact contacts contactus office hello hi hey admin administrator support help enquiries enquiry inquiries inquiry service services customerservice customercare care team mail email booking bookings book reservations reservation appointments appointment orders order billing accounts accounting marketing press media jobs careers hr webmaster postmaster frontdesk reception general shop store manager management staff quotes quote estimates service-desk".split(
    " ",
  ),
);

/**
 * The address as a candidate, or null when it is not one to keep.
 * @example candidateFor("Info@Bobs-Plumbing.com.", "plain") // { address: "info@bobs-plumbing.com", kind: "plain", role: true }
 */
export function candidateFor(raw: string, kind: EmailKind): EmailCandidate | null {
  const address = raw
    .trim()
    .toLowerCase()
    .replace(/^[<("'\s]+|[>)"'.,;:!?\s]+$/g, "");
  if (address.length > MAX_ADDRESS_CHARS) return null;
  const at = address.lastIndexOf("@");
  if (at <= 0) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!plausibleLocal(local) || !plausibleDomain(domain)) return null;
  if (PLACEHOLDER_LOCALS.has(local) || NO_REPLY.test(local)) return null;
  if (isPlaceholderDomain(domain) || isVendorDomain(domain)) return null;
  return { address, kind, role: isRoleLocal(local) };
}

/** Whether a local part names a shared mailbox (`info`, `sales.chicago`, `hello+web`). */
export function isRoleLocal(local: string): boolean {
  const bare = local.split("+")[0] ?? "";
  const first = bare.split(/[._-]/)[0] ?? "";
  return ROLE_WORDS.has(bare) || ROLE_WORDS.has(first);
}

/** The part after the `@`. */
export const domainOf = (address: string): string => address.slice(address.lastIndexOf("@") + 1);

function plausibleLocal(local: string): boolean {
  return local.length <= MAX_LOCAL_CHARS && LOCAL.test(local);
}

function plausibleDomain(domain: string): boolean {
  const labels = domain.split(".");
  const tld = labels.at(-1) ?? "";
  if (labels.length < 2 || !TLD.test(tld) || ASSET_EXTENSIONS.has(tld)) return false;
  return labels.every((label) => label.length <= MAX_LABEL_CHARS && LABEL.test(label));
}

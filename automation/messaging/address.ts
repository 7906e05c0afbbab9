/**
 * Recipients' addresses as a send needs them: an email address checked and lower-cased, a phone
 * number in E.164 (`+15125550100`). Both are the form Suppressions holds, so a suppression found
 * by one spelling stops every spelling.
 */

/** One @, no spaces, a dot in the domain: what providers accept; the mailbox itself is the provider's to check. */
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/;
/** RFC 5321's limit on a whole address. */
const MAX_EMAIL_LENGTH = 254;
/** E.164: a country code and at most 15 digits in all, the first not 0. */
const E164 = /^\+[1-9]\d{7,14}$/;
/** A bare 10-digit number is read as North American (+1), the sample data's and most users' case. */
const NANP_DIGITS = 10;

/** The address lower-cased, or null when it does not read as an email address. */
export function normalizeEmail(raw: string): string | null {
  const email = raw
    .trim()
    .replace(/^mailto:/i, "")
    .toLowerCase();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email) ? email : null;
}

/**
 * The number in E.164, or null when it does not read as one.
 * @example normalizePhone("(512) 555-0100") // "+15125550100"
 */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim().replace(/^tel:/i, "");
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  let candidate: string | null = null;
  if (trimmed.startsWith("+")) candidate = `+${digits}`;
  else if (digits.length === NANP_DIGITS) candidate = `+1${digits}`;
  else if (digits.length === NANP_DIGITS + 1 && digits.startsWith("1")) candidate = `+${digits}`;
  return candidate && E164.test(candidate) ? candidate : null;
}

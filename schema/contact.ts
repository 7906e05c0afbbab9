/**
 * Contacting a dealership through its website form: who is writing (the sender profile), what
 * the engine understood, and the outcome it reports. Shared by the engine in `automation/`, the
 * command line, the queue consumer and the Dealerships table.
 */
import { z } from "zod";

export const SenderProfile = z.object({
  firstName: z.string().trim().min(1),
  lastName: z.string().trim().min(1),
  email: z.email(),
  phone: z
    .string()
    .trim()
    .refine((p) => p.replace(/\D/g, "").length >= 7, "a phone number with at least 7 digits"),
  zip: z.string().trim().default(""),
  message: z.string().trim().min(1),
  vehicleOfInterest: z.string().trim().default(""),
});
export type SenderProfile = z.infer<typeof SenderProfile>;

/** What a form field means, as far as the sender profile is concerned. */
export const LOGICAL_FIELDS = [
  "firstName",
  "lastName",
  "fullName",
  "email",
  "phone",
  "zip",
  "message",
  "subject",
  "department",
  "preferredContact",
  "consent",
  "vehicle",
  /** How the sender heard of the dealer: answered "Internet" when a form insists. */
  "referral",
] as const;
export const LogicalField = z.enum(LOGICAL_FIELDS);
export type LogicalField = z.infer<typeof LogicalField>;

/** Why an attempt did not end in a confirmed submission. */
export const FAILURE_CATEGORIES = [
  "no_contact_page",
  "no_form",
  "captcha",
  "blocked",
  "validation_error",
  "timeout",
  "submit_unconfirmed",
  "error",
] as const;
export const FailureCategory = z.enum(FAILURE_CATEGORIES);
export type FailureCategory = z.infer<typeof FailureCategory>;

/**
 * How the engine photographs a page: the viewport as a JPEG. A full-page PNG of a long dealer
 * site runs to several MB, and Browser Rendering carries each screenshot in one WebSocket
 * message, which workerd caps at 1 MiB (a bigger one crashed the runtime, not just the shot).
 */
export const SCREENSHOT_FORMAT = { type: "jpeg", quality: 80, extension: "jpg", contentType: "image/jpeg" } as const;

export const ContactScreenshot = z.object({
  /** `before_submit`, `after_submit` or `failure`. */
  label: z.enum(["before_submit", "after_submit", "failure"]),
  /** Where the caller stored it: a file path on the command line, an R2 key in the Worker. */
  ref: z.string(),
});
export type ContactScreenshot = z.infer<typeof ContactScreenshot>;

/** Why the engine believes the dealer received the message: what a person can audit. */
export const ContactEvidence = z.object({
  /** One sentence, read first. */
  summary: z.string(),
  /** The request that carried the typed values, and the site's answer to it. */
  request: z
    .object({
      method: z.string(),
      url: z.string(),
      status: z.number().int(),
      /** The logical fields whose typed values the request carried. */
      fields: z.array(LogicalField),
    })
    .nullable(),
  /** Words that confirmed it, and where they were found: a page or frame URL, or a dialog box. */
  confirmation: z.object({ text: z.string(), where: z.string() }).nullable(),
});
export type ContactEvidence = z.infer<typeof ContactEvidence>;

export const ContactResult = z.object({
  url: z.string(),
  outcome: z.enum(["success", "failure"]),
  category: FailureCategory.nullable(),
  reason: z.string(),
  suggestedFix: z.string().nullable(),
  /** The page that held the form, when one was found. */
  contactPage: z.string().nullable(),
  submitted: z.boolean(),
  /** Logical field → where it was filled: a selector, prefixed by the frame URL when in a frame. */
  fields: z.record(z.string(), z.string()),
  /** What the reviewer should know beyond the outcome (a field assistant that failed…). */
  notes: z.array(z.string()),
  /** The evidence that the dealer received the message, when there is some. */
  evidence: ContactEvidence.nullable(),
  screenshots: z.array(ContactScreenshot),
  durationMs: z.number(),
});
export type ContactResult = z.infer<typeof ContactResult>;

/** A contact job on the `contact-jobs` queue: one dealer's row, who writes, and what they say. */
export const ContactJob = z.object({
  /** Whose provider settings apply (the Anthropic key for the field assistant). */
  workspaceId: z.string().min(1).optional(),
  rowRef: z.object({ tableId: z.string().min(1), rowId: z.string().min(1) }),
  url: z.url({ protocol: /^https?$/ }),
  profile: SenderProfile,
  /** The message for this dealer (the project's template, filled in); the profile's when absent. */
  message: z.string().trim().min(1).optional(),
  dryRun: z.boolean().default(false),
});
export type ContactJob = z.infer<typeof ContactJob>;

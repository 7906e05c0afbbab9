/**
 * The message writer over HTTP: what `POST /api/messages/draft` takes, what the model is asked to
 * answer, and the draft it answers.
 */
import { z } from "zod";

/** A pitch template of one's own: checked for unknown placeholders before anything is written. */
export const DraftTemplate = z.object({
  subject: z.string().max(998),
  body: z.string().min(1).max(100_000),
});

export const DraftMessage = z.object({
  /** The id of the table the recipient's row is in (Businesses, Leads…). */
  recipientTable: z.string().min(1),
  recipientRowId: z.string().min(1),
  channel: z.enum(["email", "sms"]).default("email"),
  /** Fills this template instead of asking the model or using the default pitch. */
  template: DraftTemplate.optional(),
});
export type DraftMessage = z.infer<typeof DraftMessage>;

/** Subject lines are kept to what an inbox shows on a phone (about 60–80 characters). */
export const SUBJECT_MAX = 120;

/** An SMS stays within two segments of 160 GSM characters, so it arrives as one message. */
export const SMS_MAX_CHARS = 300;

/** An email pitch is 60–120 words; this bound only stops a runaway answer. */
const EMAIL_BODY_MAX = 5_000;

/** What the model answers: the draft and two or three other subject lines to pick from. */
export const writerOutputFor = (channel: "email" | "sms") =>
  z.object({
    subject: z.string().min(1).max(SUBJECT_MAX),
    body: z
      .string()
      .min(1)
      .max(channel === "sms" ? SMS_MAX_CHARS : EMAIL_BODY_MAX),
    subjects: z.array(z.string().min(1).max(SUBJECT_MAX)).min(2).max(3),
  });
export type WriterOutput = z.infer<ReturnType<typeof writerOutputFor>>;

export const WRITERS = ["ai", "template"] as const;
export type Writer = (typeof WRITERS)[number];

export type DraftAnswer = {
  id: string;
  status: "draft";
  subject: string;
  body: string;
  /** Other subject lines to choose from (none for SMS). */
  subjects: string[];
  writer: Writer;
  /** Why the model's draft was not used, when it failed and the template wrote it instead. */
  writerError?: string;
};

/** A draft's new subject or body, as the Messages page saves it before sending. */
export const EditDraft = z.object({
  subject: z.string().max(998).optional(),
  body: z.string().max(100_000).optional(),
});
export type EditDraft = z.infer<typeof EditDraft>;

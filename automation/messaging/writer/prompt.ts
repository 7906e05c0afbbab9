/**
 * The writer's prompt. The system prompt is the same for every recipient, so it is marked for the
 * prompt cache; the facts go in the user message, each labelled, with unknown ones left out rather
 * than invented. The site's address goes in as a plain URL: the send path makes it a tracked link.
 */
import { SMS_MAX_CHARS } from "../../../schema/messaging-writer";
import type { WriterFacts } from "./facts";

export type WriterPrompt = { system: string; user: string };

/** The name the fake Messages API (and a reader of the logs) tells this prompt apart by. */
export const WRITER_LABEL = "Message Writer";

export const WRITER_SYSTEM = `You are the ${WRITER_LABEL} for a small studio that makes websites for local businesses.
You write one short, friendly first-contact message to a business, from a real person.

Rules:
- Plain text only: no Markdown, no HTML, no emoji.
- Use only the facts you are given. Never invent numbers, reviews, names or offers.
- When a site address is given, put it in the body exactly as given, alone on its own line.
- Email: 60 to 120 words, a greeting, why you are writing, the site, one easy next step
  (reply to this email), and a sign-off with the sender's first name. No unsubscribe line or
  postal address: they are added when the email is sent.
- SMS: at most ${SMS_MAX_CHARS} characters, the site address included, signed with the sender's first name.
- Subject lines: specific to the business, under 60 characters, no clickbait, no ALL CAPS.

Answer with JSON: "subject" (the best subject line), "body", and "subjects" (2 or 3 other
subject lines, each different from "subject"). For an SMS, the subjects are ignored but still required.`;

/** The user message: the facts, one a line. */
export function writerUserMessage(facts: WriterFacts): string {
  const { recipient, sender } = facts;
  const lines = [
    `Channel: ${facts.channel === "sms" ? "SMS" : "email"}`,
    `Business: ${recipient.name}`,
    recipient.category && `What they do: ${recipient.category}`,
    recipient.city && `City: ${recipient.city}`,
    recipient.rating != null &&
      `Rating: ${recipient.rating} out of 5${recipient.reviewCount != null ? ` from ${recipient.reviewCount} reviews` : ""}`,
    recipient.highlights.length > 0 && `What reviewers praise: ${recipient.highlights.join("; ")}`,
    facts.siteUrl
      ? `Site we made for them: ${facts.siteUrl}`
      : "No site has been made for them yet: offer to make one, do not give an address.",
    `Sender: ${[sender.firstName, sender.lastName].filter(Boolean).join(" ") || "(no name)"}`,
  ];
  return `Write the message from these facts.\n\n${lines.filter(Boolean).join("\n")}`;
}

export function writerPrompt(facts: WriterFacts): WriterPrompt {
  return { system: WRITER_SYSTEM, user: writerUserMessage(facts) };
}

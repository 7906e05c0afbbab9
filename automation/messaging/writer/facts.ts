/** What the writer knows about a recipient and the sender, read from their rows and settings. */
import type { PitchContext } from "../templates";

export type WriterFacts = {
  channel: "email" | "sms";
  recipient: {
    name: string;
    category: string;
    city: string;
    rating: number | null;
    reviewCount: number | null;
    /** What reviewers praise, when the row has such a column. */
    highlights: string[];
  };
  /** The public address of the site made for the business (published or not), else null. */
  siteUrl: string | null;
  sender: { firstName: string; lastName: string; email: string };
};

/**
 * A sender's display name split into first and last name (the first word, the rest).
 * @example senderName("Ana Ruiz") // { firstName: "Ana", lastName: "Ruiz" }
 */
export function senderName(fullName: string): { firstName: string; lastName: string } {
  const [firstName = "", ...rest] = fullName.trim().split(/\s+/);
  return { firstName, lastName: rest.join(" ") };
}

/** The facts as the pitch templates read them. */
export function pitchContext(facts: WriterFacts): PitchContext {
  return {
    business: { name: facts.recipient.name, city: facts.recipient.city, category: facts.recipient.category },
    site: { url: facts.siteUrl ?? "" },
    sender: facts.sender,
  };
}

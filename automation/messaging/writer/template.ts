/**
 * The writer without a model: a pitch template filled from the same facts. The default pitches
 * need a site's address; a business without a site gets an offer to make one instead. A template
 * of one's own is checked first: an unknown placeholder, or one with nothing to fill it for this
 * recipient, is refused with the names to fix.
 */

import { SMS_MAX_CHARS } from "../../../schema/messaging-writer";
import { DEFAULT_PITCH_TEMPLATES, type PitchTemplate, renderPitch } from "../templates";
import { pitchContext, type WriterFacts } from "./facts";

export type TemplateDraft =
  | { ok: true; subject: string; body: string; subjects: string[] }
  | { ok: false; unknown: string[]; missing: string[] };

/** For a business no site has been made for yet: ask first, send no address. */
export const NO_SITE_PITCH: PitchTemplate = {
  id: "offer-a-site",
  name: "Offer a site",
  subject: "A website for {{business.name}}?",
  body: `Hi {{business.name}} team,

I couldn't find a website for {{business.name}}. I make simple, fast sites for local businesses, and I'd be glad to make one for you to look at, free and with no obligation.

Would you like me to? Just reply to this email.

Best,
{{sender.name}}`,
};

const SMS_PITCH: PitchTemplate = {
  id: "sms-site-ready",
  name: "Your site is ready (SMS)",
  subject: "",
  body: "Hi {{business.name}}, I made you a free website: {{site.url}} Reply if you'd like it. {{sender.firstName}}",
};

const SMS_NO_SITE_PITCH: PitchTemplate = {
  id: "sms-offer-a-site",
  name: "Offer a site (SMS)",
  subject: "",
  body: "Hi {{business.name}}, I make simple websites for local businesses. Want me to make you one, free to look at? {{sender.firstName}}",
};

/** Other subject lines offered beside the pitch's own, the first ones that can be filled. */
const SUBJECTS_WITH_SITE = [
  "I made {{business.name}} a website",
  "A website for {{business.name}}",
  "People in {{business.city}} are searching for a {{business.category}}",
  "A new site for {{business.name}} to look at",
];
const SUBJECTS_WITHOUT_SITE = [
  "A website for {{business.name}}?",
  "An idea for {{business.name}}",
  "Helping {{business.name}} get found online",
];

/** Up to three other subject lines for `subject`, from the list that fits the facts. */
const MAX_SUBJECTS = 3;

/** The draft from `own` when given, else from the default pitch that fits the facts. */
export function templateDraft(facts: WriterFacts, own?: Pick<PitchTemplate, "subject" | "body">): TemplateDraft {
  const ctx = pitchContext(facts);
  if (own) {
    const rendered = renderPitch(own, ctx);
    return rendered.ok ? { ...rendered, subjects: [] } : rendered;
  }
  if (facts.channel === "sms") {
    const rendered = renderPitch(facts.siteUrl ? SMS_PITCH : SMS_NO_SITE_PITCH, ctx);
    if (!rendered.ok) return rendered;
    return { ok: true, subject: "", body: rendered.body.slice(0, SMS_MAX_CHARS), subjects: [] };
  }
  const pitch = facts.siteUrl ? DEFAULT_PITCH_TEMPLATES[0]! : NO_SITE_PITCH;
  const rendered = renderPitch(pitch, ctx);
  if (!rendered.ok) return rendered;
  const subjects = (facts.siteUrl ? SUBJECTS_WITH_SITE : SUBJECTS_WITHOUT_SITE)
    .map((subject) => renderPitch({ subject, body: "" }, ctx))
    .flatMap((r) => (r.ok && r.subject !== rendered.subject ? [r.subject] : []));
  return { ...rendered, subjects: [...new Set(subjects)].slice(0, MAX_SUBJECTS) };
}

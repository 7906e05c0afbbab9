/**
 * Pitch templates: the email a business receives about the site made for it, with
 * `{{business.name}}`, `{{site.url}}`, `{{sender.firstName}}` and the rest filled in per row. Same
 * `{{…}}` syntax and parser as dealership messages (`schema/message-template.ts`), its own list of
 * placeholders. A template is checked before anything is sent: an unknown placeholder, or one with
 * nothing to fill it for this business, stops the send with the names to fix.
 */
import { fillPlaceholders, placeholderNames, placeholdersNotIn } from "../../schema/message-template";

/** Every placeholder a pitch may use, with what it stands for (the editor lists them). */
export const PITCH_PLACEHOLDERS = {
  "business.name": "The business's name",
  "business.city": "The business's city",
  "business.category": "What the business does, e.g. “bakery”",
  "site.url": "The address of the site made for the business",
  "sender.firstName": "Your first name",
  "sender.lastName": "Your last name",
  "sender.name": "Your full name",
  "sender.email": "Your email",
  "sender.phone": "Your phone",
} as const;
export type PitchPlaceholder = keyof typeof PITCH_PLACEHOLDERS;

export type PitchContext = {
  business: { name: string; city?: string | null; category?: string | null };
  site: { url: string };
  sender: { firstName: string; lastName: string; email: string; phone?: string | null };
};

export type PitchTemplate = { id: string; name: string; subject: string; body: string };

export type RenderedPitch =
  | { ok: true; subject: string; body: string }
  /** `unknown`: not a placeholder at all; `missing`: a real one with nothing to fill it for this business. */
  | { ok: false; unknown: string[]; missing: string[] };

const isPitchPlaceholder = (name: string): name is PitchPlaceholder => Object.hasOwn(PITCH_PLACEHOLDERS, name);

function pitchValue(name: PitchPlaceholder, ctx: PitchContext): string {
  switch (name) {
    case "business.name":
      return ctx.business.name;
    case "business.city":
      return ctx.business.city ?? "";
    case "business.category":
      return (ctx.business.category ?? "").toLowerCase();
    case "site.url":
      return ctx.site.url;
    case "sender.firstName":
      return ctx.sender.firstName;
    case "sender.lastName":
      return ctx.sender.lastName;
    case "sender.name":
      return `${ctx.sender.firstName} ${ctx.sender.lastName}`.trim();
    case "sender.email":
      return ctx.sender.email;
    case "sender.phone":
      return ctx.sender.phone ?? "";
  }
}

/**
 * The placeholders in a template's subject or body that do not exist, each once.
 * @example unknownPitchPlaceholders({ subject: "Hi {{business}}", body: "" }) // ["business"]
 */
export function unknownPitchPlaceholders(template: Pick<PitchTemplate, "subject" | "body">): string[] {
  return placeholdersNotIn(`${template.subject}\n${template.body}`, isPitchPlaceholder);
}

/**
 * The pitch for one business, or the placeholders that keep it from being sent.
 * @example renderPitch(DEFAULT_PITCH_TEMPLATES[0], ctx) // { ok: true, subject: "A website for Rosa's Bakery", body: "Hi …" }
 */
export function renderPitch(template: Pick<PitchTemplate, "subject" | "body">, ctx: PitchContext): RenderedPitch {
  const unknown = unknownPitchPlaceholders(template);
  const used = placeholderNames(`${template.subject}\n${template.body}`).filter(isPitchPlaceholder);
  const missing = used.filter((name) => !pitchValue(name, ctx).trim());
  if (unknown.length || missing.length) return { ok: false, unknown, missing };
  const fill = (text: string) =>
    fillPlaceholders(text, (name) => (isPitchPlaceholder(name) ? pitchValue(name, ctx) : null));
  return { ok: true, subject: fill(template.subject), body: fill(template.body) };
}

/** Short, plain and specific: what was made, where to see it, no pressure. */
export const DEFAULT_PITCH_TEMPLATES: readonly PitchTemplate[] = [
  {
    id: "site-ready",
    name: "Your site is ready",
    subject: "A website for {{business.name}}",
    body: `Hi {{business.name}} team,

I couldn't find a website for {{business.name}}, so I made one you can look at right now:

{{site.url}}

It shows what you do, where to find you and how to reach you. If you like it, it's yours: I can put it on your own domain and change anything you want. If not, no hard feelings.

Best,
{{sender.name}}`,
  },
  {
    id: "local-customers",
    name: "Customers in your city",
    subject: "People in {{business.city}} are searching for a {{business.category}}",
    body: `Hello,

When someone in {{business.city}} looks up a {{business.category}} on their phone, a business with a website is the one they call. {{business.name}} deserves to be found, so I put together a simple site for you:

{{site.url}}

Take a look; I'm happy to adjust the text, photos or colors. Just reply to this email.

Thanks,
{{sender.firstName}}`,
  },
  {
    id: "short-follow-up",
    name: "Short follow-up",
    subject: "Re: a website for {{business.name}}",
    body: `Hi again,

Just checking whether you had a chance to see the site I made for {{business.name}}:

{{site.url}}

If now isn't a good time, reply "later" and I'll leave you be.

{{sender.name}}
{{sender.email}}`,
  },
];

/**
 * A project's message template: `{{dealership.name}}`, `{{make}}`, `{{sender.firstName}}` and the
 * rest filled in per dealer. The wizard's live preview and the contact jobs use the same two
 * functions, so what the user previews is what the dealer receives.
 */

/** Every placeholder a template may use, with what it stands for (the wizard lists them). */
export const MESSAGE_PLACEHOLDERS = {
  "dealership.name": "The dealer's name",
  "dealership.city": "The dealer's city",
  make: "The make this dealer sells that the project asks for (the first, if several)",
  makes: "All the project's makes this dealer sells, joined with “and”",
  "sender.firstName": "Your first name",
  "sender.lastName": "Your last name",
  "sender.name": "Your full name",
  "sender.email": "Your email",
  "sender.phone": "Your phone",
  "sender.zip": "Your ZIP code",
  "project.name": "The project's name",
} as const;
export type Placeholder = keyof typeof MESSAGE_PLACEHOLDERS;

export type MessageContext = {
  dealership: { name: string; city?: string };
  makes: string[];
  sender: { firstName: string; lastName: string; email: string; phone: string; zip: string };
  project: { name: string };
};

/** `{{name}}` or `{{ name }}`, a name being dotted words: the one syntax every template uses. */
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * The placeholders written in `template`, each once, in order of appearance. Shared by every kind
 * of template (dealership messages, pitches).
 * @example placeholderNames("Hi {{a}} {{ b }} {{a}}") // ["a", "b"]
 */
export function placeholderNames(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), ([, name]) => name!))];
}

/**
 * The placeholders of `template` that `isKnown` does not accept, each once, in order.
 * @example placeholdersNotIn("Hi {{a}} {{b}}", (name) => name === "a") // ["b"]
 */
export function placeholdersNotIn(template: string, isKnown: (name: string) => boolean): string[] {
  return placeholderNames(template).filter((name) => !isKnown(name));
}

/**
 * `template` with each placeholder replaced by `lookup(name)`; a placeholder it answers `null`
 * for is left as written, so a preview shows what is wrong.
 */
export function fillPlaceholders(template: string, lookup: (name: string) => string | null): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => lookup(name) ?? whole);
}

const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(MESSAGE_PLACEHOLDERS, name);

const joinMakes = (makes: string[]) =>
  makes.length <= 1 ? (makes[0] ?? "") : `${makes.slice(0, -1).join(", ")} and ${makes[makes.length - 1]}`;

function fill(name: Placeholder, ctx: MessageContext): string {
  switch (name) {
    case "dealership.name":
      return ctx.dealership.name;
    case "dealership.city":
      return ctx.dealership.city ?? "";
    case "make":
      return ctx.makes[0] ?? "";
    case "makes":
      return joinMakes(ctx.makes);
    case "sender.firstName":
      return ctx.sender.firstName;
    case "sender.lastName":
      return ctx.sender.lastName;
    case "sender.name":
      return `${ctx.sender.firstName} ${ctx.sender.lastName}`.trim();
    case "sender.email":
      return ctx.sender.email;
    case "sender.phone":
      return ctx.sender.phone;
    case "sender.zip":
      return ctx.sender.zip;
    case "project.name":
      return ctx.project.name;
  }
}

/**
 * The placeholders of `template` that do not exist, each once, in order of appearance.
 * @example unknownPlaceholders("Hi {{dealer}}") // ["dealer"]
 */
export function unknownPlaceholders(template: string): string[] {
  return placeholdersNotIn(template, isPlaceholder);
}

/**
 * The message for one dealer. Unknown placeholders are left as written (the API refuses such
 * templates; the preview shows them so the user sees what is wrong).
 * @example renderMessage("Hello {{dealership.name}}", ctx) // "Hello Crescent Chevrolet"
 */
export function renderMessage(template: string, ctx: MessageContext): string {
  return fillPlaceholders(template, (name) => (isPlaceholder(name) ? fill(name, ctx) : null));
}

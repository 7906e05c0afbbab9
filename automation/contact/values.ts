/**
 * Values shaped to the field that takes them: a phone number in the field's own mask or pattern,
 * a ZIP cut to its length, the option of a select that means Sales or e-mail.
 */
import type { ChoiceInfo, ControlInfo } from "./page-model";
import { digitsOf, normalize } from "./text";

/** The ways North American numbers are commonly written, most common first. */
const PHONE_LAYOUTS = [
  "(ddd) ddd-dddd",
  "ddd-ddd-dddd",
  "dddddddddd",
  "ddd.ddd.dddd",
  "ddd ddd dddd",
  "+1 ddd-ddd-dddd",
  "+1dddddddddd",
];

/** A layout from a mask or placeholder such as "(999) 999-9999", "###-###-####" or "555-555-5555". */
function layoutFrom(template: string): string | null {
  const t = template.trim();
  if (!t || /[a-wyz]/i.test(t.replace(/[xX]/g, ""))) return null;
  const slots = t.replace(/[\d#_xX*]/g, "d");
  const count = (slots.match(/d/g) ?? []).length;
  if (count === 10) return slots;
  if (count === 11 && /^\+?1/.test(t)) return slots.replace(/^(\+?)d/, "$11");
  return null;
}

function apply(layout: string, digits: string): string {
  let i = 0;
  return layout.replace(/d/g, () => digits[i++] ?? "");
}

function matchesPattern(value: string, pattern: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, "v").test(value);
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`).test(value);
    } catch {
      return true;
    }
  }
}

/**
 * The sender's phone as this field wants it: its `pattern`, then its input mask or placeholder,
 * then its `maxlength`; otherwise as the sender wrote it.
 * @example formatPhone("(512) 555-0147", { ...control, placeholder: "555-555-5555" }) // "512-555-0147"
 */
export function formatPhone(
  phone: string,
  control: Pick<ControlInfo, "pattern" | "mask" | "placeholder" | "maxLength">,
): string {
  let digits = digitsOf(phone);
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  if (digits.length !== 10) return phone;
  const fits = (v: string) => control.maxLength <= 0 || v.length <= control.maxLength;
  if (control.pattern) {
    const layout = PHONE_LAYOUTS.find((l) => {
      const v = apply(l, digits);
      return fits(v) && matchesPattern(v, control.pattern);
    });
    if (layout) return apply(layout, digits);
  }
  for (const template of [control.mask, control.placeholder]) {
    const layout = layoutFrom(template);
    if (layout) return apply(layout, digits);
  }
  if (fits(phone)) return phone;
  const layout = PHONE_LAYOUTS.find((l) => fits(apply(l, digits)));
  return layout ? apply(layout, digits) : digits;
}

/** A ZIP or postal code cut to the field's length (ZIP+4 fields keep all of it). */
export function formatZip(zip: string, control: Pick<ControlInfo, "maxLength">): string {
  return control.maxLength > 0 ? zip.slice(0, control.maxLength) : zip;
}

/** Choices that are a prompt rather than an answer: "Select…", "Choose one", "--". */
const PROMPT = /^(select|choose|pick|please|seleccione|elija|--)|^$/;

function best(choices: ChoiceInfo[], preferences: RegExp[]): ChoiceInfo | null {
  const real = choices.filter((c) => !PROMPT.test(normalize(c.text)) && !(c.ref === null && c.value === ""));
  for (const preference of preferences) {
    const hit =
      real.find((c) => preference.test(normalize(c.text))) ?? real.find((c) => preference.test(normalize(c.value)));
    if (hit) return hit;
  }
  return null;
}

/** The choice that sends the message to the sales team. */
export function salesChoice(choices: ChoiceInfo[]): ChoiceInfo | null {
  return best(choices, [
    /^(new )?(vehicle )?sales?$|^ventas?$/,
    /\bsales?\b|\bventas?\b|\bventes?\b/,
    /\bbuy|\bpurchas|\blease|\bleasing\b|\bnew (vehicle|car)s?\b|\bcomprar\b/,
    /\bpric(e|es|ing)\b|\bquotes?\b|\bavailability\b|\bvehicle (inquiry|information|question)\b|\binventory\b/,
    /\bgeneral\b|\bother\b|\botro\b/,
  ]);
}

/** The choice that asks for a reply by e-mail. */
export function emailChoice(choices: ChoiceInfo[]): ChoiceInfo | null {
  return best(choices, [/^e ?mail$|^correo/, /\be ?mail\b|\bcorreo\b|\bcourriel\b/]);
}

/** The choice that names the sender's vehicle of interest, by its make and model words. */
export function vehicleChoice(choices: ChoiceInfo[], vehicle: string): ChoiceInfo | null {
  const words = normalize(vehicle)
    .split(" ")
    .filter((w) => w.length > 1 && !/^\d{4}$/.test(w));
  let top: { choice: ChoiceInfo; hits: number } | null = null;
  for (const choice of choices) {
    const text = normalize(choice.text);
    const hits = words.filter((w) => new RegExp(`\\b${w}\\b`).test(text)).length;
    if (hits > 0 && (!top || hits > top.hits)) top = { choice, hits };
  }
  return top?.choice ?? null;
}

/** The answer to "How did you hear about us?": the web, or else "Other". */
export function referralChoice(choices: ChoiceInfo[]): ChoiceInfo | null {
  return best(choices, [/\binternet\b|\bonline\b|\bweb ?site\b|\bgoogle\b|\bsearch\b/, /\bother\b|\botro\b/]);
}

/**
 * The fill plan for one form: which control gets which value, and which required controls the
 * sender profile cannot answer (a VIN, a repair order, a visit date) so the form must not be sent.
 */
import type { LogicalField, SenderProfile } from "../../schema/contact";
import { classifyControl, describeControl, type FieldMatch, isTrap } from "./fields";
import type { ControlInfo, FormInfo } from "./page-model";
import { emailChoice, formatPhone, formatZip, referralChoice, salesChoice, vehicleChoice } from "./values";

export type FillAction =
  | { type: "text"; value: string }
  | { type: "select"; value: string; text: string }
  /** Click a radio or checkbox (the control itself, or one choice of a group). */
  | { type: "check"; ref: number; text: string };

export interface Fill {
  control: ControlInfo;
  field: LogicalField;
  action: FillAction;
  /** One part of a value split over several boxes (a phone's area code). */
  part?: boolean;
}

export interface FillPlan {
  fills: Fill[];
  /** Required controls nobody can fill from the profile, by what the page calls them. */
  missing: string[];
  /** Controls left empty on purpose: honeypots and bot traps. */
  traps: ControlInfo[];
  /** Fields the matcher was unsure of (two meanings scored close). */
  unsure: LogicalField[];
}

/** Meanings decided elsewhere (Claude, when the matcher was unsure), by control ref; null: none. */
export type Overrides = ReadonlyMap<number, LogicalField | null>;

/** A score that no reading of the page's words reaches: a decided meaning always wins. */
const DECIDED = 1_000;

function matchOf(control: ControlInfo, overrides: Overrides): FieldMatch {
  if (!overrides.has(control.ref)) return classifyControl(control);
  const field = overrides.get(control.ref) ?? null;
  return { field, score: field ? DECIDED : 0, alternative: null };
}

/** Logical fields that may fill more than one control (an e-mail and its confirmation). */
const REPEATABLE: ReadonlySet<LogicalField> = new Set(["email"]);

/** Which controls of a form get which logical field: the best-scoring control per field. */
export function assignFields(
  controls: ControlInfo[],
  overrides: Overrides = new Map(),
): Map<ControlInfo, FieldMatch & { field: LogicalField }> {
  const matches = controls
    .map((control) => ({ control, match: matchOf(control, overrides) }))
    .filter((m): m is { control: ControlInfo; match: FieldMatch & { field: LogicalField } } => m.match.field !== null);
  const hasLast = matches.some((m) => m.match.field === "lastName");
  const hasFirst = matches.some((m) => m.match.field === "firstName");
  // "Name" next to "Last name" is the first name, next to "First name" (Prénom / Nom) the last
  // name; "Name" alone is the whole name.
  for (const m of matches) {
    if (m.match.field !== "fullName" || m.match.score >= DECIDED) continue;
    if (hasLast && !hasFirst) m.match = { ...m.match, field: "firstName" };
    else if (hasFirst && !hasLast) m.match = { ...m.match, field: "lastName" };
  }
  const out = new Map<ControlInfo, FieldMatch & { field: LogicalField }>();
  const taken = new Map<LogicalField, number>();
  for (const m of [...matches].sort((a, b) => b.match.score - a.match.score)) {
    if (taken.has(m.match.field) && !REPEATABLE.has(m.match.field)) continue;
    taken.set(m.match.field, m.match.score);
    out.set(m.control, m.match);
  }
  return out;
}

function text(control: ControlInfo, field: LogicalField, profile: SenderProfile): FillAction | null {
  const value = (() => {
    switch (field) {
      case "firstName":
        return profile.firstName;
      case "lastName":
        return profile.lastName;
      case "fullName":
        return `${profile.firstName} ${profile.lastName}`;
      case "email":
        return profile.email;
      case "phone":
        return formatPhone(profile.phone, control);
      case "zip":
        return profile.zip ? formatZip(profile.zip, control) : null;
      case "message":
        return profile.message;
      case "subject":
        return profile.vehicleOfInterest ? `Question about the ${profile.vehicleOfInterest}` : "Sales question";
      case "vehicle":
        return profile.vehicleOfInterest || null;
      case "referral":
        return control.required ? "Internet" : null;
      default:
        return null;
    }
  })();
  return value ? { type: "text", value } : null;
}

function choice(control: ControlInfo, field: LogicalField, profile: SenderProfile): FillAction | null {
  const pick =
    field === "department"
      ? salesChoice(control.choices)
      : field === "preferredContact"
        ? emailChoice(control.choices)
        : field === "vehicle"
          ? vehicleChoice(control.choices, profile.vehicleOfInterest)
          : field === "referral"
            ? control.required
              ? referralChoice(control.choices)
              : null
            : null;
  if (!pick) return null;
  if (pick.ref !== null) return { type: "check", ref: pick.ref, text: pick.text };
  return { type: "select", value: pick.value, text: pick.text };
}

function actionFor(control: ControlInfo, field: LogicalField, profile: SenderProfile): FillAction | null {
  if (control.kind === "checkbox" && control.choices.length === 0) {
    // A lone box: only consent, and only when the form will not go without it.
    return field === "consent" && control.required && !control.checked
      ? { type: "check", ref: control.ref, text: control.label }
      : null;
  }
  if (control.kind === "select" || control.kind === "radio" || control.kind === "checkbox")
    return choice(control, field, profile);
  return text(control, field, profile);
}

/** The lengths of a phone number typed in parts: area, prefix and line, or area and number. */
const PHONE_PARTS = [
  [3, 3, 4],
  [3, 7],
  [3, 8],
];

/**
 * A phone number split over consecutive boxes sized for its parts (area code 3, prefix 3, line
 * 4), at least one of which reads as a phone field: the parts and what each gets.
 */
function splitPhone(
  controls: ControlInfo[],
  phone: string,
  overrides: Overrides,
): { controls: ControlInfo[]; fills: Fill[] } | null {
  let digits = phone.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  if (digits.length !== 10) return null;
  const boxes = controls.filter((c) => c.kind === "text" || c.kind === "tel" || c.kind === "number");
  for (const lengths of PHONE_PARTS) {
    for (let i = 0; i + lengths.length <= boxes.length; i++) {
      const run = boxes.slice(i, i + lengths.length);
      const adjacent = run.every((c, k) => k === 0 || controls.indexOf(c) === controls.indexOf(run[k - 1]!) + 1);
      if (!adjacent || !run.every((c, k) => c.maxLength === lengths[k])) continue;
      if (!run.some((c) => matchOf(c, overrides).field === "phone")) continue;
      const starts = lengths.map((_, k) => lengths.slice(0, k).reduce((a, b) => a + b, 0));
      const fills = run.map(
        (control, k): Fill => ({
          control,
          field: "phone",
          action: { type: "text", value: digits.slice(starts[k], starts[k]! + lengths[k]!) },
          part: true,
        }),
      );
      return { controls: run, fills };
    }
  }
  return null;
}

/** Whether the control already holds an answer (a pre-selected option, a checked box). */
function answered(control: ControlInfo): boolean {
  if (control.kind === "checkbox" || control.kind === "radio") return control.checked;
  return control.value.trim() !== "";
}

/**
 * What to type, pick and tick in the visible controls of a form, and what stops it being sent.
 * @example planFill(form, profile).missing // ["Repair order #", "Date of visit"]
 */
export function planFill(form: FormInfo, profile: SenderProfile, overrides: Overrides = new Map()): FillPlan {
  const traps = form.controls.filter(isTrap);
  const usable = form.controls.filter((c) => !c.disabled && !traps.includes(c));
  const split = splitPhone(usable, profile.phone, overrides);
  const fills: Fill[] = split?.fills ?? [];
  const rest = split ? usable.filter((c) => !split.controls.includes(c)) : usable;
  const assigned = assignFields(rest, overrides);
  const missing: string[] = [];
  const unsure = new Set<LogicalField>();
  for (const control of rest) {
    const match = assigned.get(control);
    const action = match ? actionFor(control, match.field, profile) : null;
    if (match && action) {
      fills.push({ control, field: match.field, action });
      if (match.alternative) unsure.add(match.field);
    } else if (control.required && !answered(control)) {
      missing.push(describeControl(control));
    }
  }
  return { fills, missing, traps, unsure: [...unsure] };
}

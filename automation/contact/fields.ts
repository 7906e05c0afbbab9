/**
 * The field matcher: what a form control means, scored from everything the page says about it
 * (autocomplete, input type, labels, aria, placeholder, name and id, the group it sits in, the
 * text next to it) in English, Spanish and French. Pure: it takes a `ControlInfo`.
 */
import type { LogicalField } from "../../schema/contact";
import type { ChoiceInfo, ControlInfo } from "./page-model";
import { identifierWords, normalize } from "./text";

interface Rule {
  field: LogicalField;
  pattern: RegExp;
  /** How sure the words make us, before the weight of where they were found. */
  strength: number;
}

/** Words per logical field. Matched on normalised text (lower case, no accents). */
const RULES: Rule[] = [
  {
    field: "firstName",
    pattern: /\bfirst ?name\b|\bfname\b|\bgiven name\b|\bforename\b|\bprimer nombre\b|\bprenom\b/,
    strength: 10,
  },
  { field: "firstName", pattern: /\bfirst\b|\bgiven\b/, strength: 6 },
  {
    field: "lastName",
    pattern: /\blast ?name\b|\blname\b|\bsurname\b|\bfamily name\b|\bapellidos?\b|\bnom de famille\b/,
    strength: 10,
  },
  { field: "lastName", pattern: /\blast\b|\bfamily\b/, strength: 6 },
  {
    field: "fullName",
    pattern: /\bfull ?name\b|\byour name\b|\bcontact name\b|\bnombre completo\b|\bnom complet\b|\bnombre y apellido/,
    strength: 10,
  },
  // "Name", but not the "name" of "First Name" or "Company name": those say something else.
  {
    field: "fullName",
    pattern:
      /(?<!\b(first|last|given|family|sur|middle|company|business|user|dealer|dealership|account|nick|file) ?)\bname\b|\bnombre\b|\bnom\b/,
    strength: 5,
  },
  { field: "email", pattern: /\be ?mail\b|\bemail address\b|\bcorreo\b|\bcourriel\b/, strength: 10 },
  { field: "email", pattern: /\bmail\b|@/, strength: 6 },
  {
    field: "phone",
    pattern:
      /\bphone\b|\btelephone\b|\btel\b|\bmobile\b|\bcell\b|\bcellular\b|\btelefono\b|\bcelular\b|\bmovil\b|\bportable\b/,
    strength: 10,
  },
  {
    field: "zip",
    pattern: /\bzip\b|\bzip ?code\b|\bpostal\b|\bpost ?code\b|\bpostcode\b|\bcodigo postal\b|\bcode postal\b/,
    strength: 10,
  },
  {
    field: "message",
    pattern:
      /\bmessage\b|\bcomments?\b|\bquestions?\b|\binquiry\b|\benquiry\b|\bhow can we help\b|\bnotes?\b|\btell us\b|\bmensaje\b|\bcomentarios?\b|\bpregunta\b|\bconsulta\b|\bcommentaires?\b|\bdetails\b/,
    strength: 8,
  },
  { field: "subject", pattern: /\bsubject\b|\basunto\b|\bobjet\b|\bregarding\b/, strength: 8 },
  {
    field: "department",
    pattern:
      /\bdepartment\b|\bdept\b|\bsend to\b|\btopic\b|\breason\b|\binquiry type\b|\benquiry type\b|\btype of (inquiry|enquiry|request)\b|\bhow can we help\b|\bdepartamento\b|\bmotivo\b/,
    strength: 8,
  },
  {
    field: "preferredContact",
    pattern:
      /\bprefer(red)?\b|\bcontact method\b|\bmethod of contact\b|\b(reply|respond|contact me|reach me) (by|via)\b|\bbest way to (reach|contact)\b|\bhow (should|would you like|do you want) (we|us)\b|\bmetodo de contacto\b|\bcontactarme\b|\bpreferencia\b/,
    strength: 9,
  },
  {
    field: "consent",
    pattern:
      /\bagree\b|\bconsent\b|\bauthori[sz]e\b|\bopt ?in\b|\baccept\b|\bterms\b|\bprivacy\b|\bpermission\b|\bacepto\b|\bautorizo\b|\bconsiento\b|\bj accepte\b/,
    strength: 8,
  },
  {
    field: "referral",
    pattern: /\bhear about\b|\bheard about\b|\bfind us\b|\breferr(al|ed)\b|\blead source\b|\bcomo se entero\b/,
    strength: 9,
  },
  {
    field: "vehicle",
    pattern: /\bvehicles? of interest\b|\binterested in\b|\bvehicle\b|\bmodel\b|\bvehiculo\b|\bmodelo\b/,
    strength: 7,
  },
];

/** Where the words were found, and how much that place says. */
const SOURCE_WEIGHT = {
  label: 1,
  ariaLabel: 1,
  placeholder: 0.9,
  title: 0.7,
  identifier: 0.7,
  group: 0.8,
  nearby: 0.4,
  caption: 0.9,
};
/** A group caption ("Your Name" over First / Last) says less when the control has a label of its own. */
const GROUP_UNDER_LABEL = 0.3;

/** Exact `autocomplete` tokens (HTML's autofill field names) — the site telling us outright. */
const AUTOCOMPLETE: Record<string, LogicalField> = {
  "given-name": "firstName",
  "family-name": "lastName",
  name: "fullName",
  email: "email",
  tel: "phone",
  "tel-national": "phone",
  "postal-code": "zip",
};

/** Words that make a field something we must not fill with the profile. */
const TRAP =
  /\bhoneypot\b|\bleave (this )?(field )?(blank|empty)\b|\bdo not fill\b|\bdon t fill\b|\bvalidation purposes\b|\bleft unchanged\b|\bbots?\b|\bspam\b|\bif you are (a )?human\b/;
const NOT_VEHICLE_OF_INTEREST = /\btrade\b|\bcurrent vehicle\b|\bvin\b|\bmileage\b|\bstock\b/;

export interface FieldMatch {
  field: LogicalField | null;
  score: number;
  /** The runner-up, when it came close: the matcher is unsure. */
  alternative: LogicalField | null;
}

/** A control's words, one entry per place they came from. */
function sources(control: ControlInfo): [keyof typeof SOURCE_WEIGHT, string][] {
  return [
    ["label", normalize(control.label)],
    ["ariaLabel", normalize(control.ariaLabel)],
    ["placeholder", normalize(control.placeholder)],
    ["title", normalize(control.title)],
    ["identifier", `${identifierWords(control.name)} ${identifierWords(control.id)}`.trim()],
    ["group", normalize(control.group)],
    ["nearby", normalize(control.nearby)],
    ["caption", normalize(control.caption)],
  ];
}

/** All the words the page gives a control, for reports and trap checks. */
export function describeControl(control: ControlInfo): string {
  const said = [
    control.label,
    control.ariaLabel,
    control.placeholder,
    control.caption,
    control.group,
    control.title,
    control.nearby,
  ]
    .map((s) => s.trim())
    .find(Boolean);
  return said ?? (control.name || control.id || control.kind);
}

/** Whether a control is a trap for bots (a honeypot), by what it says or how it hides. */
export function isTrap(control: ControlInfo): boolean {
  if (!control.visible) return true;
  const words = sources(control)
    .map(([, text]) => text)
    .join(" ");
  // Out of the tab order and closed to autofill: a field no person is meant to reach.
  const unreachable =
    control.tabIndex < 0 &&
    /^(off|new-password|nope|false)$/i.test(control.autocomplete.trim()) &&
    control.kind !== "radio" &&
    control.kind !== "checkbox";
  return unreachable || TRAP.test(words);
}

/** Choices that name departments or contact methods tell what a select or radio group is. */
function choiceScores(choices: ChoiceInfo[]): Partial<Record<LogicalField, number>> {
  const texts = choices.map((c) => normalize(`${c.text} ${c.value}`));
  const has = (re: RegExp) => texts.some((t) => re.test(t));
  const out: Partial<Record<LogicalField, number>> = {};
  if (
    has(/\bsales?\b|\bventas?\b|\bventes?\b/) &&
    has(/\bservice\b|\bparts\b|\bservicio\b|\brefacciones\b|\brepuestos\b|\bfinanc/)
  )
    out.department = 12;
  if (has(/\be ?mail\b|\bcorreo\b/) && has(/\bphone\b|\bcall\b|\btext\b|\bsms\b|\btelefono\b|\bllamada\b/))
    out.preferredContact = 12;
  return out;
}

/**
 * What a control means, with a score; `field` is null when nothing matched well enough.
 * @example classifyControl({ ...control, kind: "tel", label: "Teléfono" }).field // "phone"
 */
export function classifyControl(control: ControlInfo): FieldMatch {
  const score: Partial<Record<LogicalField, number>> = {};
  const add = (field: LogicalField, points: number) => {
    score[field] = (score[field] ?? 0) + points;
  };

  for (const token of control.autocomplete.toLowerCase().split(/\s+/)) {
    const field = AUTOCOMPLETE[token];
    if (field) add(field, 12);
  }
  if (control.kind === "email") add("email", 8);
  if (control.kind === "tel") add("phone", 8);
  if (control.kind === "textarea") add("message", 6);

  for (const [source, text] of sources(control)) {
    if (!text) continue;
    for (const rule of RULES) {
      const weight = source === "group" && control.label ? GROUP_UNDER_LABEL : SOURCE_WEIGHT[source];
      if (rule.pattern.test(text)) add(rule.field, rule.strength * weight);
    }
  }
  for (const [field, points] of Object.entries(choiceScores(control.choices))) add(field as LogicalField, points);

  const allWords = sources(control)
    .map(([, t]) => t)
    .join(" ");
  if (NOT_VEHICLE_OF_INTEREST.test(allWords)) delete score.vehicle;
  fitKind(control, score);

  const ranked = (Object.entries(score) as [LogicalField, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 4) return { field: null, score: best?.[1] ?? 0, alternative: null };
  const close = second && second[1] >= best[1] * 0.8 ? second[0] : null;
  return { field: best[0], score: best[1], alternative: close };
}

/** A field's meaning must fit the kind of control: no message in a checkbox, no consent in a text box. */
function fitKind(control: ControlInfo, score: Partial<Record<LogicalField, number>>): void {
  const choice = control.kind === "select" || control.kind === "radio";
  const keep = (fields: LogicalField[]) => {
    for (const field of Object.keys(score) as LogicalField[]) if (!fields.includes(field)) delete score[field];
  };
  // A "Subject" to pick from is the department question by another name.
  if (choice && score.subject) score.department = Math.max(score.department ?? 0, score.subject);
  if (control.kind === "checkbox") keep(["consent", "preferredContact", "department"]);
  else if (choice) keep(["department", "preferredContact", "vehicle", "consent", "referral"]);
  else if (control.kind === "textarea") keep(["message"]);
  else if (control.kind === "date") keep([]);
  else if (control.kind === "number") keep(["zip", "phone"]);
  else delete score.consent;
  // A text box that only says "how can we help" wants the message, not a department.
  if (!choice && control.kind !== "checkbox") delete score.department;
  if (!choice) delete score.preferredContact;
}

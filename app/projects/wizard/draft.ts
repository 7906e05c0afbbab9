/**
 * The project wizard's state: what the user typed, as text, and each step's check with the
 * pieces of the `CreateProject` schema, so the wizard refuses what the API would refuse. An edit
 * starts from the project's own draft and sends only what changed.
 */
import type { z } from "zod";
import { unknownPlaceholders } from "../../../schema/message-template";
import {
  CreateProject,
  DEFAULT_RADIUS_MILES,
  MAX_BATCH_SIZE,
  MAX_CONCURRENCY,
  MAX_RADIUS_MILES,
  type ProjectDetail,
  ProjectLocation,
  ProjectSender,
  type UpdateProject,
} from "../../../schema/projects";

export type Draft = {
  name: string;
  description: string;
  locationKind: "zip" | "address";
  zip: string;
  address: string;
  radius: string;
  makes: string[];
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  senderZip: string;
  extra: { label: string; value: string }[];
  message: string;
  batchSize: string;
  concurrency: string;
};

export const STARTER_MESSAGE = `Hello {{dealership.name}} team,

I'm looking for a new {{make}} and would like to know what you have in stock, with your best out-the-door price.

You can reach me at {{sender.email}} or {{sender.phone}}.

Thanks,
{{sender.name}}`;

export const EMPTY_DRAFT: Draft = {
  name: "",
  description: "",
  locationKind: "zip",
  zip: "",
  address: "",
  radius: String(DEFAULT_RADIUS_MILES),
  makes: [],
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  senderZip: "",
  extra: [],
  message: STARTER_MESSAGE,
  batchSize: "5",
  concurrency: "2",
};

/** Whether the wizard makes a project or edits one. */
export type WizardMode = "create" | "edit";

export const STEPS = ["Project", "Search", "Sender", "Message", "Review"] as const;
export type Step = (typeof STEPS)[number];

/** A field of the draft with a problem (`extra.2` for the third extra field), and what is wrong. */
export type Problems = Partial<Record<string, string>>;

/** A schema message as a sentence beside its field: "is required" → "Name is required". */
function sentence(label: string, message: string): string {
  if (/^(is|must) /.test(message)) return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function check(problems: Problems, key: string, label: string, schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) problems[key] = sentence(label, parsed.error.issues[0]?.message ?? "is not valid");
}

/** A whole number from `min` to `max`, or the problem in words (zod's number messages read as code). */
function checkInt(problems: Problems, key: string, label: string, text: string, min: number, max: number) {
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n) || n < min || n > max)
    problems[key] = `${label} must be a whole number from ${min} to ${max}`;
}

const [ZipLocation, AddressLocation] = ProjectLocation.options;

/** What is wrong with the draft at `step`; empty when the user may go on. */
export function problemsAt(step: Step, draft: Draft): Problems {
  const p: Problems = {};
  const { shape } = CreateProject;
  switch (step) {
    case "Project":
      check(p, "name", "Name", shape.name, draft.name);
      check(p, "description", "Description", shape.description, draft.description);
      break;
    case "Search": {
      if (draft.locationKind === "zip") check(p, "zip", "ZIP", ZipLocation.shape.zip, draft.zip);
      else check(p, "address", "Address", AddressLocation.shape.address, draft.address);
      const radius = Number(draft.radius);
      if (draft.radius.trim() === "" || !(radius > 0) || radius > MAX_RADIUS_MILES)
        p.radius = `Radius must be more than 0 and at most ${MAX_RADIUS_MILES} miles`;
      check(p, "makes", "Makes", shape.makes, draft.makes);
      checkInt(p, "batchSize", "Batch size", draft.batchSize, 1, MAX_BATCH_SIZE);
      checkInt(p, "concurrency", "Concurrency", draft.concurrency, 1, MAX_CONCURRENCY);
      break;
    }
    case "Sender": {
      const s = ProjectSender.shape;
      check(p, "firstName", "First name", s.firstName, draft.firstName);
      check(p, "lastName", "Last name", s.lastName, draft.lastName);
      check(p, "email", "Email", s.email, draft.email);
      check(p, "phone", "Phone", s.phone, draft.phone);
      if (draft.senderZip.trim() && !/^\d{5}(-\d{4})?$/.test(draft.senderZip.trim()))
        p.senderZip = "ZIP must be 5 digits (or ZIP+4)";
      const seen = new Set<string>();
      draft.extra.forEach((field, i) => {
        const label = field.label.trim();
        if (!label && field.value.trim()) p[`extra.${i}`] = "Give this field a label";
        else if (label && seen.has(label.toLowerCase())) p[`extra.${i}`] = `“${label}” is already a field`;
        seen.add(label.toLowerCase());
      });
      break;
    }
    case "Message": {
      check(p, "message", "Message", shape.message, draft.message);
      const unknown = unknownPlaceholders(draft.message);
      if (!p.message && unknown.length)
        p.message = `Unknown placeholder${unknown.length > 1 ? "s" : ""}: ${unknown.map((u) => `{{${u}}}`).join(", ")}`;
      break;
    }
    case "Review":
      break;
  }
  return p;
}

/** The steps with a problem, in order: an edit's stepper marks them. */
export function stepsWithProblems(draft: Draft): Step[] {
  return STEPS.filter((step) => Object.keys(problemsAt(step, draft)).length > 0);
}

/** The first step with a problem, if any: the last step's button re-checks everything. */
export function firstStepWithProblems(draft: Draft): Step | null {
  return stepsWithProblems(draft)[0] ?? null;
}

/** The API's request body for a draft whose steps all pass. */
export function toCreateProject(draft: Draft): CreateProject {
  return CreateProject.parse({
    name: draft.name,
    description: draft.description,
    location: draft.locationKind === "zip" ? { zip: draft.zip } : { address: draft.address },
    radiusMiles: Number(draft.radius),
    makes: draft.makes,
    sender: {
      firstName: draft.firstName,
      lastName: draft.lastName,
      email: draft.email,
      phone: draft.phone,
      zip: draft.senderZip,
      extra: Object.fromEntries(draft.extra.filter((f) => f.label.trim()).map((f) => [f.label.trim(), f.value.trim()])),
    },
    message: draft.message,
    settings: { batchSize: Number(draft.batchSize), concurrency: Number(draft.concurrency) },
  });
}

/** A project as the wizard's draft, every step already valid: where an edit starts. */
export function draftFromProject(detail: ProjectDetail): Draft {
  const { location, sender, settings } = detail;
  return {
    name: detail.name,
    description: detail.description,
    locationKind: "zip" in location ? "zip" : "address",
    zip: "zip" in location ? location.zip : "",
    address: "address" in location ? location.address : "",
    radius: String(detail.radiusMiles),
    makes: [...detail.makes],
    firstName: sender.firstName,
    lastName: sender.lastName,
    email: sender.email,
    phone: sender.phone,
    senderZip: sender.zip,
    extra: Object.entries(sender.extra).map(([label, value]) => ({ label, value })),
    message: detail.message,
    batchSize: String(settings.batchSize),
    concurrency: String(settings.concurrency),
  };
}

/** Makes are a set: picking them in another order is no change. */
const comparable = (key: keyof CreateProject, value: unknown) =>
  JSON.stringify(key === "makes" ? [...(value as string[])].sort() : value);

/**
 * The parts of the project that differ between two complete drafts, as the API's edit body;
 * `{}` when nothing changed. A part is sent whole (the sender, the settings), as the API takes it.
 */
export function toUpdateProject(before: Draft, draft: Draft): UpdateProject {
  const old = toCreateProject(before);
  const now = toCreateProject(draft);
  const keys = Object.keys(now) as (keyof CreateProject)[];
  return Object.fromEntries(
    keys.filter((key) => comparable(key, old[key]) !== comparable(key, now[key])).map((key) => [key, now[key]]),
  );
}

/** The edit's parts that make the Worker look for dealers again. */
export const SEARCH_KEYS = ["location", "radiusMiles", "makes"] as const satisfies (keyof UpdateProject)[];

/** Whether an edit body changes where or what the project searches for. */
export const changesSearch = (update: UpdateProject) => SEARCH_KEYS.some((key) => key in update);

/** The search ZIP as the sender's ZIP when the sender has none yet (dealer forms often ask for one). */
export const withSenderZip = (draft: Draft): Draft =>
  draft.locationKind === "zip" && !draft.senderZip.trim() ? { ...draft, senderZip: draft.zip } : draft;

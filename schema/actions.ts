/**
 * The actions a button or a rule can run, as the app offers them: name, label and the shape of
 * their parameters. The registry in `automation/actions` runs them; this list is what a person
 * picks from, so both check parameters with the same schemas.
 */
import { z } from "zod";
import type { CellValue } from "./tables";

const CellValueParam: z.ZodType<CellValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(CellValueParam)]),
);

export const SetFieldsParams = z.object({
  fields: z
    .record(z.string(), CellValueParam)
    .refine((f) => Object.keys(f).length > 0, "Choose at least one column to set"),
});
export type SetFieldsParams = z.infer<typeof SetFieldsParams>;

export const WebhookParams = z.object({ url: z.url({ protocol: /^https?$/ }) });
export type WebhookParams = z.infer<typeof WebhookParams>;

/** Makes a Leads row from this row (found again by its Source when made before). */
export const LeadParams = z.object({});
export type LeadParams = z.infer<typeof LeadParams>;

/** Enrolls this row in a journey (a journey's entry rule runs it). */
export const JourneyParams = z.object({ journeyId: z.string().min(1, "name the journey") });
export type JourneyParams = z.infer<typeof JourneyParams>;

/** How the app asks for an action's parameters (`none`: it takes none). */
export type ParamsForm = "fields" | "url" | "none";

export const ACTION_CHOICES: readonly { name: string; label: string; form: ParamsForm; hint: string }[] = [
  { name: "set-fields", label: "Set fields", form: "fields", hint: "Writes the values into this row." },
  {
    name: "webhook",
    label: "Call a webhook",
    form: "url",
    hint: "POSTs the row as JSON to the URL; a failure is retried with backoff.",
  },
  {
    name: "lead",
    label: "Make a lead",
    form: "none",
    hint: "Adds this row to Leads (name, email, phone, company, location), once per row.",
  },
];

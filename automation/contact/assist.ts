/**
 * A second opinion from Claude when the field matcher is unsure: a compact description of the
 * form's visible fields goes out, a mapping of each field to its meaning comes back through a
 * forced tool call. Mappings are cached per site and form, so a dealer costs one request however
 * often it is contacted.
 */
import Anthropic from "@anthropic-ai/sdk";
import { z } from "zod";
import { LOGICAL_FIELDS, type LogicalField } from "../../schema/contact";
import type { ControlInfo, FormInfo } from "./page-model";

/** A fast, inexpensive model is enough to read a dozen form labels. */
export const FIELD_MAP_MODEL = "claude-haiku-4-5";
/** One try, briefly: the attempt goes on with the matcher's own reading if Claude is slow. */
const ASSIST_TIMEOUT_MS = 15_000;
/** Choices shown per select or radio group: enough to tell a department list from a contact-method list. */
const MAX_CHOICES = 8;

export type FieldMapping = Record<string, LogicalField | null>;

export interface MappingCache {
  get(key: string): Promise<FieldMapping | null>;
  put(key: string, mapping: FieldMapping): Promise<void>;
}

export interface FieldAssistant {
  /** Each visible control's meaning (null: not from the profile), by control ref. */
  mapFields(form: FormInfo, site: string): Promise<Map<number, LogicalField | null>>;
}

/** What identifies a control across page loads (refs do not survive a reload). */
export function controlKey(control: ControlInfo): string {
  return [control.kind, control.name, control.id, control.label, control.ariaLabel, control.placeholder].join("|");
}

/** A short, stable name for a form's set of fields, for the cache. */
export async function formSignature(form: FormInfo): Promise<string> {
  const keys = form.controls
    .filter((c) => c.visible)
    .map(controlKey)
    .sort()
    .join("\n");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(keys));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The form as Claude reads it: one line of facts per visible control, keyed c0, c1… */
export function describeForm(form: FormInfo): { text: string; keys: Map<string, ControlInfo> } {
  const keys = new Map<string, ControlInfo>();
  const lines = [`Form context: ${form.context || "(none)"}`];
  for (const control of form.controls.filter((c) => c.visible)) {
    const key = `c${keys.size}`;
    keys.set(key, control);
    const facts = Object.entries({
      kind: control.kind,
      label: control.label,
      aria: control.ariaLabel,
      placeholder: control.placeholder,
      name: control.name,
      id: control.id,
      group: control.group,
      nearby: control.nearby,
      autocomplete: control.autocomplete,
      choices: control.choices
        .slice(0, MAX_CHOICES)
        .map((c) => c.text || c.value)
        .join(" / "),
    })
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
    lines.push(`${key}: ${facts.join(" ")}${control.required ? " required" : ""}`);
  }
  return { text: lines.join("\n"), keys };
}

const MEANINGS = [...LOGICAL_FIELDS, "none"] as const;
const ToolInput = z.object({ fields: z.array(z.object({ key: z.string(), meaning: z.enum(MEANINGS) })) });

const INSTRUCTIONS = `You map the fields of a car dealership's website contact form to what a car buyer fills in.
Meanings: firstName, lastName, fullName, email, phone, zip, message (free text to the dealer), subject,
department (which team receives it), preferredContact (how to reply), consent (agreement checkbox),
vehicle (vehicle of interest), none (anything else: VIN, trade-in, dates, addresses, traps for bots).
Call map_fields once with every key.`;

export interface ClaudeOptions {
  apiKey: string;
  /** For tests and proxies; the SDK's default otherwise. */
  baseURL?: string;
  model?: string;
  cache?: MappingCache;
}

/** Claude as the field assistant, through the Anthropic SDK. */
export function claudeAssistant(options: ClaudeOptions): FieldAssistant {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: ASSIST_TIMEOUT_MS,
  });
  const memory = new Map<string, FieldMapping>();
  return {
    async mapFields(form, site) {
      const cacheKey = `${site}/${await formSignature(form)}`;
      let mapping = memory.get(cacheKey) ?? (await options.cache?.get(cacheKey)) ?? null;
      if (!mapping) {
        mapping = await ask(client, options.model ?? FIELD_MAP_MODEL, form);
        memory.set(cacheKey, mapping);
        await options.cache?.put(cacheKey, mapping);
      }
      const out = new Map<number, LogicalField | null>();
      for (const control of form.controls) {
        const meaning = mapping[controlKey(control)];
        if (meaning !== undefined) out.set(control.ref, meaning);
      }
      return out;
    },
  };
}

async function ask(client: Anthropic, model: string, form: FormInfo): Promise<FieldMapping> {
  const { text, keys } = describeForm(form);
  const response = await client.messages.create({
    model,
    max_tokens: 1024,
    system: INSTRUCTIONS,
    messages: [{ role: "user", content: text }],
    tools: [
      {
        name: "map_fields",
        description: "Report the meaning of every form field key.",
        input_schema: {
          type: "object",
          properties: {
            fields: {
              type: "array",
              items: {
                type: "object",
                properties: { key: { type: "string" }, meaning: { type: "string", enum: [...MEANINGS] } },
                required: ["key", "meaning"],
              },
            },
          },
          required: ["fields"],
        },
      },
    ],
    tool_choice: { type: "tool", name: "map_fields" },
  });
  const call = response.content.find((block) => block.type === "tool_use");
  const parsed = ToolInput.safeParse(call?.type === "tool_use" ? call.input : undefined);
  if (!parsed.success) throw new Error(`Claude's field mapping was not usable: ${parsed.error.issues[0]?.message}`);
  const mapping: FieldMapping = {};
  for (const { key, meaning } of parsed.data.fields) {
    const control = keys.get(key);
    if (control) mapping[controlKey(control)] = meaning === "none" ? null : meaning;
  }
  return mapping;
}

/**
 * A workspace's site settings (`GET/PATCH /api/sites/settings`): the model and output token limit
 * of each agent, whether bulk regeneration may wait for the Message Batches API, and the extra
 * hosts a site may load styles and fonts from. The defaults live with the agents
 * (`automation/sites/agents/settings.ts`); stored settings are layered over them.
 */
import { z } from "zod";
import { SITE_AGENTS, type SiteAgent } from "./site-agents";

/**
 * The API's bounds on `max_tokens` as we allow them: below 256 no agent's JSON answer fits; 64,000
 * is the most the current Sonnet and Opus models write in one answer.
 */
export const MIN_MAX_TOKENS = 256;
export const MAX_MAX_TOKENS = 64_000;
/** Enough for a workspace's font and style hosts; more reads as a mistake. */
export const MAX_ALLOWED_HOSTS = 20;

/** Any model name is taken (models change faster than this list would); it must not be blank. */
const ModelName = z
  .string()
  .trim()
  .min(1, "a model name such as claude-sonnet-5-5, not empty")
  .max(100)
  .regex(/^\S+$/, "a model name has no spaces");

const MaxTokens = z
  .number()
  .int("a whole number of tokens")
  .min(MIN_MAX_TOKENS, `at least ${MIN_MAX_TOKENS} tokens`)
  .max(MAX_MAX_TOKENS, `at most ${MAX_MAX_TOKENS.toLocaleString("en-US")} tokens`);

/** A DNS host name of two labels or more (RFC 1123), no scheme, port, path or wildcard. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const HostName = z
  .string()
  .trim()
  .toLowerCase()
  .refine((host) => HOST_NAME.test(host), {
    message: "a host name such as fonts.example.com (no scheme, port, path or wildcard)",
  });

const perAgent = <T extends z.ZodType>(value: T) =>
  z.strictObject(Object.fromEntries(SITE_AGENTS.map((agent) => [agent, value])) as Record<SiteAgent, T>);

export const SiteSettings = z.object({
  models: perAgent(ModelName),
  maxTokens: perAgent(MaxTokens),
  /** Bulk regeneration may go through the Message Batches API (half the price, up to a day late). */
  allowBatchDelay: z.boolean(),
  /** Hosts a generated site may load styles and fonts from, beyond its own. */
  allowedHosts: z
    .array(HostName)
    .max(MAX_ALLOWED_HOSTS, `at most ${MAX_ALLOWED_HOSTS} hosts`)
    .transform((hosts) => [...new Set(hosts)]),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/** A change: any agent's model or limit, the flag, or the whole host list; unknown fields are refused. */
export const SiteSettingsChange = z.strictObject({
  models: perAgent(ModelName).partial().optional(),
  maxTokens: perAgent(MaxTokens).partial().optional(),
  allowBatchDelay: z.boolean().optional(),
  allowedHosts: SiteSettings.shape.allowedHosts.optional(),
});
export type SiteSettingsChange = z.infer<typeof SiteSettingsChange>;

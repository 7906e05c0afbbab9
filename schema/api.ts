/**
 * Request and response shapes of the workspace API (`/api/...`), shared by the Worker, which
 * validates with them, and the app, which renders them.
 */
import { z } from "zod";
import { MessagingSettingsInput } from "./messaging-api";
import { GrantableRole, Role } from "./roles";

/** Lowercase letters, digits and single dashes, as in `/w/acme-motors`. */
export const Slug = z
  .string()
  .min(2, "must be at least 2 characters")
  .max(40, "must be at most 40 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase letters, digits and dashes");

export const CreateWorkspace = z.object({
  name: z.string().trim().min(1, "is required").max(80),
  slug: Slug.optional(),
});

export const UpdateWorkspace = z.object({ name: z.string().trim().min(1, "is required").max(80) });

export const UpdateMember = z.object({ role: Role });

export const CreateInvitation = z.object({
  role: GrantableRole.default("editor"),
  email: z.email().optional(),
  /** Days until the link stops working. */
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

export const CreateApiToken = z.object({
  name: z.string().trim().min(1, "is required").max(80),
  role: GrantableRole.default("editor"),
});

/** Provider secrets a workspace can hold; each is stored encrypted and never read back in clear. */
export const SECRET_KEYS = [
  "anthropicApiKey",
  "outscraperApiKey",
  "googlePlacesApiKey",
  "emailApiKey",
  "emailWebhookSecret",
  "smsApiKey",
  "smsWebhookSecret",
  "paymentsPublicKey",
  "paymentsApiKey",
  "paymentsWebhookSecret",
] as const;
export const SecretKey = z.enum(SECRET_KEYS);
export type SecretKey = z.infer<typeof SecretKey>;

export const SECRET_LABELS: Record<SecretKey, string> = {
  anthropicApiKey: "Anthropic API key",
  outscraperApiKey: "Outscraper API key",
  googlePlacesApiKey: "Google Places API key",
  emailApiKey: "Email provider API key",
  emailWebhookSecret: "Email provider webhook signing secret",
  smsApiKey: "SMS provider API key",
  smsWebhookSecret: "SMS provider webhook signing secret",
  paymentsPublicKey: "Payments public key",
  paymentsApiKey: "Payments secret key",
  paymentsWebhookSecret: "Payments webhook signing secret",
};

/**
 * Secrets: `null` clears one; a string replaces it; an absent key leaves it as it is. The
 * messaging sender and providers: the fields given replace the current ones.
 */
export const UpdateSettings = z
  .object({
    secrets: z.partialRecord(SecretKey, z.string().trim().min(1).max(4096).nullable()).optional(),
    ...MessagingSettingsInput.shape,
  })
  .refine(
    (s) => s.secrets || s.sender || s.providers || s.pace,
    "Nothing to change: send secrets, sender, providers or pace",
  );

export type WorkspaceSummary = { id: string; slug: string; name: string; role: Role };
export type Member = { userId: string; name: string; email: string; role: Role; joinedAt: string };
export type InvitationSummary = {
  id: string;
  role: GrantableRole;
  email: string | null;
  expiresAt: string;
  createdAt: string;
};
export type ApiTokenSummary = {
  id: string;
  name: string;
  role: GrantableRole;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};
export type SecretStatus = {
  key: SecretKey;
  label: string;
  set: boolean;
  hint: string | null;
  updatedAt: string | null;
};
export type AuditEntry = {
  id: string;
  action: string;
  actor: string | null;
  target: string | null;
  detail: Record<string, unknown> | null;
  createdAt: string;
};
export type Me = { user: { id: string; name: string; email: string }; workspaces: WorkspaceSummary[] };

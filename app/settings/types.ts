/**
 * What the settings page reads from the API. The shapes the Worker computes from automation/
 * (the warm-up ramp) and from its health counters are written out here because the app does not
 * import the Worker's or automation's modules.
 */
import type { SecretStatus } from "../../schema/api";
import type { MessagingSettings } from "../../schema/messaging-api";

/** automation/messaging/pace.ts `WarmUpStep`. */
export type WarmUpStep = { from: string; to: string | null; perDay: number };

export type SettingsAnswer = MessagingSettings & {
  workspace: { name: string; slug: string };
  role: string;
  secrets: SecretStatus[];
  warmUpSchedule: WarmUpStep[];
};

export type { HealthAnswer } from "../../schema/messaging-api";
